/**
 * A section's gradebook, `GET /sections/{id}/gradebook`: its students × its course's items,
 * each cell the student's mastery. The headline is on gradebooks of the issue's size,
 * 30 students × 60 items (added by gradebook-fixture.ts, as the demo has none that large),
 * round-robin; a shorter run over the demo's own 100 largest gradebooks follows. Read by
 * the district admin, a few clients at once.
 */
import { quantile, round } from "../../stats";
import { type Json, progress, type Row } from "../../suite";
import { closedLoop, type LoadRequest, type LoadRun, latencyFigures } from "./http-load";
import { type LedgerServer, profiledRun } from "./ledger-control";
import type { FixtureResult } from "./ledger-shared";

export const GRADEBOOK_CLIENTS = 4;
export const GRADEBOOK_WARMUP_S = 3;
export const GRADEBOOK_RUN_S = 5;
export const GRADEBOOK_RUNS = 3;
export const FIXTURE = { sections: 3, students: 30, items: 60 };
const PROFILE_S = 3;
const TARGET_P95_MS = 50;

type Section = { id: string; students: number; items: number };

/** Students, items and filled cells of some gradebooks, read once. */
async function shapesOf(server: LedgerServer, cookie: string, sections: readonly Section[]) {
  const shapes: { students: number; items: number; cells: number }[] = [];
  for (const section of sections) {
    const response = await fetch(`${server.url}/api/v1/sections/${section.id}/gradebook`, { headers: { cookie } });
    if (!response.ok) throw new Error(`gradebook: ${response.status} ${(await response.text()).slice(0, 300)}`);
    const body = (await response.json()) as { students: unknown[]; items: unknown[]; cells: unknown[] };
    shapes.push({ students: body.students.length, items: body.items.length, cells: body.cells.length });
  }
  return shapes;
}

function roundRobin(sections: readonly Section[]): () => LoadRequest[] {
  let cursor = 0;
  return () => {
    const section = sections[cursor++ % sections.length] as Section;
    return [{ route: "gradebook", method: "GET", path: `/api/v1/sections/${section.id}/gradebook` }];
  };
}

export async function measureGradebook(
  kind: string,
  server: LedgerServer,
  cookie: string,
  demoSections: readonly Section[],
  rows: Row[],
): Promise<Json> {
  progress(
    `gradebook ${kind}: adding ${FIXTURE.sections} sections of ${FIXTURE.students} students × ${FIXTURE.items} items`,
  );
  const fixture = await server.call<FixtureResult>({ type: "gradebook-fixture", ...FIXTURE });
  const shapes = await shapesOf(server, cookie, fixture.sections);
  const next = roundRobin(fixture.sections);
  const load = (durationS: number, nextRequest = next) =>
    closedLoop({ url: server.url, cookie, concurrency: GRADEBOOK_CLIENTS, durationS, next: nextRequest });
  progress(`gradebook ${kind}: warm-up ${GRADEBOOK_WARMUP_S} s`);
  const warmup = await load(GRADEBOOK_WARMUP_S);
  if (warmup.groups === 0) throw new Error(`gradebook: every request failed (${warmup.firstFailure})`);
  const runs: LoadRun[] = [];
  for (let run = 1; run <= GRADEBOOK_RUNS; run++) {
    const measured = await load(GRADEBOOK_RUN_S);
    runs.push(measured);
    progress(
      `gradebook ${kind} run ${run}/${GRADEBOOK_RUNS}: p95 ${quantile(measured.groupMs, 0.95).toFixed(1)} ms, ${measured.groups} gradebooks`,
    );
  }
  const samples = runs.flatMap((run) => run.groupMs);
  const failures = runs.reduce((sum, run) => sum + run.failures, 0);
  const p95 = quantile(samples, 0.95);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  progress(`gradebook ${kind}: profiling one client for ${PROFILE_S} s`);
  const profile = await profiledRun(server, cookie, next, PROFILE_S);

  // The demo's own gradebooks, as generated: one run after a short warm-up.
  const demoShapes = demoSections.length > 0 ? await shapesOf(server, cookie, demoSections.slice(0, 1)) : [];
  let demo: Json = { skipped: "the demo has no section of a course with items" };
  if (demoSections.length > 0) {
    await load(1, roundRobin(demoSections));
    const demoRun = await load(GRADEBOOK_RUN_S, roundRobin(demoSections));
    demo = {
      ...latencyFigures(demoRun.groupMs),
      gradebooks: demoRun.groupMs.length,
      failures: demoRun.failures,
      sections: demoSections.length,
      largest: demoShapes[0] ?? null,
      runs: 1,
    };
    rows.push({
      benchmark: "evidence/ledger",
      database: kind,
      figure: `gradebook p95, demo's largest (${demoShapes[0]?.students} × ${demoShapes[0]?.items})`,
      value: `${quantile(demoRun.groupMs, 0.95).toFixed(1)} ms (p50 ${quantile(demoRun.groupMs, 0.5).toFixed(1)} ms)`,
      runs: `1 (${demoRun.groupMs.length} gradebooks)`,
    });
  }

  const shape = shapes[0] as { students: number; items: number; cells: number };
  rows.push({
    benchmark: "evidence/ledger",
    database: kind,
    figure: `gradebook p95 (${shape.students} students × ${shape.items} items, ×${GRADEBOOK_CLIENTS} clients)`,
    value: `${p95.toFixed(1)} ms (p50 ${quantile(samples, 0.5).toFixed(1)} ms; target ≤ ${TARGET_P95_MS} ms)${failures > 0 ? `, ${failures} failed` : ""}`,
    runs: `${GRADEBOOK_RUNS} (${samples.length} gradebooks)`,
  });
  return {
    ...latencyFigures(samples),
    target_p95_ms: TARGET_P95_MS,
    meets_target: p95 <= TARGET_P95_MS,
    per_run_p95_ms: runs.map((run) => round(quantile(run.groupMs, 0.95), 2)),
    gradebooks: samples.length,
    gradebooks_per_s: round(samples.length / seconds, 1),
    failures,
    first_failure: runs.find((run) => run.firstFailure)?.firstFailure ?? null,
    clients: GRADEBOOK_CLIENTS,
    runs: GRADEBOOK_RUNS,
    gradebooks_measured: shapes,
    fixture: { ...FIXTURE, evidence_rows: fixture.evidence, setup_s: round(fixture.seconds, 1) },
    demo_largest_gradebooks: demo,
    profile_one_client: profile,
  };
}
