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
 * each suppressed with that district's minimum group size. Columns no school has a student
 * in are left out (an all-zero column hides nothing and shows nothing).
 */
export function buildEnrollmentReport(
  attribute: EnrollmentAttribute,
  counts: readonly EnrollmentCount[],
  minimumSizeOf: (districtId: string) => number,
): EnrollmentReport {
  const columns = ENROLLMENT_ATTRIBUTE_VALUES[attribute].filter((value) =>
    counts.some((count) => count.value === value && count.students > 0),
  );
  const byDistrict = new Map<string, EnrollmentCount[]>();
  for (const count of counts) byDistrict.set(count.districtId, [...(byDistrict.get(count.districtId) ?? []), count]);
  const districts = [...byDistrict.values()]
    .map((rows) => districtTable(columns, rows, minimumSizeOf((rows[0] as EnrollmentCount).districtId)))
    .sort((a, b) => a.districtName.localeCompare(b.districtName));
  return { attribute, columns, districts };
}

function districtTable(columns: string[], counts: EnrollmentCount[], minimumSize: number): EnrollmentReportDistrict {
  const schools = [...new Map(counts.map((count) => [count.schoolId, count.schoolName])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const grid = schools.map(([schoolId]) =>
    columns.map((value) =>
      counts
        .filter((count) => count.schoolId === schoolId && count.value === value)
        .reduce((sum, count) => sum + count.students, 0),
    ),
  );
  const table = suppressTable(grid, { minimumSize });
  const first = counts[0] as EnrollmentCount;
  return {
    districtId: first.districtId,
    districtName: first.districtName,
    minimumGroupSize: minimumSize,
    rows: schools.map(([schoolId, schoolName], index) => ({
      schoolId,
      schoolName,
      cells: table.cells[index] ?? [],
      total: table.rowTotals[index] ?? null,
    })),
    columnTotals: table.columnTotals,
    grandTotal: table.grandTotal,
    suppressed: table.hidden,
  };
}
