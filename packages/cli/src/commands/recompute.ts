import { CairnError } from "@cairn/core";
import { rebuildMastery } from "@cairn/db";
import type { Command } from "commander";
import { printJson, progressBar } from "../output";
import { withDatabase } from "./database";

/** `cairn recompute [--verify]`: every mastery row rebuilt from the evidence ledger, or only checked against it. */
export function registerRecompute(program: Command): void {
  program
    .command("recompute")
    .description(
      "Rebuild every student's mastery from the evidence ledger; with --verify, only compare and exit 6 listing the differences",
    )
    .option("--verify", "compare the stored mastery with the ledger and write nothing")
    .option("--json", "print the differences as JSON")
    .action(async (options: { verify?: boolean; json?: boolean }) => {
      const differences = await withDatabase(async (database) => {
        const bar = options.json ? null : progressBar(options.verify ? "Verifying" : "Recomputing", 1);
        try {
          return await rebuildMastery(database, new Date(), {
            verify: options.verify ?? false,
            onProgress: (done, total) => {
              bar?.setTotal(total);
              bar?.update(done);
            },
          });
        } finally {
          bar?.stop();
        }
      });
      if (options.json) printJson({ verified: options.verify ?? false, differences });
      else {
        for (const difference of differences) {
          const stored = difference.stored
            ? `${difference.stored.value ?? "none"} (${difference.stored.mastered ? "mastered" : "not mastered"}, ${difference.stored.evidenceCount} evidence)`
            : "no row";
          const recomputed = difference.recomputed;
          process.stdout.write(
            `student ${difference.studentId} item ${difference.itemId}: stored ${stored}, recomputed ${recomputed.value ?? "none"} (${recomputed.mastered ? "mastered" : "not mastered"}, ${recomputed.evidenceCount} evidence)\n`,
          );
        }
        if (differences.length === 0) process.stdout.write("Mastery agrees with the evidence ledger.\n");
        else if (!options.verify) process.stdout.write(`Rebuilt ${differences.length} mastery row(s).\n`);
      }
      if (options.verify && differences.length > 0)
        throw new CairnError(
          "precondition_failed",
          `${differences.length} mastery row(s) differ from the evidence ledger; run cairn recompute to rebuild them`,
        );
    });
}
