import { index, integer, json, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { district } from "./organization";

/**
 * A competency framework (a CASE CFDocument). Each CASE object is kept whole, as the
 * publisher wrote it, in a `case_json` column, so export gives back everything import
 * took in; the other columns are what Cairn queries by.
 */
export const framework = pgTable(
  "framework",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The district that owns it; null for a framework shared by the whole installation (a state's standards). */
    districtId: uuid("district_id").references(() => district.id),
    caseIdentifier: text("case_identifier").notNull(),
    uri: text("uri").notNull(),
    title: text("title").notNull(),
    version: text("version"),
    /** Cairn's lifecycle: draft, published (immutable), deprecated. */
    status: text("status").notNull(),
    /** The CASE version the package arrived in; it is kept in 1.1 form either way. */
    sourceCaseVersion: text("source_case_version").notNull(),
    document: json("document").notNull(),
    definitions: json("definitions"),
    packageExtensions: json("package_extensions"),
    /** The framework this one is a new version of. */
    replacesFrameworkId: uuid("replaces_framework_id"),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("framework_case_identifier_key").on(table.caseIdentifier)],
);

/** A CFItem: a graduate-profile trait, competency, learning target, standard or indicator. */
export const frameworkItem = pgTable(
  "framework_item",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => framework.id),
    caseIdentifier: text("case_identifier").notNull(),
    /** The human coding scheme, e.g. `M.6.RP.1`; unique within the framework. */
    code: text("code"),
    fullStatement: text("full_statement").notNull(),
    itemType: text("item_type"),
    educationLevels: text("education_levels").array().notNull(),
    /** Order in the package, kept so export gives the items back in the publisher's order. */
    position: integer("position").notNull(),
    caseJson: json("case_json").notNull(),
  },
  (table) => [
    uniqueIndex("framework_item_identifier_key").on(table.frameworkId, table.caseIdentifier),
    uniqueIndex("framework_item_code_key").on(table.frameworkId, table.code),
  ],
);

/**
 * A CFAssociation. An end that is one of the framework's items is linked by id; an end
 * elsewhere (another framework, a URL) is an external reference, kept by identifier and URI.
 */
export const frameworkAssociation = pgTable(
  "framework_association",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => framework.id),
    caseIdentifier: text("case_identifier").notNull(),
    associationType: text("association_type").notNull(),
    originIdentifier: text("origin_identifier").notNull(),
    destinationIdentifier: text("destination_identifier").notNull(),
    originItemId: uuid("origin_item_id").references(() => frameworkItem.id),
    destinationItemId: uuid("destination_item_id").references(() => frameworkItem.id),
    sequenceNumber: integer("sequence_number"),
    position: integer("position").notNull(),
    caseJson: json("case_json").notNull(),
  },
  (table) => [
    uniqueIndex("framework_association_identifier_key").on(table.frameworkId, table.caseIdentifier),
    index("framework_association_type_idx").on(table.frameworkId, table.associationType),
    index("framework_association_origin_idx").on(table.originItemId),
    index("framework_association_destination_idx").on(table.destinationItemId),
  ],
);

/** A CFRubric with its criteria and levels, kept whole. */
export const frameworkRubric = pgTable(
  "framework_rubric",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => framework.id),
    caseIdentifier: text("case_identifier").notNull(),
    title: text("title"),
    position: integer("position").notNull(),
    caseJson: json("case_json").notNull(),
  },
  (table) => [uniqueIndex("framework_rubric_identifier_key").on(table.frameworkId, table.caseIdentifier)],
);
