import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { CairnError, caseFromCsvRows, type Viewer } from "@cairn/core";
import { findDistrict, importCasePackage } from "@cairn/db";
import type { Command } from "commander";
import { parse } from "csv-parse/sync";
import { printJson, progressBar } from "../output";
import { withDatabase } from "./database";

const OPERATOR: Viewer = { kind: "operator", name: "cairn cli" };

/** `cairn import framework-csv <file>`: a framework from the CSV template, for districts without CASE. */
export function registerFrameworkCsvImport(importCommand: Command): void {
  importCommand
    .command("framework-csv")
    .description(
      "Import a competency framework from the CSV template (docs/templates/framework.csv): one row per item, with its parent, type, grades and prerequisites",
    )
    .argument("<file>", "the CSV file (UTF-8, with the template's header row)")
    .requiredOption("--title <title>", "the framework's title")
    .option("--framework-version <version>", "its version, e.g. 2026")
    .option("--subject <subject>", "its subject, e.g. Science")
    .option("--language <code>", "the language of its statements", "en")
    .option("--district <id-or-code>", "the district that owns it (default: shared by the whole installation)")
    .option("--published", "publish it at once (by default it is a draft to review in the web app)")
    .option("--replace-draft", "replace the draft imported before from a file with the same title and version")
    .option("--json", "print the result as JSON")
    .action(async (file: string, options: FrameworkCsvOptions) => {
      const text = await readUtf8(file);
      const { header, rows } = parseCsv(text, basename(file));
      const result = await withDatabase(async (database) => {
        const district = options.district ? await findDistrict(database.db, options.district) : null;
        const now = new Date();
        const converted = caseFromCsvRows(header, rows, {
          title: options.title,
          creator: district?.name ?? "Cairn",
          version: options.frameworkVersion,
          subject: options.subject,
          language: options.language,
          // Same district, title and version: same identifiers, so a corrected file can replace its draft.
          identifierKey: `framework-csv/${district?.id ?? "shared"}/${options.title}/${options.frameworkVersion ?? ""}`,
          now: now.toISOString(),
          published: options.published ?? false,
        });
        if (!converted.ok) {
          throw new CairnError(
            "validation",
            `the CSV has ${converted.problems.length} problem${converted.problems.length === 1 ? "" : "s"}; nothing was imported`,
            converted.problems.slice(0, 50).map((problem) => ({ file: basename(file), ...problem })),
          );
        }
        const bar = options.json ? null : progressBar("Importing", 1);
        try {
          return await importCasePackage(database, OPERATOR, now, converted.package, {
            districtId: district?.id ?? null,
            replaceDraft: options.replaceDraft ?? false,
            onProgress: (stored, total) => {
              bar?.setTotal(total);
              bar?.update(stored);
            },
          });
        } finally {
          bar?.stop();
        }
      });
      if (options.json) printJson(result);
      else
        process.stdout.write(
          `Imported "${result.title}" from CSV: ${result.items} items, ${result.associations} associations.\n` +
            `Framework id ${result.frameworkId}, CASE identifier ${result.caseIdentifier}.\n`,
        );
    });
}

interface FrameworkCsvOptions {
  title: string;
  frameworkVersion?: string;
  subject?: string;
  language: string;
  district?: string;
  published?: boolean;
  replaceDraft?: boolean;
  json?: boolean;
}

async function readUtf8(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new CairnError("not_found", `cannot read ${file}: no such file`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CairnError(
      "validation",
      `${basename(file)} is not UTF-8 text; save it from the spreadsheet as "CSV UTF-8"`,
    );
  }
}

function parseCsv(text: string, file: string): { header: string[]; rows: Record<string, string>[] } {
  try {
    const records = parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
    const [header = [], ...body] = records;
    const columns = header.map((name) => name.toLowerCase());
    return {
      header: columns,
      rows: body.map((values) => Object.fromEntries(columns.map((column, index) => [column, values[index] ?? ""]))),
    };
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    throw new CairnError("validation", "the file is not valid CSV", [{ file, row: lines, message }]);
  }
}
