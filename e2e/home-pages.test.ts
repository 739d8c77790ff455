import type { School, Section, SectionRoster, StudentDetail, StudentSummary } from "@cairn/core";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { en } from "../packages/web/src/i18n/messages";
import { apiAs, browserPath, type Harness, newPage, signIn, startHarness, texts, waitForPage } from "./harness";

const fullName = (person: { givenName: string; familyName: string }) => `${person.givenName} ${person.familyName}`;
const sorted = (values: string[]) => [...values].sort();

describe.skipIf(!browserPath)("home pages show each role its own people, and only them", () => {
  let harness: Harness;
  /** Names of any students, read by a district administrator through the API. */
  let namesOf: (ids: string[]) => Promise<string[]>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness();
    const asAdmin = await apiAs(harness, harness.account("district_admin"));
    namesOf = async (ids) =>
      Promise.all(ids.map(async (id) => fullName(await asAdmin<StudentDetail>(`/students/${id}`))));
  });
  afterAll(async () => {
    await harness?.close();
  });
  afterEach(async () => {
    await context?.close();
  });

  async function openAs(role: Parameters<Harness["account"]>[0]) {
    ({ context, page } = await newPage(harness));
    await signIn(page, harness.account(role));
  }

  it("teacher: their sections, each roster, and a student's profile", async () => {
    const teacher = harness.account("teacher");
    const api = await apiAs(harness, teacher);
    const { sections } = await api<{ sections: Section[] }>("/sections");
    expect(sections.length).toBeGreaterThan(0);
    await openAs("teacher");

    expect(await page.locator("main h1").textContent()).toBe("My sections");
    expect(await texts(page, "main tbody th")).toEqual(sections.map((section) => section.name));
    expect(await texts(page, "main tbody td.numeric")).toEqual(sections.map((section) => String(section.studentCount)));

    // Every roster shows exactly the section's enrolled students; together they are the teacher's students.
    const seen = new Set<string>();
    for (const section of sections) {
      const roster = await api<SectionRoster>(`/sections/${section.id}`);
      await page.goto(`/sections/${section.id}`);
      await waitForPage(page);
      expect(await page.locator("main h1").textContent()).toBe(section.name);
      expect(await texts(page, "main tbody th")).toEqual(roster.students.map(fullName));
      const ids = await page
        .locator("main tbody tr")
        .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-student-id")));
      for (const id of ids) seen.add(id ?? "");
    }
    expect(sorted([...seen])).toEqual(sorted(teacher.linkedPersonIds));

    // Click through from home to a roster to a profile.
    const first = sections[0] as Section;
    await page.getByRole("link", { name: "Home", exact: true }).click();
    await waitForPage(page);
    await page.getByRole("link", { name: first.name, exact: true }).click();
    await waitForPage(page);
    expect(page.url()).toContain(`/sections/${first.id}`);
    const roster = await api<SectionRoster>(`/sections/${first.id}`);
    const student = roster.students[0] as StudentSummary;
    await page.getByRole("link", { name: fullName(student), exact: true }).click();
    await waitForPage(page);
    expect(await page.locator("main h1").textContent()).toBe(fullName(student));
    expect(await texts(page, "main table tbody th")).toContain(first.name);
  });

  it("student: their own profile with school, sections, teachers, mentors and guardians", async () => {
    const student = harness.account("student");
    const detail = await (await apiAs(harness, student))<StudentDetail>(`/students/${student.personId}`);
    await openAs("student");

    expect(await page.locator("main h1").textContent()).toBe(student.name);
    const main = await page.locator("main").textContent();
    expect(main).toContain(detail.schoolName);
    expect(await texts(page, "main tbody th")).toEqual(detail.sections.map((section) => section.name));
    const teacherCells = await texts(page, "main tbody td:last-child");
    expect(teacherCells).toEqual(detail.sections.map((section) => section.teachers.map(fullName).join(", ")));
    const guardianNames = await texts(page, "section[aria-labelledby=profile-guardians] li strong");
    expect(sorted(guardianNames)).toEqual(sorted(await guardianNamesOf(student.linkedPersonIds, detail)));
    expect(detail.mentors.length).toBeGreaterThan(0);
    expect(await texts(page, "section[aria-labelledby=profile-mentors] li strong")).toEqual(
      detail.mentors.map(fullName),
    );
  });

  /** The guardians the database links to the student, named as the API names them. */
  async function guardianNamesOf(guardianIds: string[], detail: StudentDetail): Promise<string[]> {
    expect(sorted(detail.guardians.map((guardian) => guardian.id))).toEqual(sorted(guardianIds));
    return detail.guardians.map(fullName);
  }

  it("guardian: exactly their children, as cards leading to each profile", async () => {
    const guardian = harness.account("guardian");
    const childNames = await namesOf(guardian.linkedPersonIds);
    expect(sorted(childNames)).toEqual(["Ava Martinez", "Mateo Martinez"]);
    await openAs("guardian");

    expect(await page.locator("main h1").textContent()).toBe("My children");
    expect(sorted(await texts(page, "main .card h2"))).toEqual(sorted(childNames));
    const studentLinks = await page
      .locator('a[href^="/students/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(sorted(studentLinks.map(String))).toEqual(sorted(guardian.linkedPersonIds.map((id) => `/students/${id}`)));

    await page.getByRole("link", { name: "View Mateo's profile" }).click();
    await waitForPage(page);
    expect(await page.locator("main h1").textContent()).toBe("Mateo Martinez");
    expect(await texts(page, "section[aria-labelledby=profile-guardians] li strong")).toContain(guardian.name);
  });

  it("mentor: exactly their mentees", async () => {
    const mentor = harness.account("mentor");
    expect(mentor.linkedPersonIds.length).toBeGreaterThan(0);
    await openAs("mentor");
    expect(await page.locator("main h1").textContent()).toBe("My mentees");
    expect(sorted(await texts(page, "main tbody th"))).toEqual(sorted(await namesOf(mentor.linkedPersonIds)));
  });

  it("school leader: their school, its enrolment, and a paged, filterable student list", async () => {
    const leader = harness.account("school_leader");
    const api = await apiAs(harness, leader);
    const me = await api<{ roles: { role: string; schoolId: string | null }[] }>("/me");
    const schoolId = me.roles.find((grant) => grant.role === "school_leader")?.schoolId;
    const { schools } = await api<{ schools: School[] }>("/schools");
    const school = schools.find((candidate) => candidate.id === schoolId) as School;
    expect(school).toBeDefined();
    await openAs("school_leader");

    expect(await page.locator("main h1").textContent()).toBe(school.name);
    expect(await page.getByTestId("enrolment").textContent()).toBe(`${school.studentCount} students enrolled`);
    const list = (query: string) =>
      api<{ students: StudentSummary[]; total: number }>(`/students?schoolId=${schoolId}&${query}`);
    const firstPage = await list("limit=25");
    expect(firstPage.total).toBe(school.studentCount);
    expect(await texts(page, "main tbody th")).toEqual(firstPage.students.map(fullName));
    expect(await page.getByRole("status").textContent()).toBe(`Showing 1–25 of ${firstPage.total}`);

    await page.getByRole("button", { name: "Next page" }).click();
    const secondPage = await list("limit=25&offset=25");
    await expect.poll(() => texts(page, "main tbody th")).toEqual(secondPage.students.map(fullName));

    await page.getByLabel("Grade").selectOption("07");
    await page.getByLabel("Name or student number").fill("ma");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const filtered = await list("gradeLevel=07&search=ma&limit=25");
    expect(filtered.students.length).toBeGreaterThan(0);
    await expect.poll(() => texts(page, "main tbody th")).toEqual(filtered.students.map(fullName));
    expect(await texts(page, "main tbody td:nth-of-type(1)")).toEqual(filtered.students.map(() => "Grade 7"));
  });

  it("district administrator: the district's schools with counts and a student search", async () => {
    const admin = harness.account("district_admin");
    const api = await apiAs(harness, admin);
    const { schools } = await api<{ schools: School[] }>("/schools");
    await openAs("district_admin");
    expect(await page.locator("main h1").textContent()).toBe("District overview");
    expect(await texts(page, "main tbody tr[data-school-id] th")).toEqual(schools.map((school) => school.name));
    await page.getByLabel("Name or student number").fill("Martinez");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const found = await api<{ students: StudentSummary[] }>("/students?search=Martinez&limit=25");
    expect(found.students.map(fullName)).toContain("Ava Martinez");
    await expect.poll(() => texts(page, "main tbody tr[data-student-id] th")).toEqual(found.students.map(fullName));
  });

  it("state analyst: schools with counts only, no student names or links", async () => {
    const analyst = harness.account("state_analyst");
    const { schools } = await (await apiAs(harness, analyst))<{ schools: School[] }>("/schools");
    expect(schools.length).toBeGreaterThan(0);
    await openAs("state_analyst");
    expect(await page.locator("main h1").textContent()).toBe("Schools in your state");
    expect(await texts(page, "main tbody th")).toEqual(schools.map((school) => school.name));
    expect(await texts(page, "main tbody td.numeric")).toEqual(
      schools.map((school) => school.studentCount?.toLocaleString("en") ?? en["schools.tooFew"]),
    );
    expect(await page.locator('a[href^="/students"]').count()).toBe(0);
  });

  it("system administrator: an explanation, no student records", async () => {
    await openAs("system_admin");
    expect(await page.locator("main h1").textContent()).toBe("Installation administration");
    expect(await page.locator("main").textContent()).toContain("Student records are not browsable from this role");
    expect(await page.locator('a[href^="/students"]').count()).toBe(0);
  });
});
