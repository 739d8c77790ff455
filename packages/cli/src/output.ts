import { CairnError, type ErrorCode } from "@cairn/core";
import cliProgress from "cli-progress";

/** Exit codes by error code: stable, so scripts can tell a busy database from bad input. */
export const EXIT_BY_CODE: Partial<Record<ErrorCode, number>> = {
  validation: 2,
  malformed_request: 2,
  database_in_use: 3,
  conflict: 4,
  not_found: 5,
  precondition_failed: 6,
  payload_too_large: 2,
};

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** The one CLI error handler: a located, readable message and a stable exit code; no stack for known errors. */
export function reportError(error: unknown): number {
  if (error instanceof CairnError) {
    process.stderr.write(`cairn: ${error.message}\n`);
    for (const detail of error.details ?? []) {
      const where = detail.file
        ? `${detail.file}:${detail.row ?? ""}:${detail.column ?? ""}`
        : (detail.path ?? []).join(".");
      process.stderr.write(`  ${where ? `${where}: ` : ""}${detail.message}\n`);
    }
    return EXIT_BY_CODE[error.code] ?? 1;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`cairn: unexpected error\n${message}\n`);
  return 1;
}

/** A progress bar on stderr; prints occasional plain lines when stderr is not a terminal. */
export function progressBar(
  label: string,
  total: number,
): { update(done: number): void; setTotal(total: number): void; stop(): void } {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (done) => bar.update(done),
    setTotal: (newTotal) => bar.setTotal(newTotal),
    stop: () => bar.stop(),
  };
}

/** The school year a date falls in, named by the calendar year it starts (school years start in August). */
export function schoolYearOf(date: Date): number {
  return date.getUTCMonth() >= 7 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}
