import { loadDemoDistrict } from "@cairn/db";
import { hashPassword } from "@cairn/server";
import { DATABASE_DESCRIPTIONS, type DatabaseKind, measureOnEachDatabase, openFreshDatabase } from "../../databases";
import { median, round, seconds } from "../../stats";
import { type Benchmark, DEMO_SEED, type Json, progress, type Row, schoolYearOf } from "../../suite";

const SIZES = [
  { students: 1500, runs: 5 },
  { students: 100_000, runs: 3 },
] as const;

interface RunSample {
  loadSeconds: number;
  hashSeconds: number;
  openSeconds: number;
}

async function loadOnce(kind: DatabaseKind, students: number, label: string): Promise<RunSample> {
  const fresh = await openFreshDatabase(kind);
  try {
    let hashSeconds = 0;
    const timedHash = async (password: string) => {
      const started = performance.now();
      try {
        return await hashPassword(password);
      } finally {
        hashSeconds += seconds(started);
      }
    };
    const tty = process.stderr.isTTY && students >= 10_000;
    const started = performance.now();
    await loadDemoDistrict(fresh.database, {
      students,
      seed: DEMO_SEED,
      schoolYear: schoolYearOf(new Date()),
      hashPassword: timedHash,
      onProgress: tty
        ? (done, total) => process.stderr.write(`\r  · ${label}: ${Math.round((100 * done) / total)}% `)
        : undefined,
    });
    const loadSeconds = seconds(started);
    if (tty) process.stderr.write("\r\u001b[K");
    return { loadSeconds, hashSeconds, openSeconds: fresh.openSeconds };
  } finally {
    await fresh.destroy();
  }
}

async function measure(kind: DatabaseKind, students: number, runs: number) {
  const samples: RunSample[] = [];
  for (let run = 1; run <= runs; run++) {
    const label = `demo-load ${kind} ${students} students, run ${run}/${runs}`;
    const sample = await loadOnce(kind, students, label);
    samples.push(sample);
    progress(`${label}: ${sample.loadSeconds.toFixed(2)} s (open+migrate ${sample.openSeconds.toFixed(2)} s)`);
  }
  const loads = samples.map((sample) => sample.loadSeconds);
  const figure: Record<string, Json> = {
    median_s: round(median(loads)),
    runs,
    samples_s: loads.map((value) => round(value)),
    argon2_median_s: round(median(samples.map((sample) => sample.hashSeconds))),
    open_and_migrate_median_s: round(median(samples.map((sample) => sample.openSeconds))),
  };
  return figure;
}

export const demoLoad: Benchmark = {
  name: "demo-load",
  description: "Seconds to load the generated demo district with loadDemoDistrict, on a fresh database each run",
  async run() {
    const rows: Row[] = [];
    const byKind = await measureOnEachDatabase("demo-load", rows, async (kind) => {
      const bySize: Record<string, Json> = {};
      for (const { students, runs } of SIZES) {
        const figure = await measure(kind, students, runs);
        bySize[String(students)] = figure;
        rows.push({
          benchmark: "demo-load",
          database: kind,
          figure: `${students.toLocaleString("en-US")} students`,
          value: `${Number(figure.median_s).toFixed(2)} s median (argon2 ${Number(figure.argon2_median_s).toFixed(2)} s)`,
          runs: String(runs),
        });
      }
      return bySize;
    });
    return {
      settings: {
        databases: { ...DATABASE_DESCRIPTIONS },
        seed: DEMO_SEED,
        sizes: SIZES.map(({ students, runs }) => ({ students, runs })),
        hash: "real argon2id (hashPassword from @cairn/server) for the 9 named accounts; its time is inside the figure and also reported as argon2_median_s",
        timed:
          "the loadDemoDistrict call only: opening and migrating the fresh database is excluded (reported as open_and_migrate_median_s)",
      },
      figures: { demo_load_s: byKind },
      rows,
    };
  },
};
