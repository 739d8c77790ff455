export const SCHOOL_LEVELS = ["elementary", "middle", "high"] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** Where learning happens; a section or a mentorship is in one of these. */
export const ENVIRONMENT_KINDS = ["classroom", "online", "workplace", "community", "college"] as const;
export type EnvironmentKind = (typeof ENVIRONMENT_KINDS)[number];

/** Grade codes as CEDS and OneRoster write them, in order. */
export const GRADE_LEVELS = [
  "PK",
  "KG",
  "01",
  "02",
  "03",
  "04",
  "05",
  "06",
  "07",
  "08",
  "09",
  "10",
  "11",
  "12",
] as const;
export type GradeLevel = (typeof GRADE_LEVELS)[number];

export function gradeIndex(grade: GradeLevel): number {
  return GRADE_LEVELS.indexOf(grade);
}

export function gradesBetween(lowest: GradeLevel, highest: GradeLevel): GradeLevel[] {
  return GRADE_LEVELS.slice(gradeIndex(lowest), gradeIndex(highest) + 1);
}
