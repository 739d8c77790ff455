import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_PRIVACY_NOTICE } from "../packages/db/src/demo/privacy-notice";
import { en, es } from "../packages/web/src/i18n/messages";
import {
  browserPath,
  describeViolations,
  type Harness,
  newPage,
  runAxe,
  signIn,
  startHarness,
  texts,
  waitForPage,
} from "./harness";

/** Markup a family might type by accident or on purpose: it must arrive as text and never run. */
const HOSTILE = `My name is spelled <img src=x onerror="window.pwned=1"> O'Brien; drop table student; --`;

async function expectNoViolations(page: Page, label: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `${label}:\n${describeViolations(violations)}`).toEqual([]);
}

describe.skipIf(!browserPath)("a family's rights over the record", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("lets a guardian read the record as a page and ask for a correction, which the district answers", async () => {
    const guardian = harness.account("guardian");
    const child = guardian.linkedPersonIds[0] ?? "";
    const family = await newPage(harness);
    const district = await newPage(harness);
    try {
      const page = family.page;
      await signIn(page, guardian);
      await page.goto(`/students/${child}`);
      await waitForPage(page);

      // The readable copy: a plain page of the whole record, logged like the download.
      await page.getByRole("link", { name: en["record.readable"] }).click();
      await page.locator("h1").filter({ hasText: "Full record of" }).waitFor();
      expect(await page.getByRole("heading", { level: 2, name: "People" }).count()).toBe(1);
      await expectNoViolations(page, "readable copy");
      await page.goBack();
      await waitForPage(page);

      const form = page.getByRole("region", { name: en["corrections.title"] });
      await form.getByLabel(en["corrections.element"]).selectOption("guardians");
      await form.getByLabel(en["corrections.description"]).fill(HOSTILE);
      await form.getByRole("button", { name: en["corrections.submit"] }).click();
      await form.getByText(en["corrections.sent"]).waitFor();
      const row = form.locator("tbody tr").filter({ hasText: "O'Brien" });
      await row.waitFor();
      expect((await row.locator("th").textContent())?.trim()).toBe(HOSTILE);
      expect(await row.locator("td").nth(2).textContent()).toBe(en["correctionStatus.open"]);
      await expectNoViolations(page, "child's page with a correction request");

      // The district admin finds it in the queue and rejects it with a written answer.
      const admin = district.page;
      await signIn(admin, harness.account("district_admin"));
      await admin
        .getByRole("navigation", { name: en["nav.main"] })
        .getByRole("link", { name: en["queue.title"] })
        .click();
      await waitForPage(admin);
      const item = admin.locator(".queue-list > li").filter({ hasText: "O'Brien" });
      await item.waitFor();
      await expectNoViolations(admin, "correction queue");
      await item.getByLabel(en["queue.reject"]).check();
      await item.getByLabel(en["queue.resolution"]).fill("The spelling matches the birth certificate on file.");
      await item.getByRole("button", { name: en["queue.resolve"] }).click();
      await item.getByRole("heading").filter({ hasText: en["correctionStatus.rejected"] }).waitFor();
      expect(await item.getByRole("button", { name: en["queue.resolve"] }).count()).toBe(0);

      // The family sees the answer; nothing the family typed ever ran as markup.
      await page.reload();
      await waitForPage(page);
      const answered = page.getByRole("region", { name: en["corrections.title"] }).locator("tbody tr").first();
      await answered.filter({ hasText: en["correctionStatus.rejected"] }).waitFor();
      expect(await answered.textContent()).toContain("The spelling matches the birth certificate on file.");
      expect(await answered.textContent()).toContain(harness.account("district_admin").name);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      expect(await admin.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    } finally {
      await family.context.close();
      await district.context.close();
    }
  });

  it("shows the annual notice and the providers to a guardian in Spanish, from the navigation", async () => {
    const { context, page } = await newPage(harness, { language: "es" });
    try {
      await signIn(page, harness.account("guardian"));
      await page
        .getByRole("navigation", { name: es["nav.main"] })
        .getByRole("link", { name: es["notice.nav"] })
        .click();
      await waitForPage(page);
      expect(await texts(page, "main h1")).toEqual([es["notice.title"]]);
      const firstParagraph = SAMPLE_PRIVACY_NOTICE.es.split("\n\n")[0] ?? "";
      await page.getByText(firstParagraph).waitFor();
      await page.getByRole("heading", { name: es["notice.providersTitle"] }).waitFor();
      await expectNoViolations(page, "privacy notice [es]");
    } finally {
      await context.close();
    }
  });

  it("lets the district admin publish a new notice that families then read", async () => {
    const admin = await newPage(harness);
    const family = await newPage(harness);
    try {
      await signIn(admin.page, harness.account("district_admin"));
      await admin.page.goto("/privacy-notice/edit");
      await waitForPage(admin.page);
      // The editor opens on the published notice.
      expect(await admin.page.getByLabel(en["editor.en"]).inputValue()).toBe(SAMPLE_PRIVACY_NOTICE.en);
      await expectNoViolations(admin.page, "notice editor");
      await admin.page.getByLabel(en["editor.schoolYear"]).fill("2027-2028");
      await admin.page.getByLabel(en["editor.en"]).fill("Next year we collect the same, and nothing more.");
      await admin.page.getByLabel(en["editor.es"]).fill("");
      await admin.page.getByRole("button", { name: en["editor.publish"] }).click();
      await admin.page.getByText(en["editor.published"].replace("{year}", "2027-2028")).waitFor();

      // Without Spanish, a Spanish reader gets the English text and is told why.
      await family.context.addInitScript(`window.localStorage.setItem("cairn.language", "es");`);
      await signIn(family.page, harness.account("guardian"));
      await family.page.goto("/privacy-notice");
      await waitForPage(family.page);
      await family.page.getByText("Next year we collect the same, and nothing more.").waitFor();
      await family.page.getByText(es["notice.fallback"]).waitFor();
      expect(await texts(family.page, "main h2")).toContain(es["notice.schoolYear"].replace("{year}", "2027-2028"));
    } finally {
      await admin.context.close();
      await family.context.close();
    }
  });
});
