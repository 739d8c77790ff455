/**
 * Grows the demo district's evidence ledger to the size `cairn recompute` is measured on,
 * with COPY: students in id order (the order `rebuildMastery` goes through them) are
 * topped up to 100 pieces of evidence each — 5,000,000 rows over 50,000 students — until
 * the ledger holds the wanted number of rows. Each piece scores 1–3 of 40 items on a
 * learning curve. No mastery is written for the new rows: the rebuild computes it, as after
 * an import. Runs in the server process, which owns the database.
 */
import { randomUUID } from "node:crypto";
import { DEMO_DISTRICT_CODE, demoEmail, EVIDENCE_KINDS } from "@cairn/core";
import type { BulkTransaction, Database } from "@cairn/db";
import { seconds } from "../../stats";
import { progress } from "../../suite";
import { EVIDENCE_PER_STUDENT, ITEMS_PER_STUDENT, type SeedResult } from "./ledger-shared";

export interface DistrictFacts {
  districtId: string;
  recorder: { personId: string; name: string };
  /** Items of the district's published frameworks, mathematics first, in framework order. */
  items: { id: string; math: boolean }[];
}

export function query<Row>(database: Database, statement: string, params: unknown[] = []): Promise<Row[]> {
  return database.bulkLoad((tx) => tx.query<Row>(statement, params));
}

/** The demo district, its district admin (who records the generated evidence) and its published items. */
export async function districtFacts(database: Database): Promise<DistrictFacts> {
  const [district] = await query<{ id: string }>(database, "select id from district where code = $1", [
    DEMO_DISTRICT_CODE,
  ]);
  if (!district) throw new Error("the demo district is not loaded");
  const [admin] = await query<{ id: string; name: string }>(
    database,
    `select p.id, p.given_name || ' ' || p.family_name as name
       from person p join account a on a.person_id = p.id where a.email = $1`,
    [demoEmail("districtAdmin")],
  );
  if (!admin) throw new Error("the demo district has no district admin account");
  const items = await query<{ id: string; math: boolean }>(
    database,
    `select i.id, f.title like 'Mathematics%' as math
       from framework_item i join framework f on f.id = i.framework_id
      where f.status = 'published' and (f.district_id = $1 or f.district_id is null)
      order by f.title not like 'Mathematics%', f.title, i.position`,
    [district.id],
  );
  return { districtId: district.id, recorder: { personId: admin.id, name: admin.name }, items };
}

/**
 * Runs `load` with the indexes of `tables` and every foreign key to or from them dropped,
 * then builds the indexes again (one sort each, rather than millions of inserts into
 * B-trees bigger than memory) and adds the foreign keys back with their exact definitions,
 * which checks every row once — as pg_restore does, and as the demo loader does with its
 * foreign keys. All inside the load's transaction: if anything fails, nothing changed.
 */
async function withIndexesBuiltAtEnd<T>(
  tx: BulkTransaction,
  tables: string[],
  sortMemory: string,
  load: () => Promise<T>,
): Promise<T> {
  const foreignKeys = await tx.query<{ table_name: string; name: string; definition: string }>(
    `select conrelid::regclass::text as table_name, conname as name, pg_get_constraintdef(oid) as definition
       from pg_constraint
      where contype = 'f' and (conrelid::regclass::text = any($1) or confrelid::regclass::text = any($1))
      order by conname`,
    [tables],
  );
  const indexes = await tx.query<{
    table_name: string;
    name: string;
    definition: string;
    constraint_name: string | null;
  }>(
    `select i.indrelid::regclass::text as table_name, c.relname as name, pg_get_indexdef(i.indexrelid) as definition,
            k.conname as constraint_name
       from pg_index i
       join pg_class c on c.oid = i.indexrelid
       left join pg_constraint k on k.conindid = i.indexrelid and k.contype in ('p', 'u')
      where i.indrelid::regclass::text = any($1)
      order by c.relname`,
    [tables],
  );
  const constraintDefinitions = new Map(
    (
      await tx.query<{ name: string; definition: string }>(
        `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
          where contype in ('p', 'u') and conrelid::regclass::text = any($1)`,
        [tables],
      )
    ).map((row) => [row.name, row.definition]),
  );
  for (const key of foreignKeys) await tx.exec(`alter table ${key.table_name} drop constraint "${key.name}"`);
  for (const index of indexes)
    await tx.exec(
      index.constraint_name
        ? `alter table ${index.table_name} drop constraint "${index.constraint_name}"`
        : `drop index "${index.name}"`,
    );
  const result = await load();
  await tx.exec(`set local maintenance_work_mem = '${sortMemory}'`);
  for (const index of indexes)
    await tx.exec(
      index.constraint_name
        ? `alter table ${index.table_name} add constraint "${index.constraint_name}" ${constraintDefinitions.get(index.constraint_name)}`
        : index.definition,
    );
  for (const key of foreignKeys)
    await tx.exec(`alter table ${key.table_name} add constraint "${key.name}" ${key.definition}`);
  return result;
}

const EVIDENCE_COLUMNS = [
  "id",
  "district_id",
  "student_id",
  "kind",
  "setting",
  "title",
  "occurred_at",
  "recorded_at",
  "recorded_by",
  "recorded_by_name",
  "needs_validation",
];
const SCORE_COLUMNS = ["evidence_id", "item_id", "score"];
const TITLES = ["Unit check", "Exit ticket", "Performance task", "Lab report", "Project milestone", "Reassessment"];
const KINDS = EVIDENCE_KINDS.slice(0, 5);
const DAY_MS = 86_400_000;
/** Pieces of evidence per COPY: big enough to amortise a statement, small enough to keep the CSV text modest. */
const BATCH = 25_000;

