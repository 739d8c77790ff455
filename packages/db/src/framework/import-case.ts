import { randomUUID } from "node:crypto";
import { CairnError, type CfPackage, type Problem, readCasePackage, type Viewer } from "@cairn/core";
import { pgTextArray } from "../copy";
import type { Database } from "../database";
import { withForeignKeysCheckedAtEnd } from "../foreign-keys";
import { importTarget } from "./access";

/** The largest package Cairn reads, in bytes; a state's whole standards set is far smaller. */
export const MAX_CASE_PACKAGE_BYTES = 32 * 1024 * 1024;

const FRAMEWORK_TABLES = ["framework_item", "framework_association", "framework_rubric"];

export interface ImportCaseOptions {
  /** The owning district; a district admin's own by default. The operator may leave it out (shared). */
  districtId?: string | null;
  /** Replace a draft already imported from the same CASE document. */
  replaceDraft?: boolean;
  /** Told how many CASE objects are stored, after each table. */
  onProgress?: (stored: number, total: number) => void;
}

export interface ImportCaseResult {
  frameworkId: string;
  caseIdentifier: string;
  title: string;
  sourceVersion: "1.0" | "1.1";
  items: number;
  associations: number;
  rubrics: number;
  replaced: boolean;
}

/** Parses a package file's text; bad JSON and oversize files are reported like any other problem. */
export function parseCasePackageText(text: string, byteLength = Buffer.byteLength(text)): unknown {
  if (byteLength > MAX_CASE_PACKAGE_BYTES)
    throw new CairnError(
      "payload_too_large",
      `the package is ${(byteLength / 1024 / 1024).toFixed(1)} MB; Cairn reads CASE packages up to ${MAX_CASE_PACKAGE_BYTES / 1024 / 1024} MB`,
    );
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CairnError("validation", "the file is not JSON", [{ path: ["$"], message: (error as Error).message }]);
  }
}

/**
 * Imports a CASE CFPackage (1.0 or 1.1) as one framework, in one transaction: either every
 * item, association and rubric is stored, or nothing is and every problem is reported
 * with its JSON path.
 */
