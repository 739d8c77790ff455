import type { Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en, es } from "../packages/web/src/i18n/messages";
import { browserPath, type Harness, newPage, signIn, startHarness, waitForPage } from "./harness";

describe.skipIf(!browserPath)("signing in and out", () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("says in the reader's words that the password is wrong, and disables the form while it waits", async () => {
    const { context, page } = await newPage(harness);
    try {
      await page.goto("/sign-in");
      await waitForPage(page);
      // Hold the sign-in request until the form has been seen disabled.
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route("**/api/v1/auth/sign-in", async (route: Route) => {
        await held;
        await route.continue();
      });
      await page.getByLabel("Email").fill(harness.account("teacher").email);
      await page.getByLabel("Password").fill("not-the-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      const submit = page.locator('main button[type="submit"]');
      await expect.poll(() => submit.isDisabled()).toBe(true);
      expect(await page.getByLabel("Email").isDisabled()).toBe(true);
      release();

      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toBe(en["signIn.wrong"]);
      expect(await submit.isDisabled()).toBe(false);
      expect(new URL(page.url()).pathname).toBe("/sign-in");
      expect((await page.request.get("/api/v1/me")).status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it("tells a Spanish reader the same in Spanish", async () => {
    const { context, page } = await newPage(harness, { language: "es" });
    try {
      await page.goto("/sign-in");
      await waitForPage(page);
      await page.getByLabel(es["signIn.email"]).fill("nobody@maplewood.example");
      await page.getByLabel(es["signIn.password"]).fill("wrong");
      await page.getByRole("button", { name: es["signIn.submit"] }).click();
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toBe(es["signIn.wrong"]);
    } finally {
      await context.close();
    }
  });
  it("signs out back to the sign-in page, after which /me is 401 and pages need signing in again", async () => {
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, harness.account("teacher"));
      expect((await page.request.get("/api/v1/me")).status()).toBe(200);
      const cookie = (await context.cookies()).find((candidate) => candidate.name === "cairn_session");
      expect(cookie?.httpOnly).toBe(true);

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL((url) => url.pathname === "/sign-in");
      expect(await page.locator("main h1").textContent()).toBe("Sign in to Cairn");
      expect((await page.request.get("/api/v1/me")).status()).toBe(401);
      // The old session token is dead on the server too, not only forgotten by the browser.
      const replay = await fetch(`${harness.baseUrl}/api/v1/me`, {
        headers: { cookie: `cairn_session=${cookie?.value}` },
      });
      expect(replay.status).toBe(401);

      await page.goto("/sections");
      await page.waitForURL((url) => url.pathname === "/sign-in");
      expect(await page.locator("main h1").textContent()).toBe("Sign in to Cairn");
    } finally {
      await context.close();
    }
  });

  it("a page opened without a session asks to sign in, then returns to that page", async () => {
    const teacher = harness.account("teacher");
    const { context, page } = await newPage(harness);
    try {
      await page.goto("/sections");
      await page.waitForURL((url) => url.pathname === "/sign-in");
      await page.getByLabel("Email").fill(teacher.email);
      await page.getByLabel("Password").fill(teacher.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname === "/sections");
      await waitForPage(page);
      expect(await page.locator("main h1").textContent()).toBe("Sections");

      // A session that ends on the server sends the next request's 401 back to sign-in.
      await fetch(`${harness.baseUrl}/api/v1/auth/sign-out`, {
        method: "POST",
        headers: { cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ") },
      });
      await page.locator("main tbody th a").first().click();
      await page.waitForURL((url) => url.pathname === "/sign-in");
    } finally {
      await context.close();
    }
  });

  it("answers an unknown address inside the app with a 404 page", async () => {
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, harness.account("guardian"));
      await page.goto("/no/such/page");
      await waitForPage(page);
      expect(await page.locator("main h1").textContent()).toBe("Page not found");
    } finally {
      await context.close();
    }
  });
});
