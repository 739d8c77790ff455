export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One line of the printed table. */
export interface Row {
  benchmark: string;
  database: string;
  figure: string;
  value: string;
  runs: string;
}

export interface BenchmarkResult {
  /** How it was measured: sizes, durations, connections, which database, which hash. */
  settings: Record<string, Json>;
  /** The numbers, written to bench/results/latest.json; each carries its number of runs. */
  figures: Record<string, Json>;
  rows: Row[];
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchmarkResult>;
}

export interface Suite {
  name: string;
  benchmarks: Benchmark[];
}

/** Progress goes to stderr so stdout stays the table. */
export function progress(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}

/** The school year a date falls in, named by the calendar year it starts (as `cairn demo` does). */
export function schoolYearOf(date: Date): number {
  return date.getUTCMonth() >= 7 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

export const DEMO_SEED = 20260;
