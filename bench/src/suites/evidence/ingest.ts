/**
 * Bulk evidence ingest through the API, with mastery kept current.
 *
 * Headline: `POST /evidence/batch`, the API's bulk way in (up to 5,000 records a request,
 * all or nothing, the affected students' mastery recomputed in the same transaction), as an
 * import tool would use it: 2 clients (two importers, each with its own half of the
 * students), 1,000 records a request, each record one piece of evidence scoring one item.
 * The rows those runs wrote are then loaded again with a raw COPY, for the ratio.
 *
 * Beside it: `POST /students/{id}/evidence`, one piece per request (the scoring screen's
 * way in), 16 clients each posting to another random student.
 */
import { median, quantile, round } from "../../stats";
import { type Json, progress, type Row } from "../../suite";
import { closedLoop, type LoadRequest, type LoadRun, latencyFigures } from "./http-load";
import { type LedgerServer, profiledRun } from "./ledger-control";
import type { CopySameResult } from "./ledger-shared";

export const BATCH = { clients: 2, records: 1000, warmupS: 3, runS: 5, runs: 3 };
export const SINGLE = { clients: 16, warmupS: 2, runS: 5, runs: 2 };
const PROFILE_S = 3;
/** A batch takes seconds: long enough for a few of them. */
const BATCH_PROFILE_S = 8;
const COPY_RUNS = 3;
const TARGET_PER_S = 10_000;

interface Record {
  studentId: string;
  kind: "assessment";
  setting: "classroom";
  title: string;
  occurredAt: string;
  scores: { itemId: string; score: number }[];
}

/** Record number n: a student of the pool and an item, spread by two primes. */
function record(n: number, students: readonly string[], items: readonly string[]): Record {
  return {
    studentId: students[(n * 7919) % students.length] as string,
    kind: "assessment",
    setting: "classroom",
    title: "Imported score",
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    scores: [{ itemId: items[(n * 104_729) % items.length] as string, score: 1 + (n % 4) }],
  };
}

async function runs(
  kind: string,
  what: string,
  count: number,
  perRequest: number,
  load: (durationS: number) => Promise<LoadRun>,
  runS: number,
): Promise<LoadRun[]> {
  const measured: LoadRun[] = [];
  for (let run = 1; run <= count; run++) {
    const result = await load(runS);
    measured.push(result);
    progress(
      `ingest ${kind} ${what} run ${run}/${count}: ${((result.groups * perRequest) / result.seconds).toFixed(0)} records/s (request p95 ${quantile(result.groupMs, 0.95).toFixed(0)} ms)${result.failures > 0 ? `, ${result.failures} failed: ${result.firstFailure}` : ""}`,
    );
  }
  return measured;
}

function summary(measured: LoadRun[], perRequest: number) {
  const rates = measured.map((run) => (run.groups * perRequest) / run.seconds);
  return {
    median_per_s: round(median(rates), 1),
    samples_per_s: rates.map((value) => round(value, 1)),
    request_latency: latencyFigures(measured.flatMap((run) => run.groupMs)),
    requests: measured.reduce((sum, run) => sum + run.groups, 0),
    failures: measured.reduce((sum, run) => sum + run.failures, 0),
    first_failure: measured.find((run) => run.firstFailure)?.firstFailure ?? null,
  };
}

