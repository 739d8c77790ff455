/**
 * A student's full record, as the student page asks for it: `GET /students/{id}/mastery?explain=true`
 * and `GET /students/{id}/evidence` sent together; the latency is until both have answered.
 * Students are drawn at random from those with evidence; a few clients at once.
 */
import { quantile, round } from "../../stats";
import { type Json, progress, type Row } from "../../suite";
import { closedLoop, type LoadRequest, type LoadRun, latencyFigures, perRoute } from "./http-load";
import { type LedgerServer, profiledRun } from "./ledger-control";

export const RECORD_CLIENTS = 4;
export const RECORD_WARMUP_S = 3;
export const RECORD_RUN_S = 5;
export const RECORD_RUNS = 3;
const PROFILE_S = 3;
const TARGET_P95_MS = 50;

export async function measureStudentRecord(
  kind: string,
  server: LedgerServer,
  cookie: string,
  students: readonly string[],
  rows: Row[],
): Promise<Json> {
  let cursor = 0;
  const next = (): LoadRequest[] => {
    const student = students[cursor++ % students.length] as string;
    return [
      { route: "mastery_explain", method: "GET", path: `/api/v1/students/${student}/mastery?explain=true` },
      { route: "evidence", method: "GET", path: `/api/v1/students/${student}/evidence` },
    ];
  };
  const load = (durationS: number) =>
    closedLoop({ url: server.url, cookie, concurrency: RECORD_CLIENTS, durationS, next });
  progress(`student record ${kind}: warm-up ${RECORD_WARMUP_S} s`);
  const warmup = await load(RECORD_WARMUP_S);
  if (warmup.groups === 0) throw new Error(`student record: every request failed (${warmup.firstFailure})`);
  const runs: LoadRun[] = [];
  for (let run = 1; run <= RECORD_RUNS; run++) {
    const measured = await load(RECORD_RUN_S);
    runs.push(measured);
    progress(
      `student record ${kind} run ${run}/${RECORD_RUNS}: p95 ${quantile(measured.groupMs, 0.95).toFixed(1)} ms, ${measured.groups} records`,
    );
  }
  const samples = runs.flatMap((run) => run.groupMs);
  const failures = runs.reduce((sum, run) => sum + run.failures, 0);
  const p95 = quantile(samples, 0.95);
  const routes = perRoute(runs);
  progress(`student record ${kind}: profiling one client for ${PROFILE_S} s`);
  const profile = await profiledRun(server, cookie, next, PROFILE_S);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  rows.push({
    benchmark: "evidence/ledger",
    database: kind,
    figure: `student record p95 (mastery?explain + evidence, ×${RECORD_CLIENTS} clients)`,
    value: `${p95.toFixed(1)} ms (p50 ${quantile(samples, 0.5).toFixed(1)} ms; target ≤ ${TARGET_P95_MS} ms)${failures > 0 ? `, ${failures} failed` : ""}`,
    runs: `${RECORD_RUNS} (${samples.length} records)`,
  });
  return {
    ...latencyFigures(samples),
    target_p95_ms: TARGET_P95_MS,
    meets_target: p95 <= TARGET_P95_MS,
    per_run_p95_ms: runs.map((run) => round(quantile(run.groupMs, 0.95), 2)),
    records: samples.length,
    records_per_s: round(samples.length / seconds, 1),
    failures,
    first_failure: runs.find((run) => run.firstFailure)?.firstFailure ?? null,
    clients: RECORD_CLIENTS,
    runs: RECORD_RUNS,
    by_route: routes,
    profile_one_client: profile,
  };
}
