import type { DemoBatch, DemoKind } from "@cairn/core";

type Mapper<K extends DemoKind> = {
  table: string;
  columns: string[];
  row: (record: DemoBatch[K][number], passwordHashes: Map<string, string>) => unknown[];
};

/** Where each kind of demo record goes, column by column, in an order that satisfies foreign keys. */
export const DEMO_TABLES: { [K in DemoKind]: Mapper<K> } = {
  states: { table: "state", columns: ["id", "code", "name"], row: (r) => [r.id, r.code, r.name] },
  districts: {
    table: "district",
    columns: ["id", "state_id", "code", "name"],
    row: (r) => [r.id, r.stateId, r.code, r.name],
  },
  schools: {
    table: "school",
    columns: ["id", "district_id", "code", "name", "level", "lowest_grade", "highest_grade"],
    row: (r) => [r.id, r.districtId, r.code, r.name, r.level, r.lowestGrade, r.highestGrade],
  },
  environments: {
    table: "learning_environment",
    columns: ["id", "district_id", "school_id", "kind", "name"],
    row: (r) => [r.id, r.districtId, r.schoolId, r.kind, r.name],
  },
  terms: {
    table: "term",
    columns: ["id", "district_id", "name", "starts_on", "ends_on"],
    row: (r) => [r.id, r.districtId, r.name, r.startsOn, r.endsOn],
  },
  persons: {
    table: "person",
    columns: ["id", "district_id", "given_name", "family_name", "email", "preferred_language"],
    row: (r) => [r.id, r.districtId, r.givenName, r.familyName, r.email, r.preferredLanguage],
  },
  students: {
    table: "student",
    columns: [
      "person_id",
      "district_id",
      "school_id",
      "student_number",
      "grade_level",
      "birth_date",
      "gender",
      "race_ethnicity",
      "economically_disadvantaged",
      "english_learner",
      "disability_status",
    ],
    row: (r) => [
      r.personId,
      r.districtId,
      r.schoolId,
      r.studentNumber,
      r.gradeLevel,
      r.birthDate,
      r.gender,
      r.raceEthnicity,
      r.economicallyDisadvantaged,
      r.englishLearner,
      r.disabilityStatus,
    ],
  },
  roleGrants: {
    table: "role_grant",
    columns: ["person_id", "role", "state_id", "district_id", "school_id"],
    row: (r) => [r.personId, r.role, r.stateId, r.districtId, r.schoolId],
  },
  guardianLinks: {
    table: "guardian_link",
    columns: ["guardian_id", "student_id", "district_id", "relationship"],
    row: (r) => [r.guardianId, r.studentId, r.districtId, r.relationship],
  },
  sections: {
    table: "section",
    columns: ["id", "district_id", "school_id", "term_id", "environment_id", "name", "subject", "course_code"],
    row: (r) => [r.id, r.districtId, r.schoolId, r.termId, r.environmentId, r.name, r.subject, r.courseCode],
  },
  sectionStaff: {
    table: "section_staff",
    columns: ["section_id", "person_id", "district_id", "role"],
    row: (r) => [r.sectionId, r.personId, r.districtId, r.role],
  },
  enrollments: {
    table: "enrollment",
    columns: ["section_id", "student_id", "district_id"],
    row: (r) => [r.sectionId, r.studentId, r.districtId],
  },
  mentorships: {
    table: "mentorship",
    columns: ["mentor_id", "mentee_id", "district_id", "environment_id", "starts_on", "ends_on"],
    row: (r) => [r.mentorId, r.menteeId, r.districtId, r.environmentId, r.startsOn, r.endsOn],
  },
  accounts: {
    table: "account",
    columns: ["person_id", "email", "password_hash"],
    row: (r, hashes) => [r.personId, r.email, hashes.get(r.personId)],
  },
};
