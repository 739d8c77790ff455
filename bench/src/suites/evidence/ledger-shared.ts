import type { DatabaseKind } from "../../databases";
import type { Json } from "../../suite";

/** The demo district the ledger benchmarks run on (issue 6: "the demo generator at 50,000 students"). */
export const LEDGER_DEMO_STUDENTS = 50_000;

/** Evidence per student in the generated ledger: 5,000,000 rows over 50,000 students is 100 each (a semester of 40 items). */
export const EVIDENCE_PER_STUDENT = 100;
export const ITEMS_PER_STUDENT = 40;

/**
 * How much ledger each database gets before `rebuildMastery` is timed, and how long the
 * rebuild may run before it is stopped and the rest extrapolated. PostgreSQL gets the real
 * 5,000,000 rows (growing them is COPY-bound: 2–4 minutes on two cores;
 * BENCH_LEDGER_EVIDENCE=2000000 for a quicker, extrapolated run). The embedded database's
 * COPY is several times slower, so it gets 850,000 rows: about 2,000 students at the full
 * ledger's density, more than its rebuild reaches in its budget (the rebuild stops before it
 * would go past them). Its figure is extrapolated from a smaller ledger, and the rebuild's
 * per-batch reads grow with the ledger's size, so it is a lower bound.
 */
export const LEDGER_PLAN: Record<DatabaseKind, { evidence: number; rebuildBudgetS: number }> = {
  postgres: { evidence: Number(process.env.BENCH_LEDGER_EVIDENCE ?? 5_000_000), rebuildBudgetS: 60 },
  embedded: { evidence: 850_000, rebuildBudgetS: 60 },
};

/** The figure the issue asks for: `cairn recompute` over this many evidence rows. */
export const RECOMPUTE_TARGET_EVIDENCE = 5_000_000;

/** Requests the benchmark sends to the server process, and what comes back. */
export type LedgerRequest =
  | { type: "seed"; evidence: number }
  | { type: "rebuild"; budgetS: number; maxStudents: number }
  | { type: "sample"; students: number; sections: number }
  | { type: "copy-same"; since: string; until: string; runs: number }
  | { type: "gradebook-fixture"; sections: number; students: number; items: number }
  | { type: "profile"; on: boolean }
  /** CPU microseconds the server process has used (user + system). */
  | { type: "cpu" }
  | { type: "stop" };

export type ServerMessage =
  | { type: "ready"; url: string; openSeconds: number; demoLoadSeconds: number; demoEvidence: number }
  | { type: "error"; message: string }
  | { type: "reply"; id: number; ok: true; result: Json }
  | { type: "reply"; id: number; ok: false; message: string };

export interface SeedResult {
  [key: string]: Json;
  evidence_before: number;
  evidence_copied: number;
  scores_copied: number;
  students_topped_up: number;
  copy_s: number;
  copy_rows_per_s: number;
}

export interface RebuildResult {
  [key: string]: Json;
  students_total: number;
  students_done: number;
  evidence_total: number;
  seconds: number;
  completed: boolean;
  /** The server process's CPU over the rebuild (on the embedded database, the database's too). */
  server_process_cpu_s: number;
  /** The statements of the timed rebuild (query-profile.ts). */
  profile: Json;
}

export interface SampleResult {
  [key: string]: Json;
  /** Students with mastery (so with evidence), drawn at random over the district. */
  students: string[];
  /** The largest sections of courses with items (what a gradebook shows), with their students and items. */
  sections: { id: string; students: number; items: number }[];
  /** Items of published frameworks, in framework order, for ingest bodies. */
  items: string[];
}

export interface CopySameResult {
  [key: string]: Json;
  evidence: number;
  scores: number;
  samples_s: number[];
}

export interface ProfileResult {
  [key: string]: Json;
}

export interface FixtureResult {
  [key: string]: Json;
  sections: { id: string; students: number; items: number }[];
  seconds: number;
  evidence: number;
}
