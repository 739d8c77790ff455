import type { FrameworkDetail, FrameworkSummary, Role, Section, SectionRoster } from "@cairn/core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const LANGUAGES = ["en", "es"] as const;
type Language = (typeof LANGUAGES)[number];

interface Fixture {
  sectionId: string;
  studentId: string;
  childId: string;
  frameworkId: string;
  itemId: string;
  /** The signed-in student's own id, for their learning record. */
  ownStudentId: string;
}

/** Each role's pages: its home page and the other pages it reaches. */
const VISITS: { role: Role | "signed out"; paths: (fixture: Fixture) => string[] }[] = [
  { role: "signed out", paths: () => ["/sign-in"] },
  {
    role: "teacher",
    paths: (f) => [
      "/",
      `/sections/${f.sectionId}`,
      `/sections/${f.sectionId}/gradebook`,
      `/sections/${f.sectionId}/score`,
      "/evidence/pending",
      `/students/${f.studentId}`,
      "/frameworks",
      "/mastery/methods",
      `/frameworks/${f.frameworkId}`,
      `/frameworks/${f.frameworkId}/items/${f.itemId}`,
    ],
  },
  { role: "paraprofessional", paths: () => ["/"] },
  { role: "student", paths: (f) => ["/", `/students/${f.ownStudentId}/learning`] },
  {
    role: "guardian",
    paths: (f) => [
      "/",
      `/students/${f.childId}`,
      `/students/${f.childId}/learning`,
      "/privacy-notice",
      "/no/such/page",
    ],
  },
  { role: "mentor", paths: () => ["/"] },
  { role: "school_leader", paths: () => ["/", "/sections", "/students?grade=07", "/schools"] },
  {
    role: "district_admin",
    paths: () => [
      "/",
      "/schools",
      "/students?q=Martinez",
      "/correction-requests",
      "/privacy-notice/edit",
      "/providers",
      "/frameworks",
      "/admin/privacy-settings",
      "/admin/audit-events",
      "/mastery/methods",
    ],
  },
  { role: "state_analyst", paths: () => ["/", "/reports/enrollment"] },
  { role: "system_admin", paths: () => ["/", "/admin/stated-reason", "/admin/audit-events"] },
];

describe.skipIf(!browserPath)("every page passes axe-core (WCAG 2.1 A and AA), in English and Spanish", () => {
  let harness: Harness;
  let fixture: Fixture;

  beforeAll(async () => {
    harness = await startHarness();
    const teacherApi = await apiAs(harness, harness.account("teacher"));
    const { sections } = await teacherApi<{ sections: Section[] }>("/sections");
    const section = sections[0] as Section;
    const roster = await teacherApi<SectionRoster>(`/sections/${section.id}`);
    const { frameworks } = await teacherApi<{ frameworks: FrameworkSummary[] }>("/frameworks");
    const math = frameworks.find((framework) => framework.title.startsWith("Mathematics"));
    const { items } = await teacherApi<FrameworkDetail>(`/frameworks/${math?.id}`);
    fixture = {
      sectionId: section.id,
      studentId: roster.students[0]?.id ?? "",
      childId: harness.account("guardian").linkedPersonIds[0] ?? "",
      frameworkId: math?.id ?? "",
      // A skill with prerequisites and unlocks, so the map is drawn.
      itemId: items.find((item) => item.code === "7.RP.A.2")?.id ?? "",
      ownStudentId: harness.account("student").personId,
    };
  });
  afterAll(async () => {
    await harness?.close();
  });

  /**
   * Moves to a page inside the app without reloading it (as a link would), so axe stays
   * loaded, and waits until the new page's heading has replaced the old one.
   */
  async function navigate(page: Page, path: string): Promise<void> {
    const moved = await page.evaluate((target) => {
      if (`${window.location.pathname}${window.location.search}` === target) return false;
      (window as unknown as { previousHeading: unknown }).previousHeading = document.querySelector("main h1");
      window.history.pushState(null, "", target);
      window.dispatchEvent(new PopStateEvent("popstate"));
      return true;
    }, path);
    if (!moved) return;
    await page.waitForFunction(() => {
      const heading = document.querySelector("main h1");
      return heading !== null && heading !== (window as unknown as { previousHeading: unknown }).previousHeading;
    });
  }

  async function check(page: Page, language: Language, label: string): Promise<string[]> {
    await waitForPage(page);
    const problems: string[] = [];
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (lang !== language) problems.push(`${label}: <html lang="${lang}">, expected "${language}"`);
    const headings = await page.locator("h1").count();
    if (headings !== 1) problems.push(`${label}: ${headings} h1 elements, expected exactly one`);
    if ((await page.locator("main").count()) !== 1) problems.push(`${label}: expected one <main>`);
    const violations = await runAxe(page);
    if (violations.length > 0) problems.push(`${label}:\n${describeViolations(violations)}`);
    return problems;
  }

  it.each(VISITS)("$role pages", async ({ role, paths }) => {
    const { context, page } = await newPage(harness);
    const problems: string[] = [];
    let checked = 0;
    try {
      if (role === "signed out") await page.goto("/sign-in");
      else await signIn(page, harness.account(role));
      for (const language of LANGUAGES) {
        // Choose the language with the page's own switcher (English is the default).
        if (language !== "en") await page.getByRole("button", { name: "Español" }).click();
        for (const path of paths(fixture)) {
          await navigate(page, path);
          problems.push(...(await check(page, language, `${role} ${path} [${language}]`)));
          checked++;
        }
      }
    } finally {
      await context.close();
    }
    expect(checked).toBe(paths(fixture).length * LANGUAGES.length);
    expect(problems, problems.join("\n\n")).toEqual([]);
  });

  it("the sign-in error state has no violations", async () => {
    const { context, page } = await newPage(harness);
    try {
      await page.goto("/sign-in");
      await page.locator("#email").fill("nobody@maplewood.example");
      await page.locator("#password").fill("wrong");
      await page.locator('main button[type="submit"]').click();
      await page.getByRole("alert").waitFor();
      const problems = await check(page, "en", "sign-in error");
      expect(problems, problems.join("\n\n")).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
