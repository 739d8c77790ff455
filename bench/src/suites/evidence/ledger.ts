/**
 * The evidence ledger on the 50,000-student demo district, per database: a student's full
 * record and a section's gradebook (latency under a few clients), bulk ingest through the
 * API against a raw COPY of the same rows, and `cairn recompute` over a ledger grown to
 * 5,000,000 rows. One server process per database (the demo takes minutes to load with its
 * semester of evidence), the steps in that order: the reads and the ingest see the demo as
 * generated; the ledger is grown only for the recompute.
 */
import { DATABASE_DESCRIPTIONS, type DatabaseKind, measureOnEachDatabase } from "../../databases";
import { round } from "../../stats";
import { type Benchmark, type Json, progress, type Row } from "../../suite";
import {
  FIXTURE,
  GRADEBOOK_CLIENTS,
  GRADEBOOK_RUN_S,
  GRADEBOOK_RUNS,
  GRADEBOOK_WARMUP_S,
  measureGradebook,
} from "./gradebook";
import { BATCH, measureIngest, SINGLE } from "./ingest";
import { signIn, startLedgerServer } from "./ledger-control";
import {
  EVIDENCE_PER_STUDENT,
  ITEMS_PER_STUDENT,
  LEDGER_DEMO_STUDENTS,
  LEDGER_PLAN,
  type SampleResult,
} from "./ledger-shared";
import { measureRecompute } from "./recompute";
import { measureStudentRecord, RECORD_CLIENTS, RECORD_RUN_S, RECORD_RUNS, RECORD_WARMUP_S } from "./student-record";

const SAMPLE_STUDENTS = 5000;
const SAMPLE_SECTIONS = 100;

const FIGURES = [
  "student_record_p95_ms",
  "gradebook_p95_ms",
  "ingest_per_s",
  "ingest_vs_copy_ratio",
  "recompute_5m_evidence_s",
] as const;
type Figure = (typeof FIGURES)[number];

/** Runs one measurement; a failure is recorded (figure and table row) and the others still run. */
async function attempt(kind: DatabaseKind, what: string, rows: Row[], measure: () => Promise<Json>): Promise<Json> {
  try {
    return await measure();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    progress(`${what} ${kind} FAILED: ${message}`);
    rows.push({
      benchmark: "evidence/ledger",
      database: kind,
      figure: what,
      value: `FAILED: ${message.slice(0, 200)}`,
      runs: "-",
    });
    return { failed: message };
  }
}

async function measureOn(kind: DatabaseKind, rows: Row[]): Promise<Record<Figure | "setup", Json>> {
  progress(`${kind}: starting the server and loading the ${LEDGER_DEMO_STUDENTS.toLocaleString("en-US")}-student demo`);
  const server = await startLedgerServer(kind);
  try {
    progress(
      `${kind}: demo loaded in ${server.demoLoadSeconds.toFixed(1)} s (${server.demoEvidence.toLocaleString("en-US")} evidence rows)`,
    );
    const admin = await signIn(server.url, "districtAdmin");
    const sample = await server.call<SampleResult>({
      type: "sample",
      students: SAMPLE_STUDENTS,
      sections: SAMPLE_SECTIONS,
    });
    const record = await attempt(kind, "student record", rows, () =>
      measureStudentRecord(kind, server, admin, sample.students, rows),
    );
    const gradebook = await attempt(kind, "gradebook", rows, () =>
      measureGradebook(kind, server, admin, sample.sections, rows),
    );
    const ingest = (await attempt(kind, "ingest", rows, () =>
      measureIngest(kind, server, admin, sample.students, sample.items, rows),
    )) as { ingest?: Json; ratio?: Json; failed?: string };
    const recompute = await attempt(kind, "recompute", rows, () =>
      measureRecompute(kind, server, LEDGER_PLAN[kind], rows),
    );
    return {
      setup: {
        open_and_migrate_s: round(server.openSeconds, 2),
        demo_load_s: round(server.demoLoadSeconds, 1),
        demo_evidence_rows: server.demoEvidence,
        students_sampled: sample.students.length,
        sections_sampled: sample.sections.length,
      },
      student_record_p95_ms: record,
      gradebook_p95_ms: gradebook,
      ingest_per_s: ingest.ingest ?? ingest,
      ingest_vs_copy_ratio: ingest.ratio ?? ingest,
      recompute_5m_evidence_s: recompute,
    };
  } finally {
    await server.stop();
  }
}

