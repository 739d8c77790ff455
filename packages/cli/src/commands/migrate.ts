import type { Command } from "commander";
import { printJson } from "../output";
import { withDatabase } from "./database";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("Apply pending database migrations (they also run at every start)")
    .option("--json", "print the result as JSON")
    .action(async (options: { json?: boolean }) => {
      await withDatabase(async (database) => {
        if (options.json) return printJson({ migrated: true, database: database.kind, location: database.location });
        process.stdout.write(`Database ${database.location} (${database.kind}) is up to date.\n`);
      });
    });
}