export async function measureIngest(
  kind: string,
  server: LedgerServer,
  cookie: string,
  students: readonly string[],
  items: readonly string[],
  rows: Row[],
): Promise<{ ingest: Json; ratio: Json }> {
  // Each batch client has its own half of the students, as two importers for different schools would.
  const halves = [0, 1].map((half) => students.filter((_, index) => index % 2 === half));
  const counters = [0, 0];
  const nextBatch = (client: number): LoadRequest[] => {
    const pool = halves[client % 2] as string[];
    const first = (counters[client % 2] as number) * BATCH.records;
    counters[client % 2] = (counters[client % 2] as number) + 1;
    const records = Array.from({ length: BATCH.records }, (_, k) => record(first + k, pool, items));
    return [{ route: "batch", method: "POST", path: "/api/v1/evidence/batch", body: JSON.stringify({ records }) }];
  };
  const loadBatches = (durationS: number) =>
    closedLoop({ url: server.url, cookie, concurrency: BATCH.clients, durationS, next: nextBatch });
  progress(`ingest ${kind}: POST /evidence/batch, warm-up ${BATCH.warmupS} s`);
  const warmup = await loadBatches(BATCH.warmupS);
  if (warmup.groups === 0) throw new Error(`batch ingest: every request failed (${warmup.firstFailure})`);
  // Everything recorded between these two moments is what the COPY loads again.
  const since = new Date().toISOString();
  const cpuBefore = await server.call<{ cpu_us: number }>({ type: "cpu" });
  const batchRuns = await runs(kind, "batch", BATCH.runs, BATCH.records, loadBatches, BATCH.runS);
  const cpuAfter = await server.call<{ cpu_us: number }>({ type: "cpu" });
  const until = new Date().toISOString();
  const batch = summary(batchRuns, BATCH.records);
  const wall = batchRuns.reduce((sum, run) => sum + run.seconds, 0);

  progress(`ingest ${kind}: COPY of the same rows, ${COPY_RUNS} runs`);
  const copy = await server.call<CopySameResult>({ type: "copy-same", since, until, runs: COPY_RUNS });
  const copySeconds = median(copy.samples_s);
  const apiSeconds = copy.evidence / batch.median_per_s;
  const ratio = apiSeconds / copySeconds;
  progress(`ingest ${kind}: profiling one batch client for ${BATCH_PROFILE_S} s`);
  const batchProfile = await profiledRun(server, cookie, nextBatch, BATCH_PROFILE_S);

  // One piece per request.
  let cursor = 0;
  const nextSingle = (): LoadRequest[] => {
    const { studentId, ...body } = record(cursor++, students, items);
    return [
      { route: "record", method: "POST", path: `/api/v1/students/${studentId}/evidence`, body: JSON.stringify(body) },
    ];
  };
  const loadSingles = (durationS: number) =>
    closedLoop({ url: server.url, cookie, concurrency: SINGLE.clients, durationS, next: nextSingle });
  progress(`ingest ${kind}: POST /students/{id}/evidence, warm-up ${SINGLE.warmupS} s`);
  await loadSingles(SINGLE.warmupS);
  const singleRuns = await runs(kind, "single", SINGLE.runs, 1, loadSingles, SINGLE.runS);
  const single = summary(singleRuns, 1);
  progress(`ingest ${kind}: profiling one single-record client for ${PROFILE_S} s`);
  const singleProfile = await profiledRun(server, cookie, nextSingle, PROFILE_S);

  rows.push(
    {
      benchmark: "evidence/ledger",
      database: kind,
      figure: `ingest via POST /evidence/batch (${BATCH.records}/request, ×${BATCH.clients})`,
      value: `${Math.round(batch.median_per_s).toLocaleString("en-US")} records/s median (target ≥ ${TARGET_PER_S.toLocaleString("en-US")})${batch.failures > 0 ? `, ${batch.failures} failed` : ""}`,
      runs: `${BATCH.runs} (${batch.requests * BATCH.records} records)`,
    },
    {
      benchmark: "evidence/ledger",
      database: kind,
      figure: "ingest ÷ raw COPY of the same rows",
      value: `${ratio.toFixed(1)}× slower (${copy.evidence.toLocaleString("en-US")} rows: API ${apiSeconds.toFixed(2)} s, COPY ${copySeconds.toFixed(2)} s)`,
      runs: String(COPY_RUNS),
    },
    {
      benchmark: "evidence/ledger",
      database: kind,
      figure: `ingest via POST /students/{id}/evidence (×${SINGLE.clients})`,
      value: `${Math.round(single.median_per_s).toLocaleString("en-US")} records/s median; p95 ${single.request_latency.p95_ms.toFixed(0)} ms${single.failures > 0 ? `, ${single.failures} failed` : ""}`,
      runs: `${SINGLE.runs} (${single.requests} records)`,
    },
  );
  return {
    ingest: {
      ...batch,
      target_per_s: TARGET_PER_S,
      meets_target: batch.median_per_s >= TARGET_PER_S,
      route: "POST /api/v1/evidence/batch",
      unit: "records (pieces of evidence, each scoring one mathematics item) per second, mastery recomputed in the same transaction",
      records_per_request: BATCH.records,
      clients: BATCH.clients,
      runs: BATCH.runs,
      run_s: BATCH.runS,
      server_process_cpu_share: round((cpuAfter.cpu_us - cpuBefore.cpu_us) / 1e6 / wall, 2),
      profile_one_client: batchProfile,
      single_record_post: {
        ...single,
        route: "POST /api/v1/students/{id}/evidence",
        clients: SINGLE.clients,
        runs: SINGLE.runs,
        run_s: SINGLE.runS,
        profile_one_client: singleProfile,
      },
    },
    ratio: {
      ratio: round(ratio, 2),
      definition:
        "API seconds for the N records the measured batch runs wrote (N ÷ median ingest_per_s) ÷ median seconds to COPY the same N evidence rows and their score rows again, with fresh ids, into evidence and evidence_score (indexes and constraints in place, one transaction, CSV encoding included): how many times slower ingest through the API is than a raw load",
      rows_evidence: copy.evidence,
      rows_scores: copy.scores,
      api_s: round(apiSeconds, 3),
      copy_median_s: round(copySeconds, 4),
      copy_samples_s: copy.samples_s.map((value) => round(value, 4)),
      copy_rows_per_s: round((copy.evidence + copy.scores) / copySeconds, 0),
      runs: COPY_RUNS,
    },
  };
}
