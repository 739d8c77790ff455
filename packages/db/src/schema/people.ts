import { boolean, date, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import {
  disabilityStatusEnum,
  genderEnum,
  gradeLevelEnum,
  guardianRelationshipEnum,
  raceEthnicityEnum,
  roleEnum,
} from "./enums";
import { district, learningEnvironment, school, state } from "./organization";

/** Everyone Cairn knows: students, guardians, staff, mentors, analysts. */
export const person = pgTable(
  "person",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null only for people who work above a district (state analysts, system admins). */
    districtId: uuid("district_id").references(() => district.id),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    email: text("email"),
    preferredLanguage: text("preferred_language").notNull().default("en"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("person_district_idx").on(table.districtId)],
);

/** The accountability attributes of a student; one row per student person. */
export const student = pgTable(
  "student",
  {
    personId: uuid("person_id")
      .primaryKey()
      .references(() => person.id),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => school.id),
    studentNumber: text("student_number").notNull(),
    gradeLevel: gradeLevelEnum("grade_level").notNull(),
    birthDate: date("birth_date").notNull(),
    gender: genderEnum("gender").notNull(),
    raceEthnicity: raceEthnicityEnum("race_ethnicity").notNull(),
    economicallyDisadvantaged: boolean("economically_disadvantaged").notNull(),
    englishLearner: boolean("english_learner").notNull(),
    disabilityStatus: disabilityStatusEnum("disability_status").notNull(),
    active: boolean("active").notNull().default(true),
    /** The day the student left the district; retention of the record counts from it. */
    exitedOn: date("exited_on"),
  },
  (table) => [
    index("student_district_school_grade_idx").on(table.districtId, table.schoolId, table.gradeLevel),
    index("student_district_number_idx").on(table.districtId, table.studentNumber),
  ],
);

/**
 * What a person may do, and over which place: a school for school staff and students,
 * a district for district staff and guardians, a state for analysts, none for system admins.
 */
export const roleGrant = pgTable(
  "role_grant",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    role: roleEnum("role").notNull(),
    stateId: uuid("state_id").references(() => state.id),
    districtId: uuid("district_id").references(() => district.id),
    schoolId: uuid("school_id").references(() => school.id),
  },
  (table) => [index("role_grant_person_idx").on(table.personId), index("role_grant_school_idx").on(table.schoolId)],
);

export const guardianLink = pgTable(
  "guardian_link",
  {
    guardianId: uuid("guardian_id")
      .notNull()
      .references(() => person.id),
    studentId: uuid("student_id")
      .notNull()
      .references(() => student.personId),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    relationship: guardianRelationshipEnum("relationship").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.guardianId, table.studentId] }),
    index("guardian_link_student_idx").on(table.studentId),
  ],
);

/** A workplace or community mentor supervising a student's learning outside school. */
export const mentorship = pgTable(
  "mentorship",
  {
    mentorId: uuid("mentor_id")
      .notNull()
      .references(() => person.id),
    menteeId: uuid("mentee_id")
      .notNull()
      .references(() => student.personId),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    environmentId: uuid("environment_id")
      .notNull()
      .references(() => learningEnvironment.id),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.mentorId, table.menteeId] }),
    index("mentorship_mentee_idx").on(table.menteeId),
  ],
);
