import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeIndex } from "../organization/vocabulary";
import { generateDemoDistrict, planSchools, splitEvenly } from "./generate-district";
import { NAMED_ACCOUNT_KEYS } from "./named-accounts";
import { DEMO_KINDS, type DemoBatch, emptyBatch } from "./records";

function generateAll(students: number, seed = 11): DemoBatch {
  const all = emptyBatch();
  for (const batch of generateDemoDistrict({ students, seed, schoolYear: 2026 })) {
    for (const kind of DEMO_KINDS) (all[kind] as unknown[]).push(...batch[kind]);
  }
  return all;
}

const district = generateAll(1500);

describe("splitEvenly and planSchools", () => {
  it("splits into near-equal parts that add back to the whole", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 500 }), (total, parts) => {
        const split = splitEvenly(total, parts);
        expect(split.reduce((sum, part) => sum + part, 0)).toBe(total);
        expect(Math.max(...split) - Math.min(...split)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("plans one school per level at district size and many at state size", () => {
    expect(planSchools(1500).map((plan) => plan.level)).toEqual(["elementary", "middle", "high"]);
    const state = planSchools(1_000_000);
    expect(state.reduce((sum, plan) => sum + plan.students, 0)).toBe(1_000_000);
    expect(state.length).toBeGreaterThan(1000);
  });
});

describe("the demo district", () => {
  it("is the same for the same seed, ids included, and differs for another seed", () => {
    expect(generateAll(300, 5)).toEqual(generateAll(300, 5));
    expect(generateAll(300, 6).students[10]?.personId).not.toBe(generateAll(300, 5).students[10]?.personId);
  });

  it("has 1 district, 3 schools and exactly the asked-for students", () => {
    expect(district.districts).toHaveLength(1);
    expect(district.schools).toHaveLength(3);
    expect(district.students).toHaveLength(1500);
  });

  it("never repeats an id", () => {
    const ids = [...district.persons, ...district.schools, ...district.sections, ...district.environments].map(
      (row) => row.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("puts every student in a grade their school teaches, and gives each a guardian and a section", () => {
    const schools = new Map(district.schools.map((school) => [school.id, school]));
    const guarded = new Set(district.guardianLinks.map((link) => link.studentId));
    const enrolled = new Set(district.enrollments.map((row) => row.studentId));
    for (const student of district.students) {
      const school = schools.get(student.schoolId);
      expect(school).toBeDefined();
      if (!school) continue;
      expect(gradeIndex(student.gradeLevel)).toBeGreaterThanOrEqual(gradeIndex(school.lowestGrade));
      expect(gradeIndex(student.gradeLevel)).toBeLessThanOrEqual(gradeIndex(school.highestGrade));
      expect(guarded.has(student.personId)).toBe(true);
      expect(enrolled.has(student.personId)).toBe(true);
    }
  });

  it("has a plausible mix of subgroups", () => {
    const share = (predicate: (student: DemoBatch["students"][number]) => boolean) =>
      district.students.filter(predicate).length / district.students.length;
    expect(share((student) => student.raceEthnicity === "hispanic_latino")).toBeGreaterThan(0.2);
    expect(share((student) => student.raceEthnicity === "white")).toBeGreaterThan(0.3);
    expect(share((student) => student.raceEthnicity === "black_african_american")).toBeGreaterThan(0.08);
    expect(share((student) => student.economicallyDisadvantaged)).toBeGreaterThan(0.3);
    expect(share((student) => student.economicallyDisadvantaged)).toBeLessThan(0.6);
    expect(share((student) => student.englishLearner)).toBeGreaterThan(0.05);
    expect(share((student) => student.disabilityStatus !== "none")).toBeGreaterThan(0.1);
  });

  it("gives every named role an account and links the named family and classes together", () => {
    expect(district.accounts).toHaveLength(NAMED_ACCOUNT_KEYS.length);
    const byEmail = new Map(district.persons.filter((person) => person.email).map((person) => [person.email, person]));
    const teacher = byEmail.get("daniel.reyes@maplewood.example");
    const guardian = byEmail.get("lucia.martinez@maplewood.example");
    const student = byEmail.get("ava.martinez@maplewood.example");
    const mentor = byEmail.get("sam.okafor@maplewood.example");
    const children = district.guardianLinks
      .filter((link) => link.guardianId === guardian?.id)
      .map((link) => link.studentId);
    expect(children).toHaveLength(2);
    expect(children).toContain(student?.id);
    const taughtSections = new Set(
      district.sectionStaff.filter((row) => row.personId === teacher?.id).map((row) => row.sectionId),
    );
    expect(taughtSections.size).toBeGreaterThanOrEqual(3);
    const taughtStudents = district.enrollments
      .filter((row) => taughtSections.has(row.sectionId))
      .map((row) => row.studentId);
    expect(children.some((child) => taughtStudents.includes(child))).toBe(true);
    expect(district.mentorships.some((row) => row.mentorId === mentor?.id && row.menteeId === student?.id)).toBe(true);
  });

  it("gives birth dates that fit the grade", () => {
    for (const student of district.students.slice(0, 200)) {
      const age = 2026 - Number(student.birthDate.slice(0, 4));
      const expected = gradeIndex(student.gradeLevel) - gradeIndex("KG") + 5;
      expect(age - expected).toBeGreaterThanOrEqual(0);
      expect(age - expected).toBeLessThanOrEqual(1);
    }
  });

  it("refuses a district too small to hold the named people", () => {
    expect(() => generateDemoDistrict({ students: 10, seed: 1, schoolYear: 2026 }).next()).toThrow(/at least 60/);
  });
});
