import { GRADE_LEVELS } from "../organization/vocabulary";
import { DISABILITY_STATUSES, GENDERS, RACE_ETHNICITY } from "../people/vocabulary";
import { suppressTable } from "../privacy/suppression";
import type { EnrollmentReport, EnrollmentReportDistrict } from "./enrollment-schemas";

/** The student attributes an enrolment report may break counts down by, with every value each can take, in order. */
export const ENROLLMENT_ATTRIBUTE_VALUES = {
  gradeLevel: GRADE_LEVELS,
  gender: GENDERS,
  raceEthnicity: RACE_ETHNICITY,
  economicallyDisadvantaged: ["yes", "no"],
  englishLearner: ["yes", "no"],
  disabilityStatus: DISABILITY_STATUSES,
} as const satisfies Record<string, readonly string[]>;

export type EnrollmentAttribute = keyof typeof ENROLLMENT_ATTRIBUTE_VALUES;
export const ENROLLMENT_ATTRIBUTES = Object.keys(ENROLLMENT_ATTRIBUTE_VALUES) as EnrollmentAttribute[];

export interface EnrollmentCount {
  districtId: string;
  districtName: string;
  schoolId: string;
  schoolName: string;
  value: string;
  students: number;
}

/**
 * Turns raw counts into the published report: one table per district (schools × values),
 * each suppressed with that district's minimum group size. A school's total is its
 * enrolment, public elsewhere, so totals are published and the suppression keeps every
 * hidden cell safe from them; schools smaller than the minimum are left out. The counts
 * must cover every school of each district: a viewer who may see only some schools gets
 * those rows of the same suppressed table (`showSchool`), so no two answers disagree about
 * what is hidden. Columns no school has a student in are left out.
 */
export function buildEnrollmentReport(
  attribute: EnrollmentAttribute,
  counts: readonly EnrollmentCount[],
  minimumSizeOf: (districtId: string) => number,
  showSchool: (schoolId: string) => boolean = () => true,
): EnrollmentReport {
  const columns = ENROLLMENT_ATTRIBUTE_VALUES[attribute].filter((value) =>
    counts.some((count) => count.value === value && count.students > 0),
  );
  const byDistrict = new Map<string, EnrollmentCount[]>();
  for (const count of counts) byDistrict.set(count.districtId, [...(byDistrict.get(count.districtId) ?? []), count]);
  const districts = [...byDistrict.values()]
    .map((rows) => districtTable(columns, rows, minimumSizeOf((rows[0] as EnrollmentCount).districtId), showSchool))
    .filter((table) => table.rows.length > 0 || table.omittedSchools > 0)
    .sort((a, b) => a.districtName.localeCompare(b.districtName));
  return { attribute, columns, districts };
}

function districtTable(
  columns: string[],
  counts: EnrollmentCount[],
  minimumSize: number,
  showSchool: (schoolId: string) => boolean,
): EnrollmentReportDistrict {
  const allSchools = [...new Map(counts.map((count) => [count.schoolId, count.schoolName])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const rowOf = (schoolId: string) =>
    columns.map((value) =>
      counts
        .filter((count) => count.schoolId === schoolId && count.value === value)
        .reduce((sum, count) => sum + count.students, 0),
    );
  const enrolment = (schoolId: string) => rowOf(schoolId).reduce((sum, value) => sum + value, 0);
  const schools = allSchools.filter(([schoolId]) => enrolment(schoolId) >= minimumSize);
  const grid = schools.map(([schoolId]) => rowOf(schoolId));
  const table = suppressTable(grid, { minimumSize, rowTotalsPublished: true });
  const first = counts[0] as EnrollmentCount;
  return {
    districtId: first.districtId,
    districtName: first.districtName,
    minimumGroupSize: minimumSize,
    rows: schools
      .map(([schoolId, schoolName], index) => ({
        schoolId,
        schoolName,
        cells: table.cells[index] ?? [],
        total: table.rowTotals[index] ?? null,
      }))
      .filter((row) => showSchool(row.schoolId)),
    columnTotals: table.columnTotals,
    grandTotal: table.grandTotal,
    suppressed: table.hidden,
    omittedSchools:
      allSchools.filter(([schoolId]) => showSchool(schoolId)).length -
      schools.filter(([schoolId]) => showSchool(schoolId)).length,
  };
}
