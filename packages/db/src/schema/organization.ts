import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { environmentKindEnum, gradeLevelEnum, schoolLevelEnum } from "./enums";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const state = pgTable("state", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const district = pgTable(
  "district",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stateId: uuid("state_id")
      .notNull()
      .references(() => state.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("district_state_code_key").on(table.stateId, table.code)],
);

export const school = pgTable(
  "school",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    level: schoolLevelEnum("level").notNull(),
    lowestGrade: gradeLevelEnum("lowest_grade").notNull(),
    highestGrade: gradeLevelEnum("highest_grade").notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("school_district_code_key").on(table.districtId, table.code)],
);

/** Where learning happens: a school campus, an online programme, a workplace, a college. */
export const learningEnvironment = pgTable(
  "learning_environment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    schoolId: uuid("school_id").references(() => school.id),
    kind: environmentKindEnum("kind").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("learning_environment_district_idx").on(table.districtId)],
);

export const term = pgTable(
  "term",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    name: text("name").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("term_district_idx").on(table.districtId)],
);
