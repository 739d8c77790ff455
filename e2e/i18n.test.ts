import type { Me } from "@cairn/core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en, es } from "../packages/web/src/i18n/messages";
import { apiAs, browserPath, type Harness, newPage, signIn, startHarness, waitForPage } from "./harness";

/** Interface strings that exist only in English: showing one of them in Spanish is a missed translation. */
const ENGLISH_ONLY = new Set<string>(
  (Object.keys(en) as (keyof typeof en)[])
    .filter((key) => en[key] !== es[key] && !en[key].includes("{"))
    .map((key) => en[key]),
);

/** Every piece of text the page shows or announces: each element's own text, labels and button names. */
async function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll("body *"))) {
      const own = Array.from(element.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? "")
        .join("")
        .trim();
      if (own) found.push(own);
      const label = element.getAttribute("aria-label");
      if (label) found.push(label.trim());
    }
    return found;
  });
}

async function untranslated(page: Page): Promise<string[]> {
  return (await shownTexts(page)).filter((text) => ENGLISH_ONLY.has(text));
}

describe.skipIf(!browserPath)("a guardian reads the app in Spanish", () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("switches to Spanish, keeps it across a reload, and shows no English interface text", async () => {
    const guardian = harness.account("guardian");
    const me = await (await apiAs(harness, guardian))<Me>("/me");
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, guardian);
      // No choice made on this device yet: the person's preferred language applies.
      expect(me.person.preferredLanguage).toBe("en");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      expect(await page.locator("main h1").textContent()).toBe(en["home.guardian.title"]);
      // The check below would catch English text: here, in English, it finds plenty.
      expect((await untranslated(page)).length).toBeGreaterThan(3);

      const spanish = page.getByRole("button", { name: "Español" });
      expect(await spanish.getAttribute("aria-pressed")).toBe("false");
      await spanish.click();
      expect(await page.locator("main h1").textContent()).toBe(es["home.guardian.title"]);
      expect(await spanish.getAttribute("aria-pressed")).toBe("true");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
      expect(await page.getByRole("button", { name: es["nav.signOut"] }).count()).toBe(1);
      expect(await untranslated(page)).toEqual([]);

      await page.reload();
      await waitForPage(page);
      expect(await page.locator("main h1").textContent()).toBe(es["home.guardian.title"]);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");

      // A child's profile is in Spanish too.
      await page.getByRole("link", { name: es["home.guardian.open"].replace("{name}", "Ava") }).click();
      await waitForPage(page);
      expect(await page.locator("main h1").textContent()).toBe("Ava Martinez");
      expect(await page.locator("main h2").allTextContents()).toEqual([
        es["profile.record"],
        es["profile.sections"],
        es["profile.mentors"],
        es["profile.guardians"],
        es["accessLog.title"],
        es["corrections.title"],
      ]);
      expect(await untranslated(page)).toEqual([]);

      // The choice belongs to the device: after signing out, the sign-in page is still in Spanish.
      await page.getByRole("button", { name: es["nav.signOut"] }).click();
      await page.waitForURL((url) => url.pathname === "/sign-in");
      expect(await page.locator("main h1").textContent()).toBe(es["signIn.title"]);
      expect(await untranslated(page)).toEqual([]);

      // And back to English.
      await page.getByRole("button", { name: "English" }).click();
      expect(await page.locator("main h1").textContent()).toBe(en["signIn.title"]);
      expect(await page.evaluate(() => window.localStorage.getItem("cairn.language"))).toBe("en");
    } finally {
      await context.close();
    }
  });
});
