import { CairnError } from "@cairn/core";
import { verifyAccessLog } from "@cairn/db";
import type { Command } from "commander";
import { printJson } from "../output";
import { withDatabase } from "./database";

export function registerAccessLog(program: Command): void {
  const accessLog = program.command("access-log").description("The record of disclosures of student records (FERPA)");
  accessLog
    .command("verify")
    .description("Re-hash every district's access-log chain and report the first broken entry, if any")
    .option("--json", "print the report as JSON")
    .action(async (options: { json?: boolean }) => {
      const reports = await withDatabase((database) => verifyAccessLog(database.db));
      if (options.json) printJson(reports);
      else {
        if (reports.length === 0) process.stdout.write("The access log is empty.\n");
        for (const report of reports) {
          const state = report.broken ? `BROKEN at entry ${report.broken.sequence}: ${report.broken.reason}` : "intact";
          process.stdout.write(`district ${report.districtId}: ${report.entries} entries, ${state}\n`);
        }
      }
      const broken = reports.filter((report) => report.broken);
      if (broken.length > 0) {
        throw new CairnError(
          "precondition_failed",
          `the access log of ${broken.length} district(s) has been tampered with`,
        );
      }
    });
}
