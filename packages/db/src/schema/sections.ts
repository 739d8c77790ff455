import { index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { sectionStaffRoleEnum } from "./enums";
import { district, learningEnvironment, school, term } from "./organization";
import { person, student } from "./people";

/** A class: a course taught in a term, in a learning environment, by staff, to students. */
export const section = pgTable(
  "section",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => school.id),
    termId: uuid("term_id")
      .notNull()
      .references(() => term.id),
    environmentId: uuid("environment_id")
      .notNull()
      .references(() => learningEnvironment.id),
    name: text("name").notNull(),
    subject: text("subject").notNull(),
    courseCode: text("course_code").notNull(),
  },
  (table) => [index("section_school_idx").on(table.schoolId)],
);

export const sectionStaff = pgTable(
  "section_staff",
  {
    sectionId: uuid("section_id")
      .notNull()
      .references(() => section.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => person.id),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    role: sectionStaffRoleEnum("role").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.sectionId, table.personId] }),
    index("section_staff_person_idx").on(table.personId),
  ],
);

export const enrollment = pgTable(
  "enrollment",
  {
    sectionId: uuid("section_id")
      .notNull()
      .references(() => section.id),
    studentId: uuid("student_id")
      .notNull()
      .references(() => student.personId),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
  },
  (table) => [
    primaryKey({ columns: [table.sectionId, table.studentId] }),
    index("enrollment_student_idx").on(table.studentId),
  ],
);
