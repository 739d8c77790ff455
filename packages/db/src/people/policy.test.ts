import type { Role } from "@cairn/core";
import { and, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrollment, guardianLink, mentorship, school, sectionStaff, student } from "../schema";
import { getSectionRoster } from "../sections/get-section-roster";
import { listSections } from "../sections/list-sections";
import { type DemoTestBed, openDemoTestBed } from "../testing";
import { getStudent } from "./get-student";
import { listStudents } from "./list-students";

let bed: DemoTestBed;

beforeAll(async () => {
  bed = await openDemoTestBed({ students: 400 });
});
afterAll(async () => bed.destroy());

const all = { limit: 500, offset: 0 };

async function readableIds(role: Role): Promise<string[]> {
  const { students, total } = await listStudents(bed.ctx(role), all);
  expect(students.length).toBe(total);
  return students.map((row) => row.id).sort();
}

async function ids(rows: Promise<{ id: string }[]>): Promise<string[]> {
  return (await rows).map((row) => row.id).sort();
}

describe("who may read which students", () => {
  it("a student reads only themself", async () => {
    expect(await readableIds("student")).toEqual([bed.viewer("student").personId]);
  });

  it("a guardian reads exactly their linked children", async () => {
    const expected = await ids(
      bed.database.db
        .select({ id: guardianLink.studentId })
        .from(guardianLink)
        .where(eq(guardianLink.guardianId, bed.viewer("guardian").personId)),
    );
    expect(expected).toHaveLength(2);
    expect(await readableIds("guardian")).toEqual(expected);
  });

  it("a teacher reads exactly the students enrolled in their sections", async () => {
    const expected = await ids(
      bed.database.db
        .selectDistinct({ id: enrollment.studentId })
        .from(enrollment)
        .innerJoin(sectionStaff, eq(sectionStaff.sectionId, enrollment.sectionId))
        .where(eq(sectionStaff.personId, bed.viewer("teacher").personId)),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await readableIds("teacher")).toEqual(expected);
  });

  it("a paraprofessional reads the students of the sections they support", async () => {
    const expected = await ids(
      bed.database.db
        .selectDistinct({ id: enrollment.studentId })
        .from(enrollment)
        .innerJoin(sectionStaff, eq(sectionStaff.sectionId, enrollment.sectionId))
        .where(eq(sectionStaff.personId, bed.viewer("paraprofessional").personId)),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await readableIds("paraprofessional")).toEqual(expected);
  });

  it("a mentor reads exactly their current mentees", async () => {
    const expected = await ids(
      bed.database.db
        .select({ id: mentorship.menteeId })
        .from(mentorship)
        .where(eq(mentorship.mentorId, bed.viewer("mentor").personId)),
    );
    expect(await readableIds("mentor")).toEqual(expected);
  });

  it("a school leader reads exactly their school's students", async () => {
    const grant = bed.viewer("school_leader").grants[0];
    const expected = await ids(
      bed.database.db
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
    const [outsider] = await bed.database.db
      .select({ id: student.personId })
      .from(student)
      .innerJoin(school, eq(school.id, student.schoolId))
      .where(and(eq(school.level, "elementary"), ne(student.personId, bed.viewer("student").personId)))
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
      await expect(getStudent(bed.ctx(role), id), role).rejects.toMatchObject({
        code: "not_found",
      });
    }
    await expect(getStudent(bed.ctx("district_admin"), id)).resolves.toMatchObject({ id });
  });

  it("a teacher loses past students once the term has ended", async () => {
    const afterTerm = new Date("2027-07-01T12:00:00Z");
    const { total } = await listStudents(bed.ctx("teacher", afterTerm), all);
    expect(total).toBe(0);
  });
});

describe("students linked to the viewer", () => {
  it("lists a guardian's children and a mentor's mentees, and nobody else's", async () => {
    const children = await listStudents(bed.ctx("guardian"), { ...all, relation: "child" });
    expect(children.students.map((row) => row.id).sort()).toEqual(await readableIds("guardian"));
    const mentees = await listStudents(bed.ctx("mentor"), { ...all, relation: "mentee" });
    expect(mentees.students.map((row) => row.id).sort()).toEqual(await readableIds("mentor"));
    const none = await listStudents(bed.ctx("district_admin"), { ...all, relation: "child" });
    expect(none.total).toBe(0);
  });
});

describe("who may read which sections", () => {
  it("a teacher lists only the sections they teach, and cannot open another's roster", async () => {
    const sections = await listSections(bed.ctx("teacher"));
    const taught = await ids(
      bed.database.db
        .select({ id: sectionStaff.sectionId })
        .from(sectionStaff)
        .where(eq(sectionStaff.personId, bed.viewer("teacher").personId)),
    );
    expect(sections.map((row) => row.id).sort()).toEqual(taught);
    const [other] = await bed.database.db
      .select({ id: sectionStaff.sectionId })
      .from(sectionStaff)
      .where(and(ne(sectionStaff.personId, bed.viewer("teacher").personId)))
      .limit(1);
    await expect(getSectionRoster(bed.ctx("teacher"), other?.id ?? "")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("a section roster lists exactly its enrolled students", async () => {
    const [first] = await listSections(bed.ctx("teacher"));
    const roster = await getSectionRoster(bed.ctx("teacher"), first?.id ?? "");
    const enrolled = await ids(
      bed.database.db
        .select({ id: enrollment.studentId })
        .from(enrollment)
        .where(inArray(enrollment.sectionId, [first?.id ?? ""])),
    );
    expect(roster.students.map((row) => row.id).sort()).toEqual(enrolled);
    expect(roster.section.studentCount).toBe(enrolled.length);
  });

  it("students, guardians and analysts see no sections", async () => {
    for (const role of ["student", "guardian", "state_analyst", "system_admin"] as const) {
      expect(await listSections(bed.ctx(role)), role).toEqual([]);
    }
  });
});
