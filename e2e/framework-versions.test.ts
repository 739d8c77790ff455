import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../packages/web/src/i18n/messages";
import { browserPath, type Harness, newPage, runAxe, signIn, startHarness, texts, waitForPage } from "./harness";

const ELA = "English Language Arts Competencies, Grades 6–8";
const OLD_STATEMENT = "Cites textual evidence that supports an analysis of what a text says.";

describe.skipIf(!browserPath)("a district admin publishes a new version of a framework", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("edits a draft, is refused a prerequisite cycle, publishes, and the old version stays readable", async () => {
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, harness.account("district_admin"));
      await page.getByRole("link", { name: en["framework.nav"] }).click();
      await waitForPage(page);
      await page.getByRole("link", { name: ELA }).click();
      await waitForPage(page);
      const oldUrl = page.url();

      await page.getByLabel(en["framework.newVersionNumber"]).fill("2027");
      await page.getByRole("button", { name: en["framework.startVersion"] }).click();
      await page.waitForURL((url) => url.href !== oldUrl && /\/frameworks\/[0-9a-f-]+$/.test(url.pathname));
      await waitForPage(page);
      await page.getByText(en["framework.draftNote"]).waitFor();
      expect(await runAxe(page)).toEqual([]);

      await page.getByLabel(en["framework.search"]).fill("ELA.R.1");
      await page.getByRole("link", { name: /^ELA\.R\.1 / }).click();
      await waitForPage(page);
      await page
        .getByLabel(en["item.statement"])
        .fill("Cites several pieces of textual evidence to support an analysis.");
      await page.getByRole("button", { name: en["item.save"] }).click();
      await page.getByRole("status").filter({ hasText: en["item.saved"] }).waitFor();
      await page.locator("main h1").filter({ hasText: "Cites several pieces" }).waitFor();

      const addField = page.getByLabel(en["item.addPrerequisite"]);
      await addField.fill("ELA.R.4");
      await page.getByRole("button", { name: en["item.add"], exact: true }).click();
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toContain(
        "prerequisite cycle: ELA.R.4 → ELA.R.1 → ELA.R.2 → ELA.R.3 → ELA.R.4",
      );

      await addField.fill("ELA.L.2");
      await page.getByRole("button", { name: en["item.add"], exact: true }).click();
      await page.getByRole("button", { name: "Remove ELA.L.2" }).waitFor();
      expect(await texts(page, "h2:has-text('prerequisites') + ul .item-code")).toContain("ELA.L.2");
      expect(await runAxe(page)).toEqual([]);

      await page.getByRole("link", { name: /^Back to / }).click();
      await waitForPage(page);
      await page.getByRole("button", { name: en["framework.publish"] }).click();
      await page.locator(".badge-published").waitFor();
      expect(await page.getByText(en["framework.draftNote"]).count()).toBe(0);

      // The old version: deprecated, still there, unchanged.
      await page.goto(oldUrl);
      await waitForPage(page);
      await page.locator(".badge-deprecated").waitFor();
      await page.getByLabel(en["framework.search"]).fill("ELA.R.1");
      await page.getByRole("link", { name: /^ELA\.R\.1 / }).click();
      await waitForPage(page);
      expect(await page.locator("main p.statement").first().textContent()).toBe(OLD_STATEMENT);
      expect(await page.getByLabel(en["item.statement"]).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
