import { type CfAssociation, type CfItem, type CfPackage, caseUuid } from "./case";
import { buildPrerequisiteMap, cycleIfAdded, type Precedence } from "./prerequisite-map";

/**
 * The columns of the framework CSV template (docs/templates/framework.csv): one row per
 * item. `code` and `statement` are required; `parent_code` places the item in the tree
 * (empty: at the top); `prerequisite_codes` lists the items that come before it,
 * separated by `;`; `grades` lists grade codes (KG, 01 … 12) separated by `;`.
 */
export const FRAMEWORK_CSV_COLUMNS = [
  "code",
  "parent_code",
  "type",
  "statement",
  "abbreviated_statement",
  "grades",
  "prerequisite_codes",
  "lifelong",
] as const;
const REQUIRED_COLUMNS = ["code", "statement"] as const;

export interface CsvFrameworkMeta {
  title: string;
  creator: string;
  version?: string;
  subject?: string;
  language?: string;
  /** Makes the identifiers: the same key and codes give the same identifiers. */
  identifierKey: string;
  /** ISO date-time recorded as every object's change date. */
  now: string;
  /** Imported as a draft (the default) or published at once. */
  published?: boolean;
}

/** A problem located as a spreadsheet user sees it: the row number counts the header as row 1. */
export interface CsvProblem {
  row: number;
  column: string;
  message: string;
}

const GRADE = /^(PK|KG|0[1-9]|1[0-2]|IT|PR|TK|UG|Other)$/;

function split(value: string | undefined): string[] {
  return (value ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Turns the template's rows into a CASE 1.1 package, or lists every problem by row and
 * column: missing columns or values, codes used twice, parents or prerequisites that are
 * not in the file, unknown grades, and prerequisite cycles (named by code).
 */
export function caseFromCsvRows(
  header: readonly string[],
  rows: readonly Record<string, string>[],
  meta: CsvFrameworkMeta,
): { ok: true; package: CfPackage } | { ok: false; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  for (const column of REQUIRED_COLUMNS)
    if (!header.includes(column)) problems.push({ row: 1, column, message: `the column "${column}" is missing` });
  for (const column of header)
    if (!(FRAMEWORK_CSV_COLUMNS as readonly string[]).includes(column))
      problems.push({
        row: 1,
        column,
        message: `unknown column; the template has ${FRAMEWORK_CSV_COLUMNS.join(", ")}`,
      });
  if (problems.length > 0) return { ok: false, problems };

  const rowOf = new Map<string, number>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const code = row.code?.trim() ?? "";
    if (code === "") problems.push({ row: line, column: "code", message: "is required" });
    else if (rowOf.has(code))
      problems.push({ row: line, column: "code", message: `"${code}" is already used on row ${rowOf.get(code)}` });
    else rowOf.set(code, line);
    if ((row.statement?.trim() ?? "") === "") problems.push({ row: line, column: "statement", message: "is required" });
    for (const grade of split(row.grades))
      if (!GRADE.test(grade))
        problems.push({ row: line, column: "grades", message: `"${grade}" is not a grade code (KG, 01 … 12)` });
    const lifelong = row.lifelong?.trim().toLowerCase() ?? "";
    if (!["", "yes", "no", "true", "false"].includes(lifelong))
      problems.push({ row: line, column: "lifelong", message: `"${row.lifelong}" must be yes or no` });
  });
  const edges: (Precedence & { row: number })[] = [];
  rows.forEach((row, index) => {
    const line = index + 2;
    const code = row.code?.trim() ?? "";
    const parent = row.parent_code?.trim() ?? "";
    if (parent !== "" && !rowOf.has(parent))
      problems.push({ row: line, column: "parent_code", message: `no row has the code "${parent}"` });
    if (parent !== "" && parent === code)
      problems.push({ row: line, column: "parent_code", message: "an item cannot be its own parent" });
    for (const before of split(row.prerequisite_codes)) {
      if (!rowOf.has(before))
        problems.push({ row: line, column: "prerequisite_codes", message: `no row has the code "${before}"` });
      else edges.push({ before, after: code, row: line });
    }
  });
  const parentOf = new Map(rows.map((row) => [row.code?.trim() ?? "", row.parent_code?.trim() ?? ""]));
  rows.forEach((row, index) => {
    const code = row.code?.trim() ?? "";
    const path = [code];
    for (let parent = parentOf.get(code); parent; parent = parentOf.get(parent)) {
      if (path.includes(parent)) {
        if (parent === code && path.length > 1)
          problems.push({
            row: index + 2,
            column: "parent_code",
            message: `the tree loops: ${[...path, parent].join(" → ")}`,
          });
        break;
      }
      path.push(parent);
    }
  });
  // Cycles, named: each link is checked against the ones before it.
  const accepted: Precedence[] = [];
  for (const edge of edges) {
    const cycle = cycleIfAdded(buildPrerequisiteMap(accepted), edge);
    if (cycle)
      problems.push({
        row: edge.row,
        column: "prerequisite_codes",
        message: `prerequisite cycle: ${cycle.join(" → ")}`,
      });
    else accepted.push(edge);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, package: buildPackage(rows, accepted, meta) };
}

