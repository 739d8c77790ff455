import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { frameworkItem } from "./framework";
import { district } from "./organization";
import { person, student } from "./people";

/**
 * One piece of evidence about a student: the evidence ledger. A row never changes: a
 * correction is a new row that supersedes it (`supersedes_id`), and validation, rejection
 * and voiding are events (`evidence_event`), so the history is always there to read.
 */
export const evidence = pgTable(
  "evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    studentId: uuid("student_id")
      .notNull()
      .references(() => student.personId),
    /** assessment, performance_task, project, portfolio, observation, work_based_learning, course, extended_learning, prior_learning, external_app. */
    kind: text("kind").notNull(),
    /** classroom, online, home, community, workplace, college. */
    setting: text("setting").notNull(),
    title: text("title").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    /** Null when an external app or provider recorded it (its name is in recorded_by_name). */
    recordedBy: uuid("recorded_by").references(() => person.id),
    recordedByName: text("recorded_by_name").notNull(),
    /** Why it needs an educator's validation: recorded by the student, a guardian, a mentor or an app. */
    needsValidation: boolean("needs_validation").notNull(),
    reflection: text("reflection"),
    /** The evidence this row corrects; the corrected row stops counting. */
    supersedesId: uuid("supersedes_id"),
  },
  (table) => [
    index("evidence_student_time_idx").on(table.studentId, table.occurredAt),
    index("evidence_district_idx").on(table.districtId),
    index("evidence_supersedes_idx").on(table.supersedesId),
  ],
);

/** What a piece of evidence says about each item it demonstrates, on that item's scale. */
export const evidenceScore = pgTable(
  "evidence_score",
  {
    evidenceId: uuid("evidence_id")
      .notNull()
      .references(() => evidence.id),
    itemId: uuid("item_id")
      .notNull()
      .references(() => frameworkItem.id),
    score: doublePrecision("score").notNull(),
    /** The rubric criterion level it was scored with, when it was. */
    rubricLevel: text("rubric_level"),
  },
  (table) => [
    primaryKey({ columns: [table.evidenceId, table.itemId] }),
    index("evidence_score_item_idx").on(table.itemId),
  ],
);

/** Validation, rejection and voiding of evidence: append-only, each with who, when and why. */
export const evidenceEvent = pgTable(
  "evidence_event",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    evidenceId: uuid("evidence_id")
      .notNull()
      .references(() => evidence.id),
    /** validated, rejected, voided. */
    kind: text("kind").notNull(),
    actorPersonId: uuid("actor_person_id").references(() => person.id),
    actorName: text("actor_name").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    comment: text("comment"),
  },
  (table) => [index("evidence_event_evidence_idx").on(table.evidenceId)],
);

/**
 * A student's mastery of one item, derived from the ledger by the item's method and kept
 * current in the same transaction as any change to the evidence behind it. It belongs to
 * the student, not to a section: evidence from any course, school or year counts.
 */
export const mastery = pgTable(
  "mastery",
  {
    studentId: uuid("student_id")
      .notNull()
      .references(() => student.personId),
    itemId: uuid("item_id")
      .notNull()
      .references(() => frameworkItem.id),
    districtId: uuid("district_id").notNull(),
    /** The method and its parameters, as applied (name, weight, n, minObservations). */
    method: jsonb("method").notNull(),
    value: doublePrecision("value"),
    mastered: boolean("mastered").notNull(),
    masteredAt: timestamp("mastered_at", { withTimezone: true }),
    evidenceCount: integer("evidence_count").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.studentId, table.itemId] }), index("mastery_item_idx").on(table.itemId)],
);

/** "Mastery reached" and "mastery lost", for later consumers (credit, pathways, notifications). Append-only. */
export const masteryEvent = pgTable(
  "mastery_event",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    studentId: uuid("student_id").notNull(),
    itemId: uuid("item_id").notNull(),
    districtId: uuid("district_id").notNull(),
    /** reached, lost. */
    kind: text("kind").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    /** The evidence whose change caused it. */
    evidenceId: uuid("evidence_id"),
  },
  (table) => [index("mastery_event_student_idx").on(table.studentId, table.occurredAt)],
);

/**
 * Which mastery method applies: a district's default, a framework's, or one item's
 * (the most specific wins); without any, the decaying average (weight 0.65).
 */
export const masteryMethodSetting = pgTable(
  "mastery_method_setting",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    frameworkId: uuid("framework_id"),
    itemId: uuid("item_id"),
    method: jsonb("method").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("mastery_method_setting_district_idx").on(table.districtId)],
);

/**
 * A file attached to evidence (a photo of the work, a recording, a certificate). The bytes
 * live in the file store under `storage_key`; the row is uploaded first and joined to its
 * evidence when the evidence is recorded, once.
 */
export const evidenceAttachment = pgTable(
  "evidence_attachment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    studentId: uuid("student_id")
      .notNull()
      .references(() => student.personId),
    evidenceId: uuid("evidence_id").references(() => evidence.id),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => person.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("evidence_attachment_evidence_idx").on(table.evidenceId),
    index("evidence_attachment_student_idx").on(table.studentId),
  ],
);

/** A student's (or guardian's) request to be reassessed on an item, until an educator closes it. */
export const reassessmentRequest = pgTable(
  "reassessment_request",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    studentId: uuid("student_id")
      .notNull()
      .references(() => student.personId),
    itemId: uuid("item_id")
      .notNull()
      .references(() => frameworkItem.id),
    note: text("note"),
    requestedBy: uuid("requested_by").references(() => person.id),
    requestedByName: text("requested_by_name").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    /** open, reassessed (new evidence on the item arrived), declined. */
    status: text("status").notNull(),
    closedByName: text("closed_by_name"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closingComment: text("closing_comment"),
    /** The evidence that answered it, when reassessed. */
    evidenceId: uuid("evidence_id").references(() => evidence.id),
  },
  (table) => [
    index("reassessment_request_student_idx").on(table.studentId, table.status),
    index("reassessment_request_district_idx").on(table.districtId, table.status),
  ],
);

/**
 * The items a course works on, in order: what a section's gradebook shows and what
 * "progress through the course" counts. Keyed by the district's course code, so every
 * section of the course shares it.
 */
export const courseItem = pgTable(
  "course_item",
  {
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    courseCode: text("course_code").notNull(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => frameworkItem.id),
    position: integer("position").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.districtId, table.courseCode, table.itemId] }),
    index("course_item_item_idx").on(table.itemId),
  ],
);

/** How a district rolls mastery up a framework's tree: one rule for the district, or per framework. */
export const rollupSetting = pgTable(
  "rollup_setting",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    frameworkId: uuid("framework_id"),
    /** { rule: "all" } | { rule: "share", share } | { rule: "mean" }. */
    rule: jsonb("rule").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("rollup_setting_district_idx").on(table.districtId)],
);
