import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * The record of disclosures (FERPA): every read of an individual student's record and
 * every export. Append-only (a trigger refuses updates and deletes) and tamper-evident:
 * each entry carries the SHA-256 of its contents chained to the entry before it in the
 * same district. No foreign keys: the history outlives the people in it.
 */
export const accessLog = pgTable(
  "access_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull(),
    sequence: bigint("sequence", { mode: "number" }).notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    actorPersonId: uuid("actor_person_id"),
    actorName: text("actor_name").notNull(),
    actorRoles: text("actor_roles").array().notNull(),
    action: text("action").notNull(),
    studentId: uuid("student_id").notNull(),
    dataElements: text("data_elements").array().notNull(),
    purpose: text("purpose").notNull(),
    previousHash: text("previous_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [
    uniqueIndex("access_log_district_sequence_key").on(table.districtId, table.sequence),
    index("access_log_district_time_idx").on(table.districtId, table.occurredAt),
    index("access_log_student_time_idx").on(table.studentId, table.occurredAt),
  ],
);
