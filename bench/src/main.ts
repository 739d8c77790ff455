/**
 * Cairn's benchmark runner: `npm run bench` runs every suite; `npm run bench -- <name>...`
 * runs the named suites (`foundation`) or single benchmarks (`demo-load`, `foundation/api-latency`).
 * Prints a table to stdout and merges the figures into bench/results/latest.json.
 */
import { dropLeftoverDatabases } from "./databases";
import { type Measured, mergeResults, RESULTS_FILE } from "./results";
import { seconds } from "./stats";
import type { Benchmark, Row, Suite } from "./suite";
import { evidence } from "./suites/evidence";
import { foundation } from "./suites/foundation";
import { frameworks } from "./suites/frameworks";

/** Every suite, in the order `npm run bench` runs them. Later issues add theirs here. */
const SUITES: Suite[] = [foundation, frameworks, evidence];

function select(names: string[]): { suite: Suite; benchmark: Benchmark }[] {
  const all = SUITES.flatMap((suite) => suite.benchmarks.map((benchmark) => ({ suite, benchmark })));
  if (names.length === 0) return all;
  const chosen = new Set<(typeof all)[number]>();
  for (const name of names) {
    const matches = all.filter(
      ({ suite, benchmark }) =>
        name === suite.name || name === benchmark.name || name === `${suite.name}/${benchmark.name}`,
    );
    if (matches.length === 0) {
      const known = all.map(({ suite, benchmark }) => `${suite.name}/${benchmark.name}`).join(", ");
      throw new Error(`unknown suite or benchmark "${name}"; known: ${SUITES.map((s) => s.name).join(", ")}, ${known}`);
    }
    for (const match of matches) chosen.add(match);
  }
  return all.filter((entry) => chosen.has(entry));
}

function printTable(rows: Row[]): void {
  const header: Row = { benchmark: "benchmark", database: "database", figure: "figure", value: "value", runs: "runs" };
  const columns = ["benchmark", "database", "figure", "value", "runs"] as const;
  const widths = columns.map((column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row: Row) =>
    columns
      .map((column, index) => row[column].padEnd(widths[index] ?? 0))
      .join("  ")
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<number> {
  const names = process.argv.slice(2).filter((arg) => arg !== "--");
  const selected = select(names);
  const started = performance.now();
  const measured: Measured[] = [];
  const failures: string[] = [];
  for (const { suite, benchmark } of selected) {
    process.stderr.write(`▶ ${suite.name}/${benchmark.name}: ${benchmark.description}\n`);
    const startedAt = new Date();
    const benchmarkStarted = performance.now();
    try {
      const result = await benchmark.run();
      measured.push({
        suite: suite.name,
        benchmark: benchmark.name,
        startedAt,
        seconds: seconds(benchmarkStarted),
        result,
      });
      process.stderr.write(`  done in ${seconds(benchmarkStarted).toFixed(1)} s\n`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push(`${suite.name}/${benchmark.name}: ${message}`);
      process.stderr.write(`  FAILED: ${message}\n`);
    }
  }
  if (measured.length > 0) {
    mergeResults(measured);
    printTable(measured.flatMap(({ result }) => result.rows));
    console.log(`\nMerged into ${RESULTS_FILE}; total ${seconds(started).toFixed(1)} s.`);
  }
  for (const failure of failures) console.error(`failed: ${failure}`);
  return failures.length > 0 ? 1 : 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void dropLeftoverDatabases().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
