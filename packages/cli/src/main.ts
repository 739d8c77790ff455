import { Command } from "commander";
import { registerAccessLog } from "./commands/access-log";
import { registerDemo } from "./commands/demo";
import { registerCaseExport, registerCaseImport } from "./commands/framework";
import { registerFrameworkCsvImport } from "./commands/framework-csv";
import { registerMastery } from "./commands/mastery";
import { registerMigrate } from "./commands/migrate";
import { registerOpenApi } from "./commands/openapi";
import { registerPrivacy } from "./commands/privacy";
import { registerProviders } from "./commands/providers";
import { registerRecompute } from "./commands/recompute";
import { registerServe } from "./commands/serve";
import { reportError } from "./output";

const program = new Command()
  .name("cairn")
  .description(
    "Cairn: competency-based learning and accountability.\nUses PostgreSQL when DATABASE_URL is set, otherwise the embedded database in CAIRN_DATA_DIR (default ./data).",
  )
  .showHelpAfterError()
  .exitOverride();

registerServe(program);
registerMigrate(program);
registerDemo(program);
registerOpenApi(program);
registerAccessLog(program);
const importCommand = program.command("import").description("Bring data in from standard files");
const exportCommand = program.command("export").description("Write data out in standard formats");
registerCaseImport(importCommand);
registerFrameworkCsvImport(importCommand);
registerCaseExport(exportCommand);
registerProviders(program);
registerMastery(program);
registerPrivacy(program);
registerRecompute(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === "commander.helpDisplayed" || code === "commander.version" || code === "commander.help") process.exit(0);
  if (typeof code === "string" && code.startsWith("commander.")) process.exit(2);
  process.exit(reportError(error));
}
