import { referenceProblems } from "./reference-problems";
import { schemaProblems } from "./schema-problems";
import type { CfPackage, Problem } from "./types";
import { upgradeToCase11 } from "./upgrade";

/** A report lists this many problems, then says how many more there were. */
export const PROBLEM_REPORT_LIMIT = 50;

export type ReadCaseResult =
  | { ok: true; package: CfPackage; sourceVersion: "1.0" | "1.1" }
  | { ok: false; problems: Problem[]; problemCount: number };

/**
 * Reads a parsed CFPackage: checks it against the official schema of its CASE version,
 * upgrades 1.0 to 1.1, then checks what the schema cannot (identifiers, codes, links,
 * cycles). Either the whole package is sound or every problem is reported, located.
 */
export function readCasePackage(input: unknown): ReadCaseResult {
  if (!isObject(input) || !isObject(input.CFDocument))
    return failed([{ path: "$", message: "is not a CASE CFPackage: an object with a CFDocument is expected" }]);
  const declared = input.CFDocument.caseVersion;
  let sourceVersion: "1.0" | "1.1";
  if (declared !== undefined) {
    const problems = schemaProblems(input, "1.1");
    if (problems.length > 0) return failed(problems);
    sourceVersion = "1.1";
  } else {
    // No caseVersion: a 1.0 package, or a 1.1 package that left the optional field out.
    const as11 = schemaProblems(input, "1.1");
    const as10 = as11.length === 0 ? [] : schemaProblems(input, "1.0");
    if (as11.length > 0 && as10.length > 0) return failed(as10.length <= as11.length ? as10 : as11);
    sourceVersion = as11.length === 0 ? "1.1" : "1.0";
  }
  const pkg = sourceVersion === "1.0" ? upgradeToCase11(input) : (structuredClone(input) as unknown as CfPackage);
  const problems = referenceProblems(pkg);
  return problems.length > 0 ? failed(problems) : { ok: true, package: pkg, sourceVersion };
}

function failed(problems: Problem[]): ReadCaseResult {
  return { ok: false, problems: problems.slice(0, PROBLEM_REPORT_LIMIT), problemCount: problems.length };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
