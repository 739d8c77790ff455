import { date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { district, school } from "./organization";
import { person } from "./people";

/** An organisation outside the district that receives student data: an app, a vendor, a researcher. */
export const provider = pgTable(
  "provider",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    name: text("name").notNull(),
    website: text("website"),
    contactEmail: text("contact_email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("provider_district_name_key").on(table.districtId, table.name)],
);

/**
 * What a provider may receive and why (seeds 001:2720: "only for the purposes for which
 * they were received"): the data elements, the schools, the dates, and when the data
 * must be destroyed. Status is the district's decision; whether it is in force on a given
 * day also depends on the dates.
 */
export const dataSharingAgreement = pgTable(
  "data_sharing_agreement",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => district.id),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => provider.id),
    purpose: text("purpose").notNull(),
    dataElements: text("data_elements").array().notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    /** How long the provider may keep what it received, in words (e.g. "until the end of the contract"). */
    retention: text("retention").notNull(),
    /** The provider's access ends on this day at the latest, and its copy must be destroyed. */
    destroyBy: date("destroy_by").notNull(),
    breachContact: text("breach_contact").notNull(),
    /** draft, active, suspended, terminated, destroyed. */
    status: text("status").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("data_sharing_agreement_district_idx").on(table.districtId)],
);

/** The schools an agreement covers; students outside them are invisible to the provider. */
export const agreementSchool = pgTable(
  "agreement_school",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => dataSharingAgreement.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => school.id),
  },
  (table) => [primaryKey({ columns: [table.agreementId, table.schoolId] })],
);

/** A provider's bearer credential under one agreement. Only the SHA-256 of the token is kept. */
export const providerToken = pgTable(
  "provider_token",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => dataSharingAgreement.id),
    tokenHash: text("token_hash").notNull(),
    label: text("label").notNull(),
    createdBy: uuid("created_by").references(() => person.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("provider_token_hash_key").on(table.tokenHash),
    index("provider_token_agreement_idx").on(table.agreementId),
  ],
);

/**
 * Proof that a provider's access ended and its copy was destroyed when the agreement said.
 * Append-only, and without foreign keys so it outlives the agreement it records.
 */
export const destructionRecord = pgTable(
  "destruction_record",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull(),
    agreementId: uuid("agreement_id").notNull(),
    providerName: text("provider_name").notNull(),
    dataElements: text("data_elements").array().notNull(),
    destroyBy: date("destroy_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    recordedBy: text("recorded_by").notNull(),
    /** What was done: tokens revoked, and the provider's certification when one was received. */
    statement: text("statement").notNull(),
  },
  (table) => [index("destruction_record_district_idx").on(table.districtId)],
);
