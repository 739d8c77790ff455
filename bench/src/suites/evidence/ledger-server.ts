/**
 * The server the ledger benchmarks measure, in its own process so the load generator does
 * not share its event loop: opens a fresh database, loads the 50,000-student demo, listens
 * on 127.0.0.1 (port 0) and reports its address. It also owns the database (the embedded
 * one lives in this process), so the benchmark asks it, over IPC, to seed the ledger with
 * COPY, to run `rebuildMastery`, to COPY rows for comparison, and to profile statements.
 */
import { randomUUID } from "node:crypto";
import { createRandom } from "@cairn/core";
import { type Database, loadDemoDistrict, rebuildMastery } from "@cairn/db";
import { buildApp, hashPassword } from "@cairn/server";
import { type DatabaseKind, dropLeftoverDatabases, openFreshDatabase } from "../../databases";
import { seconds } from "../../stats";
import { DEMO_SEED, type Json, progress, schoolYearOf } from "../../suite";
import { gradebookFixture } from "./gradebook-fixture";
import {
  type CopySameResult,
  LEDGER_DEMO_STUDENTS,
  type LedgerRequest,
  type RebuildResult,
  type SampleResult,
  type ServerMessage,
} from "./ledger-shared";
import { startProfile, stopProfile } from "./query-profile";
import { type DistrictFacts, districtFacts, query, seedLedger } from "./seed-ledger";

const send = (message: ServerMessage) => process.send?.(message);

class StopRebuild extends Error {}

async function rebuild(database: Database, budgetS: number, maxStudents: number): Promise<RebuildResult> {
  const [{ count: evidenceTotal } = { count: 0 }] = await query<{ count: number }>(
    database,
    "select count(*)::int as count from evidence",
  );
  let done = 0;
  let total = 0;
  let batch = 0;
  let lastReport = 0;
  // Profiled while timed: a few hundred statements a batch of students, so the wrappers' cost is negligible.
  startProfile(database);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  try {
    await rebuildMastery(database, new Date(), {
      onProgress: (studentsDone, studentsTotal) => {
        done = studentsDone;
        total = studentsTotal;
        const elapsed = seconds(started);
        if (elapsed - lastReport >= 10) {
          lastReport = elapsed;
          progress(
            `rebuildMastery: ${studentsDone.toLocaleString("en-US")} of ${studentsTotal.toLocaleString("en-US")} students in ${elapsed.toFixed(0)} s`,
          );
        }
        // Batches are as large as the first; stop before one would go past `maxStudents`.
        batch ||= studentsDone;
        // Thrown between two batches' transactions: what was rebuilt stays rebuilt.
        if (studentsDone < studentsTotal && (elapsed > budgetS || studentsDone + batch > maxStudents))
          throw new StopRebuild();
      },
    });
  } catch (error) {
    if (!(error instanceof StopRebuild)) throw error;
  }
  const elapsed = seconds(started);
  const cpu = process.cpuUsage(cpuBefore);
  const profile = stopProfile();
  return {
    students_total: total,
    students_done: done,
    evidence_total: evidenceTotal,
    seconds: elapsed,
    completed: done === total,
    server_process_cpu_s: Math.round((cpu.user + cpu.system) / 1e4) / 100,
    profile,
  };
}

async function sample(
  database: Database,
  facts: DistrictFacts,
  students: number,
  sections: number,
): Promise<SampleResult> {
  const random = createRandom(7);
  const withEvidence = (
    await query<{ student_id: string }>(database, "select distinct student_id from mastery order by student_id")
  ).map((row) => row.student_id);
  const chosen: string[] = [];
  const pool = [...withEvidence];
  while (chosen.length < Math.min(students, withEvidence.length)) {
    const index = random.int(0, pool.length - 1);
    chosen.push(pool[index] as string);
    pool[index] = pool[pool.length - 1] as string;
    pool.pop();
  }
  // The largest sections of courses that have items: a gradebook is busiest there.
  const full = await query<{ id: string; students: number; items: number }>(
    database,
    `select s.id, count(*)::int as students, c.items
       from section s
       join enrollment e on e.section_id = s.id
       join (select district_id, course_code, count(*)::int as items from course_item group by 1, 2) c
         on c.district_id = s.district_id and c.course_code = s.course_code
      group by s.id, c.items
      order by count(*) * c.items desc, s.id limit $1`,
    [sections],
  );
  return {
    students: chosen,
    sections: full,
    items: facts.items.filter((item) => item.math).map((item) => item.id),
  };
}

