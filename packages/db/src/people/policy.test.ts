import type { Role, Viewer } from "@cairn/core";
import { and, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "../auth/viewer";
import { type DemoAccount, listDemoAccounts } from "../demo/demo-accounts";
import { enrollment, guardianLink, mentorship, school, sectionStaff, student } from "../schema";
import { getSectionRoster } from "../sections/get-section-roster";
import { listSections } from "../sections/list-sections";
import { contextFor, loadTestDemo, openTestDatabase, TEST_NOW, type TestDatabase } from "../testing";
import { getStudent } from "./get-student";
import { listStudents } from "./list-students";

let database: TestDatabase;
let accounts: DemoAccount[];
const viewers = new Map<Role, Viewer>();

beforeAll(async () => {
  database = await openTestDatabase();
  await loadTestDemo(database, { students: 400 });
  accounts = await listDemoAccounts(database.db, TEST_NOW);
  for (const account of accounts) viewers.set(account.role, await loadViewer(database.db, account.personId));
});
afterAll(async () => database.destroy());

const viewer = (role: Role) => viewers.get(role) as Viewer & { kind: "person" };
const all = { limit: 500, offset: 0 };

async function readableIds(role: Role): Promise<string[]> {
  const { students, total } = await listStudents(contextFor(database, viewer(role)), all);
  expect(students.length).toBe(total);
  return students.map((row) => row.id).sort();
}

async function ids(rows: Promise<{ id: string }[]>): Promise<string[]> {
  return (await rows).map((row) => row.id).sort();
}

describe("who may read which students", () => {
  it("a student reads only themself", async () => {
    expect(await readableIds("student")).toEqual([viewer("student").personId]);
  });

  it("a guardian reads exactly their linked children", async () => {
    const expected = await ids(
      database.db
        .select({ id: guardianLink.studentId })
        .from(guardianLink)
        .where(eq(guardianLink.guardianId, viewer("guardian").personId)),
    );
    expect(expected).toHaveLength(2);
    expect(await readableIds("guardian")).toEqual(expected);
  });

  it("a teacher reads exactly the students enrolled in their sections", async () => {
    const expected = await ids(
      database.db
        .selectDistinct({ id: enrollment.studentId })
        .from(enrollment)
        .innerJoin(sectionStaff, eq(sectionStaff.sectionId, enrollment.sectionId))
        .where(eq(sectionStaff.personId, viewer("teacher").personId)),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await readableIds("teacher")).toEqual(expected);
  });

  it("a paraprofessional reads the students of the sections they support", async () => {
    const expected = await ids(
      database.db
        .selectDistinct({ id: enrollment.studentId })
        .from(enrollment)
        .innerJoin(sectionStaff, eq(sectionStaff.sectionId, enrollment.sectionId))
        .where(eq(sectionStaff.personId, viewer("paraprofessional").personId)),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await readableIds("paraprofessional")).toEqual(expected);
  });

  it("a mentor reads exactly their current mentees", async () => {
    const expected = await ids(
      database.db
        .select({ id: mentorship.menteeId })
        .from(mentorship)
        .where(eq(mentorship.mentorId, viewer("mentor").personId)),
    );
    expect(await readableIds("mentor")).toEqual(expected);
  });

  it("a school leader reads exactly their school's students", async () => {
    const grant = viewer("school_leader").grants[0];
    const expected = await ids(
      database.db
        .select({ id: student.personId })
        .from(student)
        .where(eq(student.schoolId, grant?.schoolId ?? "")),
    );
    expect(await readableIds("school_leader")).toEqual(expected);
  });

  it("a district admin reads the whole district", async () => {
    expect((await readableIds("district_admin")).length).toBe(400);
  });

  it("a state analyst and a system admin read no individual student", async () => {
    expect(await readableIds("state_analyst")).toEqual([]);
    expect(await readableIds("system_admin")).toEqual([]);
  });

  it("a student outside scope reads as not found, for every role without access", async () => {
    const [outsider] = await database.db
      .select({ id: student.personId })
      .from(student)
      .innerJoin(school, eq(school.id, student.schoolId))
      .where(and(eq(school.level, "elementary"), ne(student.personId, viewer("student").personId)))
      .limit(1);
    const id = outsider?.id ?? "";
    for (const role of [
      "student",
      "guardian",
      "teacher",
      "mentor",
      "school_leader",
      "state_analyst",
      "system_admin",
    ] as const) {
      await expect(getStudent(contextFor(database, viewer(role)), id), role).rejects.toMatchObject({
        code: "not_found",
      });
    }
    await expect(getStudent(contextFor(database, viewer("district_admin")), id)).resolves.toMatchObject({ id });
  });

  it("a teacher loses past students once the term has ended", async () => {
    const afterTerm = new Date("2027-07-01T12:00:00Z");
    const { total } = await listStudents(contextFor(database, viewer("teacher"), afterTerm), all);
    expect(total).toBe(0);
  });
});

describe("students linked to the viewer", () => {
  it("lists a guardian's children and a mentor's mentees, and nobody else's", async () => {
    const children = await listStudents(contextFor(database, viewer("guardian")), { ...all, relation: "child" });
    expect(children.students.map((row) => row.id).sort()).toEqual(await readableIds("guardian"));
    const mentees = await listStudents(contextFor(database, viewer("mentor")), { ...all, relation: "mentee" });
    expect(mentees.students.map((row) => row.id).sort()).toEqual(await readableIds("mentor"));
    const none = await listStudents(contextFor(database, viewer("district_admin")), { ...all, relation: "child" });
    expect(none.total).toBe(0);
  });
});

describe("who may read which sections", () => {
  it("a teacher lists only the sections they teach, and cannot open another's roster", async () => {
    const sections = await listSections(contextFor(database, viewer("teacher")));
    const taught = await ids(
      database.db
        .select({ id: sectionStaff.sectionId })
        .from(sectionStaff)
        .where(eq(sectionStaff.personId, viewer("teacher").personId)),
    );
    expect(sections.map((row) => row.id).sort()).toEqual(taught);
    const [other] = await database.db
      .select({ id: sectionStaff.sectionId })
      .from(sectionStaff)
      .where(and(ne(sectionStaff.personId, viewer("teacher").personId)))
      .limit(1);
    await expect(getSectionRoster(contextFor(database, viewer("teacher")), other?.id ?? "")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("a section roster lists exactly its enrolled students", async () => {
    const [first] = await listSections(contextFor(database, viewer("teacher")));
    const roster = await getSectionRoster(contextFor(database, viewer("teacher")), first?.id ?? "");
    const enrolled = await ids(
      database.db
        .select({ id: enrollment.studentId })
        .from(enrollment)
        .where(inArray(enrollment.sectionId, [first?.id ?? ""])),
    );
    expect(roster.students.map((row) => row.id).sort()).toEqual(enrolled);
    expect(roster.section.studentCount).toBe(enrolled.length);
  });

  it("students, guardians and analysts see no sections", async () => {
    for (const role of ["student", "guardian", "state_analyst", "system_admin"] as const) {
      expect(await listSections(contextFor(database, viewer(role))), role).toEqual([]);
    }
  });
});
