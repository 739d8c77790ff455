import type { Gradebook, Section, SectionRoster } from "@cairn/core";
import type { DemoAccount } from "@cairn/db";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../packages/web/src/i18n/messages";
import {
  apiAs,
  browserPath,
  describeViolations,
  type Harness,
  newPage,
  runAxe,
  signIn,
  startHarness,
  waitForPage,
} from "./harness";

/**
 * The teacher's side of evidence, in a real browser: scoring a task on the rubric for the
 * class changes the heatmap; evidence a student sends from outside school waits in the
 * teacher's queue, and once validated the cell's explanation lists it.
 */
describe.skipIf(!browserPath)("the gradebook and the validation queue", () => {
  let harness: Harness;
  let teacher: DemoAccount;
  let mateo: DemoAccount;
  let sectionId: string;
  let gradebook: Gradebook;

  beforeAll(async () => {
    harness = await startHarness();
    teacher = harness.account("teacher");
    const found = harness.accounts.find((account) => account.name === "Mateo Martinez");
    if (!found) throw new Error("no demo account for Mateo Martinez");
    mateo = found;
    const teacherApi = await apiAs(harness, teacher);
    const { sections } = await teacherApi<{ sections: Section[] }>("/sections");
    for (const section of sections) {
      const roster = await teacherApi<SectionRoster>(`/sections/${section.id}`);
      if (roster.students.some((student) => student.id === mateo.personId)) sectionId = section.id;
    }
    gradebook = await teacherApi<Gradebook>(`/sections/${sectionId}/gradebook`);
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** Mateo's cell button for an item, found by its data attributes. */
  const cell = (page: Page, itemId: string) =>
    page.locator(`tr[data-student-id="${mateo.personId}"] button[data-item-id="${itemId}"]`);

  async function expectNoViolations(page: Page, label: string) {
    const violations = await runAxe(page);
    expect(violations, `${label}:\n${describeViolations(violations)}`).toEqual([]);
  }

  it("a teacher scores a task on the rubric for the class, and the heatmap changes", async () => {
    expect(gradebook.items.length).toBeGreaterThan(0);
    // A skill Mateo has no evidence on yet, so scoring it Advanced turns a blank cell into Advanced.
    const item = gradebook.items.find(
      (candidate) =>
        !gradebook.cells.some((entry) => entry.studentId === mateo.personId && entry.itemId === candidate.itemId),
    );
    if (!item) throw new Error("Mateo has evidence on every skill of the course");
    const { context, page } = await newPage(harness, { serverClock: true });
    try {
      await signIn(page, teacher);
      await page.goto(`/sections/${sectionId}/gradebook`);
      await waitForPage(page);
      await expectNoViolations(page, "gradebook");
      const before = await cell(page, item.itemId).locator(".cell-label").textContent();
      expect(before).toContain(en["gradebook.notStarted"]);
      expect(await cell(page, item.itemId).locator("xpath=..").getAttribute("class")).toBe("heat-none");

      await page.getByRole("link", { name: en["gradebook.score"] }).click();
      await waitForPage(page);
      await page.getByRole("checkbox", { name: new RegExp(escapeRegExp(item.code ?? item.statement)) }).check();
      const row = page.locator(`tr[data-student-id="${mateo.personId}"]`);
      await row.getByRole("combobox").selectOption({ label: "4 Advanced" });
      await row.getByText(en["score.saved"], { exact: true }).waitFor();
      await expectNoViolations(page, "scoring");

      await page.getByRole("link", { name: en["score.back"] }).click();
      await waitForPage(page);
      await expect
        .poll(() => cell(page, item.itemId).locator(".cell-label").textContent())
        .toContain(en["gradebook.mastered"]);
      const after = await cell(page, item.itemId).locator(".cell-label").textContent();
      expect(after).toContain("Advanced");
      expect(after).not.toBe(before);
      expect(await cell(page, item.itemId).locator("xpath=..").getAttribute("class")).toBe("heat-3");
    } finally {
      await context.close();
    }
  });

  it("works by keyboard: one tab stop for the grid, arrows between cells, Enter opens a cell and Close returns to it", async () => {
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, teacher);
      await page.goto(`/sections/${sectionId}/gradebook`);
      await waitForPage(page);
      const cells = page.locator("button.heat-cell");
      await cells.first().focus();
      expect(await page.locator('button.heat-cell[tabindex="0"]').count()).toBe(1);
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowDown");
      const focused = page.locator("button.heat-cell:focus");
      const [secondItem, secondStudent] = [gradebook.items[1]?.itemId, gradebook.students[1]?.studentId];
      expect(await focused.getAttribute("data-item-id")).toBe(secondItem);
      expect(await focused.locator("xpath=ancestor::tr").getAttribute("data-student-id")).toBe(secondStudent);
      await page.keyboard.press("Enter");
      const detail = page.locator("section.cell-detail");
      await detail.waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H2");
      await detail.getByRole("button", { name: en["gradebook.detail.close"] }).press("Enter");
      expect(await page.locator("button.heat-cell:focus").getAttribute("data-item-id")).toBe(secondItem);
    } finally {
      await context.close();
    }
  });

  it("a student's evidence from outside school waits for the teacher, and once validated the explanation lists it", async () => {
    const item = gradebook.items[1] ?? gradebook.items[0];
    if (!item) throw new Error("the course has no items");
    const title = "Budgeting at the community garden";
    const student = await newPage(harness, { serverClock: true });
    const educator = await newPage(harness, { serverClock: true });
    try {
      // The student sends it from the learning record's form.
      await signIn(student.page, mateo);
      await student.page.goto(`/students/${mateo.personId}/learning`);
      await waitForPage(student.page);
      await submitOutOfSchoolEvidence(student.page, title, item);

      // The teacher finds it in the queue and validates it.
      const page = educator.page;
      await signIn(page, teacher);
      await page.getByRole("link", { name: en["queue.link"] }).click();
      await waitForPage(page);
      const card = page.locator("li.card").filter({ hasText: title });
      await card.getByText("I kept the garden's accounts").waitFor();
      await expectNoViolations(page, "queue");
      await card.getByRole("button", { name: en["queue.validate"] }).click();
      await card.getByRole("status").waitFor();

      // The gradebook cell's explanation names it among the evidence that counts.
      await page.goto(`/sections/${sectionId}/gradebook`);
      await waitForPage(page);
      await cell(page, item.itemId).click();
      const detail = page.locator("section.cell-detail");
      await detail.getByRole("table").waitFor();
      await detail.getByRole("rowheader", { name: title }).waitFor();
      await expectNoViolations(page, "cell explanation");
    } finally {
      await student.context.close();
      await educator.context.close();
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Fills the learning record's "evidence from outside school" form for one skill at level 3 and sends it. */
async function submitOutOfSchoolEvidence(page: Page, title: string, item: Gradebook["items"][number]) {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: en["learning.submit.send"] }) });
  await form.getByLabel(en["learning.submit.title"]).fill(title);
  await form.getByLabel(en["learning.submit.skill"]).selectOption(item.itemId);
  await form.getByLabel(en["learning.submit.level"]).selectOption("3");
  await form.getByLabel(en["learning.submit.reflection"]).fill("I kept the garden's accounts for a month.");
  await form.getByRole("button", { name: en["learning.submit.send"] }).click();
  await page.getByRole("status").filter({ hasText: en["learning.submit.sent"] }).waitFor();
}