/** COPY of the rows the API wrote between `since` and `until`, with fresh ids, into the same tables: what raw loading them costs. */
async function copySame(database: Database, since: string, until: string, runs: number): Promise<CopySameResult> {
  const evidence = await query<Record<string, unknown>>(
    database,
    `select id, district_id, student_id, kind, setting, title, occurred_at, recorded_at, recorded_by,
            recorded_by_name, needs_validation, reflection, supersedes_id
       from evidence where recorded_at >= $1 and recorded_at <= $2`,
    [since, until],
  );
  const scores = await query<{ evidence_id: string; item_id: string; score: number; rubric_level: string | null }>(
    database,
    `select s.evidence_id, s.item_id, s.score, s.rubric_level from evidence_score s
       join evidence e on e.id = s.evidence_id where e.recorded_at >= $1 and e.recorded_at <= $2`,
    [since, until],
  );
  const columns = Object.keys(evidence[0] ?? {});
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const fresh = new Map(evidence.map((row) => [row.id as string, randomUUID()]));
    const started = performance.now();
    await database.bulkLoad(async (tx) => {
      await tx.copy(
        "evidence",
        columns,
        evidence.map((row) => columns.map((column) => (column === "id" ? fresh.get(row.id as string) : row[column]))),
      );
      await tx.copy(
        "evidence_score",
        ["evidence_id", "item_id", "score", "rubric_level"],
        scores.map((row) => [fresh.get(row.evidence_id), row.item_id, row.score, row.rubric_level]),
      );
    });
    samples.push(seconds(started));
  }
  return { evidence: evidence.length, scores: scores.length, samples_s: samples };
}

async function main() {
  const kind = process.argv[2] as DatabaseKind;
  const fresh = await openFreshDatabase(kind);
  const { database } = fresh;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // Closing waits for work in flight (a demo still loading); past 20 s, drop the database and go.
    setTimeout(() => void dropLeftoverDatabases().finally(() => process.exit(code)), 20_000).unref();
    try {
      await app?.close();
      await fresh.destroy();
    } finally {
      await dropLeftoverDatabases();
      process.exit(code);
    }
  };
  process.on("disconnect", () => void stop(0));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(130));
  let facts: DistrictFacts;
  try {
    const started = performance.now();
    let lastReport = 0;
    const report = (what: string) => (done: number, total: number) => {
      if (seconds(started) - lastReport < 10) return;
      lastReport = seconds(started);
      progress(
        `${kind}: loading the demo, ${what} ${Math.round((100 * done) / Math.max(1, total))}% (${lastReport.toFixed(0)} s)`,
      );
    };
    await loadDemoDistrict(database, {
      students: LEDGER_DEMO_STUDENTS,
      seed: DEMO_SEED,
      schoolYear: schoolYearOf(new Date()),
      hashPassword,
      onProgress: report("district"),
      onEvidenceProgress: report("evidence"),
    });
    const demoLoadSeconds = seconds(started);
    // PostgreSQL's autovacuum would analyze the freshly loaded tables within a minute or so;
    // the embedded database (single-user PGlite) never does. Plans are measured with statistics.
    await database.bulkLoad((tx) => tx.exec("analyze"));
    facts = await districtFacts(database);
    const [{ count: demoEvidence } = { count: 0 }] = await query<{ count: number }>(
      database,
      "select count(*)::int as count from evidence",
    );
    app = await buildApp({ database, logger: false });
    const url = await app.listen({ host: "127.0.0.1", port: 0 });
    send({ type: "ready", url, openSeconds: fresh.openSeconds, demoLoadSeconds, demoEvidence });
  } catch (error) {
    send({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    await stop(1);
    return;
  }
  const handle = async (request: LedgerRequest): Promise<Json> => {
    switch (request.type) {
      case "seed":
        return seedLedger(database, facts, request.evidence);
      case "rebuild":
        return rebuild(database, request.budgetS, request.maxStudents);
      case "sample":
        return sample(database, facts, request.students, request.sections);
      case "gradebook-fixture":
        return gradebookFixture(database, facts, request.sections, request.students, request.items);
      case "copy-same":
        return copySame(database, request.since, request.until, request.runs);
      case "profile":
        if (request.on) {
          startProfile(database);
          return null;
        }
        return stopProfile();
      case "cpu":
        return { cpu_us: process.cpuUsage().user + process.cpuUsage().system };
      case "stop":
        return null;
    }
  };
  process.on("message", (message: LedgerRequest & { id: number }) => {
    if (message.type === "stop") {
      void stop(0);
      return;
    }
    handle(message).then(
      (result) => send({ type: "reply", id: message.id, ok: true, result }),
      (error: unknown) =>
        send({
          type: "reply",
          id: message.id,
          ok: false,
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  });
}

await main();