function buildPackage(rows: readonly Record<string, string>[], edges: Precedence[], meta: CsvFrameworkMeta): CfPackage {
  const object = (name: string) => {
    const identifier = caseUuid(`${meta.identifierKey}/${name}`);
    return { identifier, uri: `urn:cairn:case:${identifier}`, lastChangeDateTime: meta.now };
  };
  const document = {
    ...object("document"),
    caseVersion: "1.1",
    title: meta.title,
    creator: meta.creator,
    adoptionStatus: meta.published ? "Adopted" : "Draft",
    ...(meta.version ? { version: meta.version } : {}),
    ...(meta.subject ? { subject: [meta.subject] } : {}),
    ...(meta.language ? { language: meta.language } : {}),
  };
  const byCode = new Map<string, CfItem>();
  const items = rows.map((row) => {
    const code = (row.code ?? "").trim();
    const grades = split(row.grades);
    const lifelong = row.lifelong?.trim().toLowerCase();
    const item: CfItem = {
      ...object(`item/${code}`),
      fullStatement: (row.statement ?? "").trim(),
      humanCodingScheme: code,
      ...(row.type?.trim() ? { CFItemType: row.type.trim() } : {}),
      ...(row.abbreviated_statement?.trim() ? { abbreviatedStatement: row.abbreviated_statement.trim() } : {}),
      ...(grades.length > 0 ? { educationLevel: grades } : {}),
      ...(lifelong ? { extensions: { "cairn:lifelong": lifelong === "yes" || lifelong === "true" } } : {}),
    };
    byCode.set(code, item);
    return item;
  });
  const link = (target: { identifier: string; uri: string }, title: string) => ({
    title,
    identifier: target.identifier,
    uri: target.uri,
  });
  const siblings = new Map<string, number>();
  const associations: CfAssociation[] = rows.map((row) => {
    const code = (row.code ?? "").trim();
    const parent = row.parent_code?.trim() ?? "";
    const sequence = (siblings.get(parent) ?? 0) + 1;
    siblings.set(parent, sequence);
    const child = byCode.get(code) as CfItem;
    const parentItem = parent ? byCode.get(parent) : undefined;
    return {
      ...object(`child/${code}`),
      associationType: "isChildOf",
      originNodeURI: link(child, code),
      destinationNodeURI: parentItem ? link(parentItem, parent) : link(document, document.title),
      sequenceNumber: sequence,
    };
  });
  for (const { before, after } of edges)
    associations.push({
      ...object(`precedes/${before}/${after}`),
      associationType: "precedes",
      originNodeURI: link(byCode.get(before) as CfItem, before),
      destinationNodeURI: link(byCode.get(after) as CfItem, after),
    });
  return { CFDocument: document, CFItems: items, CFAssociations: associations };
}
