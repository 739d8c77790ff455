import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserPath, type Harness, signIn, startHarness, waitForPage } from "./harness";

describe.skipIf(!browserPath)("the app under its own Content-Security-Policy", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("signs in, lists sections and opens a roster and a profile without a single policy violation", async () => {
    // Unlike the other browser tests, this context keeps the policy in force.
    const context = await harness.browser.newContext({ baseURL: harness.baseUrl });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    try {
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await signIn(page, harness.account("teacher"));
      await page.locator("main a[href^='/sections/']").first().click();
      await waitForPage(page);
      await page.locator("main tbody a[href^='/students/']").first().click();
      await waitForPage(page);
      expect(await page.locator("main h1").textContent()).not.toBe("");
      const policy = (await page.request.get("/")).headers()["content-security-policy"];
      expect(policy).toContain("script-src 'self'");
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
