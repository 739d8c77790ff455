import { syntheticPackage, type Viewer } from "@cairn/core";
import { exportCasePackage, importCasePackage, relatedOnPrerequisiteMap, schema } from "@cairn/db";
import { eq } from "drizzle-orm";
import { DATABASE_DESCRIPTIONS, type DatabaseKind, measureOnEachDatabase, openFreshDatabase } from "../../databases";
import { median, quantile, round, seconds } from "../../stats";
import { type Benchmark, type Json, progress, type Row } from "../../suite";

const ITEMS = 10_000;
/** With one isChildOf per item, two prerequisites per item make the 30,000 associations. */
const PREREQUISITES_PER_ITEM = 2;
const RUNS = 3;
/** Items whose prerequisites and unlocks are asked for, spread evenly over the framework. */
const QUERIED_ITEMS = 200;

const operator: Viewer = { kind: "operator", name: "bench" };

interface Sample {
  importSeconds: number;
  exportSeconds: number;
  queryMs: number[];
}

async function runOnce(kind: DatabaseKind, text: string, run: number): Promise<Sample> {
  const fresh = await openFreshDatabase(kind);
  try {
    const importStarted = performance.now();
    // Parsing the file's text is part of importing it.
    const { frameworkId } = await importCasePackage(fresh.database, operator, new Date(), JSON.parse(text));
    const importSeconds = seconds(importStarted);

    const exportStarted = performance.now();
    const exported = JSON.stringify(await exportCasePackage({ db: fresh.database.db, viewer: operator }, frameworkId));
    const exportSeconds = seconds(exportStarted);
    if (exported.length < text.length / 2) throw new Error("the export is missing content");

    const items = await fresh.database.db
      .select({ id: schema.frameworkItem.id })
      .from(schema.frameworkItem)
      .where(eq(schema.frameworkItem.frameworkId, frameworkId))
      .orderBy(schema.frameworkItem.position);
    const ctx = { db: fresh.database.db, viewer: operator };
    const queryMs: number[] = [];
    // The first query reads the published map into memory; it is timed like the others.
    for (let index = 0; index < QUERIED_ITEMS; index++) {
      const item = items[Math.floor((index * items.length) / QUERIED_ITEMS)]?.id ?? "";
      for (const direction of ["prerequisites", "unlocks"] as const) {
        const started = performance.now();
        await relatedOnPrerequisiteMap(ctx, item, direction);
        queryMs.push(performance.now() - started);
      }
    }
    progress(
      `frameworks/case ${kind} run ${run}/${RUNS}: import ${importSeconds.toFixed(2)} s, export ${exportSeconds.toFixed(2)} s, ` +
        `query median ${median(queryMs).toFixed(2)} ms (first ${queryMs[0]?.toFixed(1)} ms)`,
    );
    return { importSeconds, exportSeconds, queryMs };
  } finally {
    await fresh.destroy();
  }
}

export const caseBenchmark: Benchmark = {
  name: "case",
  description: `CASE import and export of a ${ITEMS.toLocaleString("en-US")}-item framework, and prerequisite-map queries on it`,
  async run() {
    const pkg = syntheticPackage({ items: ITEMS, prerequisitesPerItem: PREREQUISITES_PER_ITEM, name: "bench" });
    pkg.CFDocument.adoptionStatus = "Adopted";
    const text = JSON.stringify(pkg);
    const associations = pkg.CFAssociations?.length ?? 0;
    const rows: Row[] = [];
    const importFigures: Record<string, Json> = {};
    const exportFigures: Record<string, Json> = {};
    const queryFigures: Record<string, Json> = {};
    const byKind = await measureOnEachDatabase("frameworks/case", rows, async (kind) => {
      const samples: Sample[] = [];
      for (let run = 1; run <= RUNS; run++) samples.push(await runOnce(kind, text, run));
      const imports = samples.map((sample) => sample.importSeconds);
      const exports = samples.map((sample) => sample.exportSeconds);
      const queries = samples.flatMap((sample) => sample.queryMs);
      importFigures[kind] = {
        median_s: round(median(imports)),
        runs: RUNS,
        samples_s: imports.map((v) => round(v)),
      };
      exportFigures[kind] = {
        median_s: round(median(exports)),
        runs: RUNS,
        samples_s: exports.map((v) => round(v)),
      };
      queryFigures[kind] = {
        median_ms: round(median(queries)),
        p95_ms: round(quantile(queries, 0.95)),
        max_ms: round(Math.max(...queries)),
        queries: queries.length,
      };
      rows.push(
        {
          benchmark: "frameworks/case",
          database: kind,
          figure: "import 10k items",
          value: `${median(imports).toFixed(2)} s median`,
          runs: String(RUNS),
        },
        {
          benchmark: "frameworks/case",
          database: kind,
          figure: "export 10k items",
          value: `${median(exports).toFixed(2)} s median`,
          runs: String(RUNS),
        },
        {
          benchmark: "frameworks/case",
          database: kind,
          figure: "prerequisite query",
          value: `${median(queries).toFixed(2)} ms median, ${quantile(queries, 0.95).toFixed(2)} ms p95`,
          runs: String(queries.length),
        },
      );
      return null;
    });
    // A database that was skipped says why in every figure.
    for (const [kind, value] of Object.entries(byKind))
      if (value !== null) importFigures[kind] = exportFigures[kind] = queryFigures[kind] = value;
    return {
      settings: {
        databases: { ...DATABASE_DESCRIPTIONS },
        package: `syntheticPackage from @cairn/core: ${ITEMS} items, ${associations} associations (one isChildOf per item, ${PREREQUISITES_PER_ITEM} precedes per item), ${(text.length / 1024 / 1024).toFixed(1)} MB of JSON`,
        status: "published (Adopted), so prerequisite maps are read once and then answered from memory",
        timed: {
          import: "importCasePackage from the JSON text (parse, schema and reference checks, one COPY transaction)",
          export: "exportCasePackage and JSON.stringify of the result",
          query: `relatedOnPrerequisiteMap both ways for ${QUERIED_ITEMS} items spread over the framework, including the first (uncached) query`,
        },
        runs: RUNS,
      },
      figures: { import_10k_s: importFigures, export_10k_s: exportFigures, prereq_query_ms: queryFigures },
      rows,
    };
  },
};
