import type { Progress, Section } from "@cairn/core";
import type { DemoAccount } from "@cairn/db";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en, es, type Messages } from "../packages/web/src/i18n/messages";
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
 * A student's learning record in a real browser: Mateo sends evidence from outside school
 * and sees it waiting for a teacher; his mother reads the plain-words summary in English and
 * Spanish and asks for a reassessment; a teacher reads the record without the family's form.
 * Assertions are about what the test does and what the API answers, never about how much
 * evidence the demo holds.
 */
describe.skipIf(!browserPath)("the learning record of a student", () => {
  let harness: Harness;
  let mateo: DemoAccount;
  let guardian: DemoAccount;
  /** Mateo's class with the named teacher, as his progress lists it. */
  let mathCourse: Progress["courses"][number];

  beforeAll(async () => {
    harness = await startHarness();
    const found = harness.accounts.find((account) => account.name === "Mateo Martinez");
    if (!found) throw new Error("no demo account for Mateo Martinez");
    mateo = found;
    guardian = harness.account("guardian");
    const { sections } = await (await apiAs(harness, harness.account("teacher")))<{ sections: Section[] }>("/sections");
    const progress = await (await apiAs(harness, mateo))<Progress>(`/students/${mateo.personId}/progress`);
    const course = progress.courses.find((candidate) => sections.some((section) => section.id === candidate.sectionId));
    if (!course) throw new Error("Mateo is not in the named teacher's class this term");
    mathCourse = course;
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function expectNoViolations(page: Page, label: string) {
    const violations = await runAxe(page);
    expect(violations, `${label}:\n${describeViolations(violations)}`).toEqual([]);
  }

  /** The plain-words sentence the page gives a course, in one language. */
  function sentence(messages: Messages, language: string, course: Progress["courses"][number]): string {
    const number = (value: number) => new Intl.NumberFormat(language).format(value);
    const template =
      course.total === 0
        ? messages["learning.summary.noSkills"]
        : course.mastered + course.inProgress > 0
          ? messages["learning.summary.course"]
          : messages["learning.summary.notStarted"];
    return template
      .replace("{course}", course.sectionName)
      .replace("{mastered}", number(course.mastered))
      .replace("{total}", number(course.total));
  }

  it("lets Mateo send evidence from outside school, which waits in his portfolio for a teacher", async () => {
    const title = "Measured the community garden beds for new soil";
    const reflection = "I worked out the area of each bed and the ratio of compost to soil.";
    const { context, page } = await newPage(harness, { serverClock: true });
    try {
      // His home is his own profile; the learning record is one link away.
      await signIn(page, mateo);
      await page.getByRole("link", { name: en["learning.link.open"].replace("{name}", "Mateo") }).click();
      await waitForPage(page);
      expect(await page.locator("main h1").textContent()).toBe(en["learning.title"].replace("{name}", mateo.name));
      await page.getByText(sentence(en, "en", mathCourse)).waitFor();
      await expectNoViolations(page, "learning record");

      const form = page.locator("form").filter({ has: page.getByRole("button", { name: en["learning.submit.send"] }) });
      const skill = form.getByLabel(en["learning.submit.skill"]);
      // A skill of his math class, whatever the demo's evidence holds.
      const firstOfClass = skill.locator(`optgroup[label="${mathCourse.sectionName}"] option`).first();
      const itemId = (await firstOfClass.getAttribute("value")) ?? "";
      const itemText = (await firstOfClass.textContent()) ?? "";
      expect(itemId).not.toBe("");

      // A date in the future is refused next to the date, before anything is sent.
      await form.getByLabel(en["learning.submit.title"]).fill(title);
      await form.getByLabel(en["learning.submit.kind"]).selectOption("project");
      await form.getByLabel(en["learning.submit.setting"]).selectOption("community");
      await form.getByLabel(en["learning.submit.date"]).fill("2099-01-01");
      await skill.selectOption(itemId);
      const level = form.getByLabel(en["learning.submit.level"]);
      const mastery = level.locator("option").filter({ hasText: `(${en["learning.submit.levelMastery"]})` });
      await mastery.waitFor({ state: "attached" });
      await level.selectOption((await mastery.getAttribute("value")) ?? "");
      await form.getByLabel(en["learning.submit.reflection"]).fill(reflection);
      await form.getByRole("button", { name: en["learning.submit.send"] }).click();
      const date = form.getByLabel(en["learning.submit.date"]);
      expect(await date.getAttribute("aria-invalid")).toBe("true");
      const describedBy = (await date.getAttribute("aria-describedby")) ?? "";
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain(en["learning.error.future"]);
      await expectNoViolations(page, "form with an error");

      await date.fill("2026-10-24");
      await form.getByRole("button", { name: en["learning.submit.send"] }).click();
      await page.getByRole("status").filter({ hasText: en["learning.submit.sent"] }).waitFor();
      expect(await form.getByLabel(en["learning.submit.title"]).inputValue()).toBe("");

      // The portfolio shows it at once, waiting for a teacher, with his reflection.
      const entry = page.locator('#learning-portfolio li[data-status="pending"]').filter({ hasText: title });
      await entry.waitFor();
      const text = (await entry.textContent()) ?? "";
      expect(text).toContain(en["learning.status.pending"]);
      expect(text).toContain(reflection);
      expect(text).toContain(en["learning.kind.project"]);
      expect(text).toContain(en["learning.setting.community"]);
      expect(text).toContain(mateo.name);
      expect(text).toContain(itemText.split(" (")[0]);
      await expectNoViolations(page, "learning record after sending");
    } finally {
      await context.close();
    }
  });

  it("gives the guardian the plain words in English and Spanish, the reasons for a level, and a reassessment request", async () => {
    const progress = await (await apiAs(harness, guardian))<Progress>(`/students/${mateo.personId}/progress`);
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, guardian);
      await page.goto(`/students/${mateo.personId}`);
      await waitForPage(page);
      await page.getByRole("link", { name: en["learning.link.open"].replace("{name}", "Mateo") }).click();
      await waitForPage(page);
      const summary = page.locator("#learning-summary");
      for (const course of progress.courses) await summary.getByText(sentence(en, "en", course)).waitFor();
      expect(await summary.getByRole("img").count()).toBe(progress.courses.filter((course) => course.total > 0).length);

      await page.getByRole("button", { name: "Español" }).click();
      await page.getByRole("heading", { level: 2, name: es["learning.summary.title"] }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
      for (const course of progress.courses) await summary.getByText(sentence(es, "es", course)).waitFor();
      await page.getByRole("heading", { level: 2, name: es["learning.submit.heading"] }).waitFor();
      await expectNoViolations(page, "learning record [es]");

      // Why a level: the method and the evidence that counted, opened by keyboard.
      const why = page.locator("#learning-skills tbody button[aria-expanded]").first();
      await why.focus();
      await page.keyboard.press("Enter");
      expect(await why.getAttribute("aria-expanded")).toBe("true");
      const detail = page.locator(`[id="${await why.getAttribute("aria-controls")}"]`);
      await detail.getByText(es["learning.why.method"].split(":")[0] ?? "").waitFor();

      // A reassessment request, on the first skill that has none open.
      const row = page
        .locator("#learning-skills tbody tr")
        .filter({ has: page.getByRole("button", { name: es["learning.reassess.ask"] }) })
        .first();
      const itemId = await row.getAttribute("data-item-id");
      await row.getByRole("button", { name: es["learning.reassess.ask"] }).click();
      const asked = page.locator(`#learning-skills tr[data-item-id="${itemId}"] .learning-reassess-status`);
      await asked.filter({ hasText: es["learning.reassess.open"].split(" el ")[0] ?? "" }).waitFor();
      expect(
        await page
          .locator(`#learning-skills tr[data-item-id="${itemId}"]`)
          .getByRole("button", { name: es["learning.reassess.ask"] })
          .count(),
      ).toBe(0);
      await expectNoViolations(page, "learning record after a reassessment request [es]");
    } finally {
      await context.close();
    }
  });

  it("shows a teacher the record without the family's form or reassessment buttons", async () => {
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, harness.account("teacher"));
      await page.goto(`/students/${mateo.personId}/learning`);
      await waitForPage(page);
      await page.getByText(sentence(en, "en", mathCourse)).waitFor();
      expect(await page.getByRole("heading", { name: en["learning.submit.heading"] }).count()).toBe(0);
      expect(await page.getByRole("button", { name: en["learning.reassess.ask"] }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("runs under the app's Content-Security-Policy without a violation", async () => {
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
      await signIn(page, mateo);
      await page.goto(`/students/${mateo.personId}/learning`);
      await waitForPage(page);
      await page.locator(".learning-stack").first().waitFor();
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
