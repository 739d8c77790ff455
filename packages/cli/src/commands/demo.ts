import { type Database, type DemoAccount, listDemoAccounts, loadDemoDistrict } from "@cairn/db";
import { hashPassword } from "@cairn/server";
import { type Command, InvalidArgumentError } from "commander";
import { printJson, progressBar, schoolYearOf } from "../output";
import { withDatabase } from "./database";

export const DEFAULT_DEMO_STUDENTS = 1500;
export const DEFAULT_DEMO_SEED = 20260;

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return parsed;
}

export async function loadDemo(
  database: Database,
  options: { students: number; seed: number; replace: boolean; quiet?: boolean },
) {
  const started = performance.now();
  const bar = options.quiet ? null : progressBar("Loading demo district (students)", options.students);
  // The second step, the semester of evidence, gets a bar of its own once the first is done.
  let evidenceBar: ReturnType<typeof progressBar> | null = null;
  try {
    const counts = await loadDemoDistrict(database, {
      students: options.students,
      seed: options.seed,
      schoolYear: schoolYearOf(new Date()),
      replace: options.replace,
      hashPassword,
      onProgress: (done) => bar?.update(done),
      onEvidenceProgress: (done, total) => {
        if (options.quiet) return;
        if (!evidenceBar) {
          bar?.stop();
          evidenceBar = progressBar("Loading a semester of evidence (students)", total);
        }
        evidenceBar.update(done);
      },
    });
    return { counts, seconds: (performance.now() - started) / 1000 };
  } finally {
    bar?.stop();
    (evidenceBar as ReturnType<typeof progressBar> | null)?.stop();
  }
}

export function formatAccounts(accounts: DemoAccount[]): string {
  const width = Math.max(...accounts.map((account) => account.email.length));
  const lines = accounts.map(
    (account) => `  ${account.role.padEnd(17)} ${account.email.padEnd(width)}  ${account.password}   ${account.about}`,
  );
  return `Demo accounts (role, email, password):\n${lines.join("\n")}\n`;
}

export function registerDemo(program: Command): void {
  const demo = program
    .command("demo")
    .description("Load the deterministic demo district (1 district, 3 schools, ~1,500 students by default)")
    .option(
      "--students <n>",
      "number of students; schools, staff and families scale with it",
      positiveInteger,
      DEFAULT_DEMO_STUDENTS,
    )
    .option("--seed <s>", "random seed: the same seed gives the same district", positiveInteger, DEFAULT_DEMO_SEED)
    .option("--replace", "replace an already-loaded demo district (its data is deleted)", false)
    .option("--json", "print the result as JSON")
    .action(async (options: { students: number; seed: number; replace: boolean; json?: boolean }) => {
      await withDatabase(async (database) => {
        const result = await loadDemo(database, options);
        const accounts = await listDemoAccounts(database.db, new Date());
        if (options.json) return printJson({ ...result, database: database.location, accounts });
        process.stdout.write(
          `Loaded ${result.counts.students} students into ${database.location} in ${result.seconds.toFixed(1)} s.\n${formatAccounts(accounts)}`,
        );
      });
    });

  demo
    .command("accounts")
    .description("List the named demo accounts: role, email, password, person id and linked people")
    .option("--json", "print as JSON")
    .action(async (_options: unknown, command: Command) => {
      // `--json` may be parsed by the parent `demo` command, which has the same option.
      const { json } = command.optsWithGlobals<{ json?: boolean }>();
      await withDatabase(async (database) => {
        const accounts = await listDemoAccounts(database.db, new Date());
        if (json) return printJson(accounts);
        process.stdout.write(
          accounts.length === 0 ? "No demo accounts: run `cairn demo` first.\n" : formatAccounts(accounts),
        );
      });
    });
}
