/**
 * The parts of a student's record, by name: what an access-log entry says was disclosed,
 * what a data-sharing agreement allows, what a correction request is about. Later modules
 * (evidence, mastery, pathways) add their own element here.
 */
export const STUDENT_DATA_ELEMENTS = [
  "profile",
  "demographics",
  "guardians",
  "sections",
  "mentors",
  "evidence",
  "mastery",
] as const;
export type StudentDataElement = (typeof STUDENT_DATA_ELEMENTS)[number];
