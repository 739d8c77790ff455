import type { AccessLogSearch, EnrollmentReport } from "@cairn/core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminEn, adminEs } from "../packages/web/src/admin/messages";
import { masteryEn } from "../packages/web/src/mastery/messages";
import {
  apiAs,
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

/** Presses Tab until the focused element's accessible text or label matches; fails after `limit` presses. */
async function tabTo(page: Page, matches: (element: { text: string; label: string }) => boolean, limit = 40) {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press("Tab");
    const now = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      const label = element?.id ? (document.querySelector(`label[for="${element.id}"]`)?.textContent ?? "") : "";
      return { text: element?.textContent?.trim() ?? "", label: label.trim() };
    });
    if (matches(now)) return;
  }
  throw new Error(`Tab never reached the wanted element in ${limit} presses`);
}

async function expectAxeClean(page: Page, label: string) {
  await waitForPage(page);
  const violations = await runAxe(page);
  expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
}

describe.skipIf(!browserPath)("a district admin's privacy pages", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
    // Reads to find in the log: a teacher's and the guardian's.
    const guardian = harness.account("guardian");
    const teacher = harness.account("teacher");
    const child = guardian.linkedPersonIds.find((id) => teacher.linkedPersonIds.includes(id)) ?? "";
    await (await apiAs(harness, teacher))(`/students/${child}`);
    await (await apiAs(harness, guardian))(`/students/${child}`);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("searches the access log by keyboard from the home page, and the page is axe-clean in both languages", async () => {
    const admin = harness.account("district_admin");
    const teacher = harness.account("teacher");
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, admin);
      await page.locator("main h1").focus();
      await tabTo(page, ({ text }) => text === adminEn["admin.home.accessLog"]);
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { level: 1, name: adminEn["admin.accessLog.title"] }).waitFor();
      await expectAxeClean(page, "access log [en]");

      await tabTo(page, ({ label }) => label === adminEn["admin.accessLog.actor"]);
      await page.keyboard.type("reyes");
      await page.keyboard.press("Enter");
      await page.waitForURL(/actor=reyes/);
      await waitForPage(page);
      const who = await texts(page, "main table tbody th");
      expect(who.length).toBeGreaterThan(0);
      expect(who.every((name) => name.startsWith(teacher.name))).toBe(true);
      // The page shows what the API answers for the same search.
      const api = await (await apiAs(harness, admin))<AccessLogSearch>("/access-log?actor=reyes");
      expect(who.length).toBe(api.entries.length);

      await page.getByRole("button", { name: "Español" }).click();
      await page.getByRole("heading", { level: 1, name: adminEs["admin.accessLog.title"] }).waitFor();
      await expectAxeClean(page, "access log [es]");
    } finally {
      await context.close();
    }
  });

  it("shows the enrolment report with small groups as *, never as numbers, axe-clean and keyboard-usable", async () => {
    const admin = harness.account("district_admin");
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, admin);
      await page.goto("/reports/enrollment");
      await page.getByRole("heading", { level: 1, name: adminEn["report.title"] }).waitFor();
      await expectAxeClean(page, "report [en]");
      await page.getByRole("heading", { name: adminEn["report.suppression.title"] }).waitFor();

      // Choose race and ethnicity with the keyboard: focus the select and pick by typing.
      await page.locator("main h1").focus();
      await tabTo(page, ({ label }) => label === adminEn["report.attribute"]);
      await page.keyboard.press("r"); // "Race and ethnicity"
      await page.waitForURL(/attribute=raceEthnicity/);
      await waitForPage(page);
      await page.locator("main caption", { hasText: adminEn["report.attribute.raceEthnicity"] }).waitFor();

      const report = await (await apiAs(harness, admin))<EnrollmentReport>(
        "/reports/enrollment?attribute=raceEthnicity",
      );
      const minimum = report.districts[0]?.minimumGroupSize ?? 10;
      const cells = await texts(page, "main table td.numeric");
      expect(cells.some((cell) => cell.startsWith("*"))).toBe(true);
      for (const cell of cells.filter((text) => !text.startsWith("*"))) {
        const value = Number(cell.replace(/[^\d]/g, ""));
        expect(value === 0 || value >= minimum, cell).toBe(true);
      }
      expect(cells.filter((cell) => cell.startsWith("*")).length).toBe(report.districts[0]?.suppressed);

      await page.getByRole("button", { name: "Español" }).click();
      await page.getByRole("heading", { level: 1, name: adminEs["report.title"] }).waitFor();
      await expectAxeClean(page, "report [es]");
    } finally {
      await context.close();
    }
  });
  it("chooses the district's mastery method and roll-up rule on the methods page; stored mastery follows", async () => {
    const admin = harness.account("district_admin");
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, admin);
      await page.goto("/mastery/methods");
      await waitForPage(page);
      await page.getByLabel(masteryEn["mastery.methods.method"]).selectOption("highest");
      await page.getByRole("button", { name: /Highest score/ }).click();
      const saved = page.getByRole("status").filter({ hasText: "stored mastery values were recomputed" });
      await saved.waitFor();
      const settings = await (await apiAs(harness, admin))<{ settings: { scope: string; method: { name: string } }[] }>(
        "/mastery-methods",
      );
      expect(settings.settings).toContainEqual(
        expect.objectContaining({ scope: "district", method: expect.objectContaining({ name: "highest" }) }),
      );

      await page.getByLabel(masteryEn["mastery.rollup.rule"]).selectOption("share");
      await page.getByLabel(masteryEn["mastery.rollup.share"]).fill("0.75");
      await page.getByRole("button", { name: /Save the rule/ }).click();
      await page.getByRole("status").getByText(masteryEn["mastery.rollup.saved"], { exact: true }).waitFor();
      const rules = await (await apiAs(harness, admin))<{ rules: { frameworkId: string | null; rule: unknown }[] }>(
        "/rollup-rules",
      );
      expect(rules.rules).toEqual([
        expect.objectContaining({ frameworkId: null, rule: { rule: "share", share: 0.75 } }),
      ]);
      await expectAxeClean(page, "mastery methods with the district's choice");
    } finally {
      await context.close();
    }
  });
});
