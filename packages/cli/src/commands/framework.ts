import { readFile, stat, writeFile } from "node:fs/promises";
import { CairnError, type Viewer } from "@cairn/core";
import {
  exportCasePackage,
  findDistrict,
  importCasePackage,
  MAX_CASE_PACKAGE_BYTES,
  parseCasePackageText,
} from "@cairn/db";
import type { Command } from "commander";
import { printJson, progressBar } from "../output";
import { withDatabase } from "./database";

const OPERATOR: Viewer = { kind: "operator", name: "cairn cli" };

/** `cairn import case <file>`: a CASE 1.0 or 1.1 CFPackage in, all or nothing. */
export function registerCaseImport(importCommand: Command): void {
  importCommand
    .command("case")
    .description("Import a competency framework from a CASE 1.0 or 1.1 CFPackage JSON file, in one transaction")
    .argument("<file>", "the CFPackage JSON file")
    .option("--district <id-or-code>", "the district that owns it (default: shared by the whole installation)")
    .option("--replace-draft", "replace a draft already imported from the same CASE document")
    .option("--json", "print the result as JSON")
    .action(async (file: string, options: { district?: string; replaceDraft?: boolean; json?: boolean }) => {
      const size = await fileSize(file);
      if (size > MAX_CASE_PACKAGE_BYTES) parseCasePackageText("", size);
      const input = parseCasePackageText(await readFile(file, "utf8"), size);
      const result = await withDatabase(async (database) => {
        const districtId = options.district ? (await findDistrict(database.db, options.district)).id : null;
        const bar = options.json ? null : progressBar("Importing", 1);
        try {
          return await importCasePackage(database, OPERATOR, new Date(), input, {
            districtId,
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
          `Imported "${result.title}" (CASE ${result.sourceVersion}${result.replaced ? ", replacing the draft" : ""}): ` +
            `${result.items} items, ${result.associations} associations, ${result.rubrics} rubrics.\n` +
            `Framework id ${result.frameworkId}, CASE identifier ${result.caseIdentifier}.\n`,
        );
    });
}

/** `cairn export case <framework>`: the framework as a CASE 1.1 CFPackage. */
export function registerCaseExport(exportCommand: Command): void {
  exportCommand
    .command("case")
    .description("Export a framework as a CASE 1.1 CFPackage JSON file")
    .argument("<framework>", "Cairn's framework id or the CASE document identifier")
    .option("--out <file>", "write to this file instead of standard output")
    .action(async (framework: string, options: { out?: string }) => {
      const pkg = await withDatabase((database) => exportCasePackage({ db: database.db, viewer: OPERATOR }, framework));
      const text = `${JSON.stringify(pkg, null, 2)}\n`;
      if (options.out) {
        await writeFile(options.out, text);
        process.stderr.write(
          `Wrote ${pkg.CFItems?.length ?? 0} items and ${pkg.CFAssociations?.length ?? 0} associations to ${options.out}\n`,
        );
      } else process.stdout.write(text);
    });
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    throw new CairnError("not_found", `cannot read ${file}: no such file`);
  }
}
