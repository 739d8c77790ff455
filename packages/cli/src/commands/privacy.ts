import { userInfo } from "node:os";
import { CairnError } from "@cairn/core";
import { defaultFilesDir, diskFileStore, eraseExpiredRecords, listErasureCandidates } from "@cairn/db";
import type { Command } from "commander";
import { printJson, progressBar } from "../output";
import { withDatabase } from "./database";

function operatorName(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

export function registerPrivacy(program: Command): void {
  const privacy = program.command("privacy").description("Retention and erasure of student records");
  privacy
    .command("erase-expired")
    .description(
      "Erase the records of students whose district's retention has ended (exit day + retention years), module by module; leaves an erasure record and an audit event for each. Cannot be undone.",
    )
    .option("--dry-run", "list the students who would be erased, and erase nothing")
    .option("--yes", "erase without asking: the records cannot be recovered")
    .option("--json", "print the summary as JSON")
    .option("--quiet", "no progress bar")
    .action(async (options: { dryRun?: boolean; yes?: boolean; json?: boolean; quiet?: boolean }) => {
      const summary = await withDatabase(async (database) => {
        const ctx = { db: database.db, viewer: { kind: "operator" as const, name: operatorName() }, now: new Date() };
        const dryRun = options.dryRun === true;
        if (!dryRun && !options.yes) {
          const due = (await listErasureCandidates(ctx)).length;
          throw new CairnError(
            "validation",
            `${due} student record(s) are past retention; erasing them removes their profile, enrolments, sign-in and correction requests for good. Run again with --yes to erase, or --dry-run to list them`,
          );
        }
        let bar: ReturnType<typeof progressBar> | null = null;
        try {
          return await eraseExpiredRecords(ctx, {
            dryRun,
            files: diskFileStore(defaultFilesDir()),
            onProgress: (done, total) => {
              if (options.quiet || dryRun || total === 0) return;
              bar ??= progressBar("Erasing expired records (students)", total);
              bar.update(done);
            },
          });
        } finally {
          (bar as ReturnType<typeof progressBar> | null)?.stop();
        }
      });
      if (options.json) {
        printJson({ dryRun: summary.dryRun, count: summary.students.length, students: summary.students });
        return;
      }
      if (summary.students.length === 0) {
        process.stdout.write("No student record is past its retention; nothing to erase.\n");
        return;
      }
      for (const row of summary.students) {
        process.stdout.write(
          `${summary.dryRun ? "would erase" : "erased"} student ${row.studentId} (district ${row.districtId}): left ${row.exitedOn}, due ${row.dueOn}\n`,
        );
      }
      process.stdout.write(
        `${summary.students.length} record(s) ${summary.dryRun ? "past retention (dry run: nothing erased)" : "erased"}.\n`,
      );
    });
}