export const ledgerBenchmark: Benchmark = {
  name: "ledger",
  description: `The evidence ledger on the ${LEDGER_DEMO_STUDENTS.toLocaleString("en-US")}-student demo: student record and gradebook latency, API ingest vs COPY, cairn recompute over 5M evidence rows`,
  async run() {
    const rows: Row[] = [];
    const figures: Record<Figure | "setup", Record<string, Json>> = {
      setup: {},
      student_record_p95_ms: {},
      gradebook_p95_ms: {},
      ingest_per_s: {},
      ingest_vs_copy_ratio: {},
      recompute_5m_evidence_s: {},
    };
    const byKind = await measureOnEachDatabase("evidence/ledger", rows, async (kind) => {
      const measured = await measureOn(kind, rows);
      for (const [figure, value] of Object.entries(measured)) figures[figure as Figure][kind] = value;
      return null;
    });
    // A database that was skipped says why in every figure.
    for (const [kind, value] of Object.entries(byKind))
      if (value !== null) for (const figure of Object.values(figures)) figure[kind] = value;
    return {
      settings: {
        databases: { ...DATABASE_DESCRIPTIONS },
        demo: `loadDemoDistrict with ${LEDGER_DEMO_STUDENTS} students (its semester of evidence and mastery included), then ANALYZE (PostgreSQL's autovacuum would soon; the embedded database never does); the server is buildApp({ logger: false }) in a child process on 127.0.0.1`,
        viewer: "the demo's district admin (one session cookie)",
        client:
          "closed-loop keep-alive HTTP clients in the bench process (bench/src/suites/evidence/http-load.ts); latency of 2xx answers, failures counted apart",
        student_record: `GET /students/{id}/mastery?explain=true and GET /students/{id}/evidence sent together, latency until both answer; ${RECORD_CLIENTS} clients, random students with evidence; warm-up ${RECORD_WARMUP_S} s dropped, then ${RECORD_RUNS} runs of ${RECORD_RUN_S} s; p95 over all their records`,
        gradebook: `GET /sections/{id}/gradebook round-robin over ${FIXTURE.sections} sections of ${FIXTURE.students} students × ${FIXTURE.items} items added for the purpose (the demo's largest are smaller; see gradebook-fixture.ts); ${GRADEBOOK_CLIENTS} clients; warm-up ${GRADEBOOK_WARMUP_S} s dropped, then ${GRADEBOOK_RUNS} runs of ${GRADEBOOK_RUN_S} s; p95 over all. demo_largest_gradebooks: one ${GRADEBOOK_RUN_S} s run over the demo's ${SAMPLE_SECTIONS} largest (students × course items)`,
        ingest: `POST /evidence/batch, ${BATCH.records} records a request (each a piece of evidence scoring one mathematics item, for one of ${SAMPLE_STUDENTS} random students), ${BATCH.clients} clients each with its own half of the students; warm-up ${BATCH.warmupS} s dropped, then ${BATCH.runs} runs of ${BATCH.runS} s; median of the runs' records per second. Then the rows those runs wrote are COPYed again (fresh ids) for the ratio. single_record_post: POST /students/{id}/evidence, one record a request, ${SINGLE.clients} clients, ${SINGLE.runs} runs of ${SINGLE.runS} s after ${SINGLE.warmupS} s`,
        recompute: `the ledger grown with COPY (students in id order topped up to ${EVIDENCE_PER_STUDENT} pieces of evidence over ${ITEMS_PER_STUDENT} items, no stored mastery for the new rows; indexes and foreign keys rebuilt after the load) to ${LEDGER_PLAN.postgres.evidence.toLocaleString("en-US")} rows on PostgreSQL and ${LEDGER_PLAN.embedded.evidence.toLocaleString("en-US")} embedded, then ANALYZE, then rebuildMastery (what cairn recompute runs) timed, stopped after ${LEDGER_PLAN.postgres.rebuildBudgetS} s (PostgreSQL) / ${LEDGER_PLAN.embedded.rebuildBudgetS} s (embedded) or before going past the students at full density, and extrapolated per student to the 50,000 students of a 5,000,000-row ledger when it has not finished (a lower bound when the ledger was smaller)`,
        profiles:
          "after each latency or ingest measurement, one client for 3 s (8 s for batches) with the server's statements counted and timed (bench/src/suites/evidence/query-profile.ts): where a request's time goes",
      },
      figures,
      rows,
    };
  },
};
