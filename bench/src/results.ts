import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { cpus, freemem, platform, release, totalmem } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchmarkResult, Json } from "./suite";

export const RESULTS_FILE = fileURLToPath(new URL("../results/latest.json", import.meta.url));

export function machineInfo(): Record<string, Json> {
  const processors = cpus();
  return {
    node: process.version,
    platform: `${platform()} ${release()}`,
    cpus: processors.length,
    cpu_model: processors[0]?.model.trim() ?? "unknown",
    memory_gb: Math.round(totalmem() / 1e8) / 10,
    free_memory_gb: Math.round(freemem() / 1e8) / 10,
  };
}

type ResultsFile = { updated_at?: string; machine?: Json; suites?: Record<string, Record<string, Json>> };

function readResults(): ResultsFile {
  if (!existsSync(RESULTS_FILE)) return {};
  try {
    const parsed = JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as ResultsFile) : {};
  } catch (error) {
    process.stderr.write(`warning: ${RESULTS_FILE} is not valid JSON (${String(error)}); starting it afresh\n`);
    return {};
  }
}

export interface Measured {
  suite: string;
  benchmark: string;
  startedAt: Date;
  seconds: number;
  result: BenchmarkResult;
}

/** Merges the benchmarks that ran into latest.json: theirs are replaced, every other key is kept. */
export function mergeResults(measured: Measured[]): void {
  const file = readResults();
  const suites = file.suites ?? {};
  const machine = machineInfo();
  for (const { suite, benchmark, startedAt, seconds, result } of measured) {
    suites[suite] ??= {};
    (suites[suite] as Record<string, Json>)[benchmark] = {
      measured_at: startedAt.toISOString(),
      wall_s: Math.round(seconds * 10) / 10,
      machine,
      settings: result.settings,
      ...result.figures,
    };
  }
  const merged: ResultsFile = { updated_at: new Date().toISOString(), machine, suites };
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const temporary = `${RESULTS_FILE}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(merged, null, 2)}\n`);
  renameSync(temporary, RESULTS_FILE);
}
