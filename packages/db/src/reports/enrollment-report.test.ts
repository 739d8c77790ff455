import type { EnrollmentReport } from "@cairn/core";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updatePrivacySettings } from "../privacy/settings";
import { district, student } from "../schema";
import { type DemoTestBed, openDemoTestBed } from "../testing";
import { getEnrollmentReport } from "./enrollment-report";

let bed: DemoTestBed;
let districtId: string;
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 400 });
  [{ id: districtId }] = (await bed.database.db.select({ id: district.id }).from(district)) as [{ id: string }];
});
afterAll(async () => bed.destroy());

const leaderSchool = () => bed.viewer("school_leader").grants.find((grant) => grant.schoolId)?.schoolId as string;

/** Every number the report publishes. */
function published(report: EnrollmentReport): number[] {
  return report.districts
    .flatMap((table) => [
      ...table.rows.flatMap((row) => [...row.cells, row.total]),
      ...table.columnTotals,
      table.grandTotal,
    ])
    .filter((value): value is number => value !== null);
}

async function trueCounts(schoolId: string): Promise<Map<string, number>> {
  const rows = await bed.database.db
    .select({ value: student.gender, students: count() })
    .from(student)
    .where(and(eq(student.schoolId, schoolId), eq(student.active, true)))
    .groupBy(student.gender);
  return new Map(rows.map((row) => [row.value, Number(row.students)]));
}

describe("the enrolment report", () => {
  it("never publishes a count below the district's minimum group size, and shows true counts otherwise", async () => {
    const report = await getEnrollmentReport(bed.ctx("district_admin"), { attribute: "gender" });
    const table = report.districts[0];
    expect(table?.minimumGroupSize).toBe(10);
    expect(table?.rows.length).toBeGreaterThan(1);
    for (const value of published(report)) expect(value === 0 || value >= 10).toBe(true);
    // Some group in the demo district is small, so something is hidden, and complementary
    // suppression hides more than the small cells alone.
    expect(table?.suppressed).toBeGreaterThan(0);
    for (const row of table?.rows ?? []) {
      const truth = await trueCounts(row.schoolId);
      row.cells.forEach((cell, index) => {
        const actual = truth.get(report.columns[index] as string) ?? 0;
        if (cell === null) expect(actual).toBeGreaterThan(0);
        else expect(cell).toBe(actual);
        if (actual > 0 && actual < 10) expect(cell).toBeNull();
      });
    }
    // Small counts are not in the JSON at all, not even as a hidden field.
    const json = JSON.stringify(report);
    expect(json).not.toMatch(/"(count|value|raw)"/);
  });

  it("hides more when the district raises its minimum, and less when it lowers it", async () => {
    const hiddenWith = async (minimumGroupSize: number) => {
      await updatePrivacySettings(bed.ctx("district_admin"), districtId, {
        minimumGroupSize,
        pastStudentAccessDays: 0,
        retentionYearsAfterExit: 5,
      });
      const report = await getEnrollmentReport(bed.ctx("state_analyst"), { attribute: "raceEthnicity" });
      for (const value of published(report)) expect(value === 0 || value >= minimumGroupSize).toBe(true);
      expect(report.districts[0]?.minimumGroupSize).toBe(minimumGroupSize);
      return report.districts[0]?.suppressed ?? 0;
    };
    const at5 = await hiddenWith(5);
    const at30 = await hiddenWith(30);
    expect(at30).toBeGreaterThan(at5);
    await hiddenWith(10);
  });

  it("keeps totals consistent: every shown row total is the sum of its cells when none is hidden", async () => {
    const report = await getEnrollmentReport(bed.ctx("district_admin"), { attribute: "englishLearner" });
    const table = report.districts[0];
    for (const row of table?.rows ?? []) {
      if (row.total !== null && row.cells.every((cell) => cell !== null))
        expect(row.cells.reduce((sum, cell) => (sum ?? 0) + (cell ?? 0), 0)).toBe(row.total);
    }
  });

  it("is limited to the school leader's school; another school is not found", async () => {
    const own = await getEnrollmentReport(bed.ctx("school_leader"), { attribute: "gradeLevel" });
    expect(own.districts[0]?.rows.map((row) => row.schoolId)).toEqual([leaderSchool()]);
    const other = (
      await getEnrollmentReport(bed.ctx("district_admin"), { attribute: "gradeLevel" })
    ).districts[0]?.rows.find((row) => row.schoolId !== leaderSchool());
    await expect(
      getEnrollmentReport(bed.ctx("school_leader"), { attribute: "gradeLevel", schoolId: other?.schoolId }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("is forbidden to roles without aggregate reports", async () => {
    for (const role of ["teacher", "guardian", "student", "mentor", "paraprofessional", "system_admin"] as const) {
      await expect(getEnrollmentReport(bed.ctx(role), { attribute: "gender" }), role).rejects.toMatchObject({
        code: "forbidden",
      });
    }
  });

  it("gives every viewer rows of the same suppressed district table, so no two answers disagree", async () => {
    for (const attribute of ["gradeLevel", "raceEthnicity", "disabilityStatus"] as const) {
      const whole = await getEnrollmentReport(bed.ctx("district_admin"), { attribute });
      const rowOf = (report: EnrollmentReport, schoolId: string) =>
        report.districts[0]?.rows.find((row) => row.schoolId === schoolId);
      const leader = await getEnrollmentReport(bed.ctx("school_leader"), { attribute });
      expect(leader.districts[0]?.rows).toHaveLength(1);
      expect(rowOf(leader, leaderSchool())).toEqual(rowOf(whole, leaderSchool()));
      for (const row of whole.districts[0]?.rows ?? []) {
        const one = await getEnrollmentReport(bed.ctx("district_admin"), { attribute, schoolId: row.schoolId });
        expect(rowOf(one, row.schoolId), attribute).toEqual(row);
        expect(one.districts[0]?.grandTotal).toEqual(whole.districts[0]?.grandTotal);
      }
      // School totals are enrolments, published elsewhere: never hidden here.
      expect(whole.districts[0]?.rows.every((row) => row.total !== null)).toBe(true);
    }
  });

  it("leaves out a school smaller than the minimum, totals and all", async () => {
    const body = { pastStudentAccessDays: 0, retentionYearsAfterExit: 5 };
    await updatePrivacySettings(bed.ctx("district_admin"), districtId, { ...body, minimumGroupSize: 100 });
    try {
      const report = await getEnrollmentReport(bed.ctx("state_analyst"), { attribute: "gender" });
      const table = report.districts[0];
      const [sizes] = [
        await bed.database.db
          .select({ schoolId: student.schoolId, n: count() })
          .from(student)
          .where(eq(student.active, true))
          .groupBy(student.schoolId),
      ];
      const small = sizes.filter((row) => row.n < 100).length;
      expect(table?.omittedSchools).toBe(small);
      expect(table?.rows).toHaveLength(sizes.length - small);
      expect(table?.grandTotal ?? 0).toBe(sizes.filter((row) => row.n >= 100).reduce((sum, row) => sum + row.n, 0));
    } finally {
      await updatePrivacySettings(bed.ctx("district_admin"), districtId, { ...body, minimumGroupSize: 10 });
    }
  });
});
