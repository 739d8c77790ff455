import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { district } from "./organization";
import { person, student } from "./people";

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
    purposeDetail: text("purpose_detail"),
    previousHash: text("previous_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [
    uniqueIndex("access_log_district_sequence_key").on(table.districtId, table.sequence),
    index("access_log_district_time_idx").on(table.districtId, table.occurredAt),
    index("access_log_student_time_idx").on(table.studentId, table.occurredAt),
  ],
);

/** A district's privacy settings; a district without a row uses the defaults. */
export const districtPrivacySettings = pgTable("district_privacy_settings", {
  districtId: uuid("district_id")
    .primaryKey()
    .references(() => district.id),
  /** Aggregate groups smaller than this are suppressed in every report. */
  minimumGroupSize: integer("minimum_group_size").notNull().default(10),
  /** How long teachers and paraprofessionals keep reading a section's students after its term ends. */
  pastStudentAccessDays: integer("past_student_access_days").notNull().default(0),
  /** Years after a student leaves before their record is erased. */
  retentionYearsAfterExit: integer("retention_years_after_exit").notNull().default(5),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The district's annual notice to families (seeds 001:2731): what is collected and who sees it. */
export const privacyNotice = pgTable(
  "privacy_notice",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    /** e.g. "2026-2027". */
    schoolYear: text("school_year").notNull(),
    language: text("language").notNull(),
    body: text("body").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    publishedBy: uuid("published_by").references(() => person.id),
  },
  (table) => [uniqueIndex("privacy_notice_year_language_key").on(table.districtId, table.schoolYear, table.language)],
);

/** A family's request to correct the record (FERPA's right to seek amendment), tracked to resolution. */
export const correctionRequest = pgTable(
  "correction_request",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    studentId: uuid("student_id")
      .notNull()
      .references(() => student.personId),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => person.id),
    /** Which part of the record, as a data element name. */
    dataElement: text("data_element").notNull(),
    description: text("description").notNull(),
    /** open, accepted, rejected. */
    status: text("status").notNull(),
    resolution: text("resolution"),
    resolvedBy: uuid("resolved_by").references(() => person.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("correction_request_student_idx").on(table.studentId),
    index("correction_request_district_status_idx").on(table.districtId, table.status),
  ],
);

/**
 * Changes to who may see what: role grants given and taken away, agreements created and
 * changed, tokens issued and revoked, settings changed, records erased. Append-only.
 */
export const auditEvent = pgTable(
  "audit_event",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null for changes above any district (a system admin granted a state role). */
    districtId: uuid("district_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    actorPersonId: uuid("actor_person_id"),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    subjectKind: text("subject_kind").notNull(),
    subjectId: text("subject_id").notNull(),
    details: jsonb("details").notNull(),
  },
  (table) => [index("audit_event_district_time_idx").on(table.districtId, table.occurredAt)],
);

/** What end-of-retention erasure removed: the student's id and the modules, never their data. */
export const erasureRecord = pgTable(
  "erasure_record",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull(),
    studentId: uuid("student_id").notNull(),
    erasedAt: timestamp("erased_at", { withTimezone: true }).notNull(),
    erasedBy: text("erased_by").notNull(),
    reason: text("reason").notNull(),
    modules: text("modules").array().notNull(),
  },
  (table) => [index("erasure_record_district_idx").on(table.districtId)],
);