/** A small seeded generator (mulberry32): the ledger is the same from run to run, and cheap to draw. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Adds generated evidence, students in id order, each up to 100 pieces, until the ledger
 * holds `target` rows (or every student has 100). Scores are on the default 1–4 scale the
 * demo's frameworks use; every piece is an educator's, so it counts at once.
 */
export async function seedLedger(database: Database, facts: DistrictFacts, target: number): Promise<SeedResult> {
  const [{ count: before } = { count: 0 }] = await query<{ count: number }>(
    database,
    "select count(*)::int as count from evidence",
  );
  const students = await query<{ person_id: string; evidence: number }>(
    database,
    `select s.person_id, (select count(*)::int from evidence e where e.student_id = s.person_id) as evidence
       from student s where s.district_id = $1 order by s.person_id`,
    [facts.districtId],
  );
  const plan: { studentId: string; pieces: number }[] = [];
  let planned = before;
  for (const student of students) {
    if (planned >= target) break;
    const pieces = Math.min(EVIDENCE_PER_STUDENT - student.evidence, target - planned);
    if (pieces <= 0) continue;
    plan.push({ studentId: student.person_id, pieces });
    planned += pieces;
  }
  const random = generator(20_261);
  const pool = facts.items.map((item) => item.id);
  const now = Date.now();
  const start = now - DAY_MS * (EVIDENCE_PER_STUDENT + 5);
  const toAdd = planned - before;
  let copiedEvidence = 0;
  let copiedScores = 0;
  let lastReport = 0;

  const batchOf = (from: number): { next: number; evidence: unknown[][]; scores: unknown[][] } => {
    const evidence: unknown[][] = [];
    const scores: unknown[][] = [];
    let index = from;
    for (; index < plan.length && evidence.length < BATCH; index++) {
      const { studentId, pieces } = plan[index] as { studentId: string; pieces: number };
      const first = Math.floor(random() * Math.max(1, pool.length - ITEMS_PER_STUDENT));
      const ability = 0.6 + 0.8 * random();
      const attempts = new Map<string, number>();
      const hour = (8 + Math.floor(random() * 8)) * 3_600_000;
      for (let piece = 0; piece < pieces; piece++) {
        const id = randomUUID();
        const occurred = start + piece * DAY_MS + hour + Math.floor(random() * 60) * 60_000;
        evidence.push([
          id,
          facts.districtId,
          studentId,
          KINDS[Math.floor(random() * KINDS.length)],
          "classroom",
          TITLES[Math.floor(random() * TITLES.length)],
          new Date(occurred).toISOString(),
          new Date(occurred + 3_600_000).toISOString(),
          facts.recorder.personId,
          facts.recorder.name,
          false,
        ]);
        const roll = random();
        const count = roll < 0.75 ? 1 : roll < 0.95 ? 2 : 3;
        const offset = Math.floor(random() * ITEMS_PER_STUDENT);
        for (let k = 0; k < count; k++) {
          const itemId = pool[first + ((offset + k * 7) % ITEMS_PER_STUDENT)] ?? (pool[0] as string);
          const attempt = (attempts.get(itemId) ?? 0) + 1;
          attempts.set(itemId, attempt);
          const learned = 1 - Math.exp(-0.6 * attempt * ability);
          const raw = 1 + 3 * learned * ability + (random() - 0.5) * 1.2;
          scores.push([id, itemId, Math.min(4, Math.max(1, Math.round(raw)))]);
        }
      }
    }
    return { next: index, evidence, scores };
  };

  const started = performance.now();
  if (toAdd > 0)
    await database.bulkLoad((tx) =>
      // The embedded database lives in WebAssembly memory: a smaller sort area for its index builds.
      withIndexesBuiltAtEnd(
        tx,
        ["evidence", "evidence_score"],
        database.kind === "postgres" ? "256MB" : "64MB",
        async () => {
          // The next batch is generated while the database loads the previous one.
          let loading: Promise<void> = Promise.resolve();
          for (let from = 0; from < plan.length; ) {
            const batch = batchOf(from);
            from = batch.next;
            await loading;
            loading = (async () => {
              await tx.copy("evidence", EVIDENCE_COLUMNS, batch.evidence);
              await tx.copy("evidence_score", SCORE_COLUMNS, batch.scores);
              copiedEvidence += batch.evidence.length;
              copiedScores += batch.scores.length;
              if (seconds(started) - lastReport >= 10) {
                lastReport = seconds(started);
                progress(
                  `growing the ledger: ${copiedEvidence.toLocaleString("en-US")} of ${toAdd.toLocaleString("en-US")} evidence rows copied in ${lastReport.toFixed(0)} s`,
                );
              }
            })();
          }
          await loading;
          progress(
            `growing the ledger: rows copied in ${seconds(started).toFixed(0)} s; building indexes and checking keys`,
          );
        },
      ),
    );
  const copySeconds = seconds(started);
  // As autovacuum would after a load this size (the embedded database has none): plans see the real sizes.
  await database.bulkLoad((tx) => tx.exec("analyze evidence, evidence_score"));
  return {
    evidence_before: before,
    evidence_copied: copiedEvidence,
    scores_copied: copiedScores,
    students_topped_up: plan.length,
    copy_s: copySeconds,
    copy_rows_per_s: Math.round((copiedEvidence + copiedScores) / Math.max(copySeconds, 1e-9)),
  };
}