export async function importCasePackage(
  database: Database,
  viewer: Viewer,
  now: Date,
  input: unknown,
  options: ImportCaseOptions = {},
): Promise<ImportCaseResult> {
  const districtId = importTarget(viewer, options.districtId);
  const read = readCasePackage(input);
  if (!read.ok) throw invalidPackage(read.problems, read.problemCount);
  const pkg = read.package;
  const document = pkg.CFDocument;
  return database.bulkLoad(async (tx) => {
    const { exec, query } = tx;
    await exec("select pg_advisory_xact_lock(hashtext($1))", [`framework:${document.identifier}`]);
    const [existing] = await query<{ id: string; status: string; district_id: string | null }>(
      "select id, status, district_id from framework where case_identifier = $1",
      [document.identifier],
    );
    if (existing) {
      if (existing.status !== "draft")
        throw new CairnError(
          "conflict",
          `framework ${document.identifier} is already imported and ${existing.status}; a published framework never changes — import the new version under a new identifier`,
        );
      if (!options.replaceDraft || existing.district_id !== districtId)
        throw new CairnError(
          "conflict",
          `framework ${document.identifier} is already imported as a draft; import again with "replace draft" to overwrite it`,
        );
      await deleteFrameworkRows(exec, existing.id);
    }
    const frameworkId = randomUUID();
    await exec(
      `insert into framework (id, district_id, case_identifier, uri, title, version, status, source_case_version,
         document, definitions, package_extensions, imported_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        frameworkId,
        districtId,
        document.identifier,
        document.uri,
        document.title,
        document.version ?? null,
        lifecycleStatus(document.adoptionStatus),
        read.sourceVersion,
        JSON.stringify(document),
        pkg.CFDefinitions ? JSON.stringify(pkg.CFDefinitions) : null,
        pkg.extensions ? JSON.stringify(pkg.extensions) : null,
        now.toISOString(),
      ],
    );
    const load = () => copyContents(tx.copy, frameworkId, pkg, options.onProgress);
    // The embedded database is one connection, so nothing waits on the tables while their
    // links are checked once at the end rather than row by row (most of a large import's time).
    const counts =
      database.kind === "embedded" ? await withForeignKeysCheckedAtEnd(tx, FRAMEWORK_TABLES, load) : await load();
    return {
      frameworkId,
      caseIdentifier: document.identifier,
      title: document.title,
      sourceVersion: read.sourceVersion,
      ...counts,
      replaced: existing !== undefined,
    };
  });
}

async function copyContents(
  copy: (table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>) => Promise<void>,
  frameworkId: string,
  pkg: CfPackage,
  onProgress: ImportCaseOptions["onProgress"] = () => {},
) {
  const items = pkg.CFItems ?? [];
  const associations = pkg.CFAssociations ?? [];
  const rubrics = pkg.CFRubrics ?? [];
  const total = items.length + associations.length + rubrics.length;
  const itemIds = new Map(items.map((item) => [item.identifier, randomUUID()]));
  await copy(
    "framework_item",
    [
      "id",
      "framework_id",
      "case_identifier",
      "code",
      "full_statement",
      "item_type",
      "education_levels",
      "position",
      "case_json",
    ],
    items.map((item, position) => [
      itemIds.get(item.identifier),
      frameworkId,
      item.identifier,
      item.humanCodingScheme || null,
      item.fullStatement,
      item.CFItemType ?? null,
      pgTextArray(item.educationLevel ?? []),
      position,
      JSON.stringify(item),
    ]),
  );
  onProgress(items.length, total);
  await copy(
    "framework_association",
    [
      "id",
      "framework_id",
      "case_identifier",
      "association_type",
      "origin_identifier",
      "destination_identifier",
      "origin_item_id",
      "destination_item_id",
      "sequence_number",
      "position",
      "case_json",
    ],
    associations.map((association, position) => [
      randomUUID(),
      frameworkId,
      association.identifier,
      association.associationType,
      association.originNodeURI.identifier,
      association.destinationNodeURI.identifier,
      itemIds.get(association.originNodeURI.identifier) ?? null,
      itemIds.get(association.destinationNodeURI.identifier) ?? null,
      association.sequenceNumber ?? null,
      position,
      JSON.stringify(association),
    ]),
  );
  onProgress(items.length + associations.length, total);
  await copy(
    "framework_rubric",
    ["id", "framework_id", "case_identifier", "title", "position", "case_json"],
    rubrics.map((rubric, position) => [
      randomUUID(),
      frameworkId,
      rubric.identifier,
      rubric.title ?? null,
      position,
      JSON.stringify(rubric),
    ]),
  );
  onProgress(total, total);
  return { items: items.length, associations: associations.length, rubrics: rubrics.length };
}

export async function deleteFrameworkRows(exec: (statement: string, params?: unknown[]) => Promise<void>, id: string) {
  await exec("delete from framework_rubric where framework_id = $1", [id]);
  await exec("delete from framework_association where framework_id = $1", [id]);
  await exec("delete from framework_item where framework_id = $1", [id]);
  await exec("delete from framework where id = $1", [id]);
}

/** CASE's free-text adoption status, read as Cairn's lifecycle. */
function lifecycleStatus(adoptionStatus: string | undefined): "draft" | "published" | "deprecated" {
  const status = (adoptionStatus ?? "").toLowerCase();
  if (status.includes("deprecated") || status.includes("retired")) return "deprecated";
  if (status === "" || status.includes("draft") || status.includes("review")) return "draft";
  return "published";
}

function invalidPackage(problems: Problem[], count: number): CairnError {
  const more = count > problems.length ? ` (the first ${problems.length} are listed)` : "";
  return new CairnError(
    "validation",
    `the CASE package has ${count} problem${count === 1 ? "" : "s"}${more}; nothing was imported`,
    problems.map((problem) => ({ path: [problem.path], message: problem.message })),
  );
}
