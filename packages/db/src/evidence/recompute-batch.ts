import type { EvidenceEventKind, LedgerEntry } from "@cairn/core";
import { and, asc, eq, exists, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../database";
import { evidence, evidenceEvent, evidenceScore, mastery, masteryEvent, student } from "../schema";
import { loadItems } from "./items";
import { type ComputedMastery, computeMastery, methodSettings, nextMasteryRow } from "./recompute";

export interface MasteryDifference {
  studentId: string;
  itemId: string;
  stored: { value: number | null; mastered: boolean; evidenceCount: number } | null;
  recomputed: { value: number | null; mastered: boolean; evidenceCount: number };
}

/** Keys in order, so a method read back from jsonb compares equal to the one computed. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );

/** Students per batch: big enough to amortise the queries, small enough to keep memory flat. */
export const STUDENTS_PER_BATCH = 500;

/** Rows per statement when writing back: well under PostgreSQL's 65,535 parameters. */
const WRITE_CHUNK = 1_000;

/**
 * The ledgers of many students at once, three queries in all, each student's entries
 * oldest first: what `computeMastery` reads, for rebuilding in bulk.
 */
async function loadLedgers(
  db: Db,
  studentIds: readonly string[],
  onlyItems?: ReadonlySet<string>,
): Promise<Map<string, LedgerEntry[]>> {
  // With `onlyItems`, only the evidence that scores one of them: a batch of new evidence on
  // a few items reads those items' history, not each student's whole ledger.
  const items = onlyItems ? [...onlyItems] : null;
  const ofStudents = items
    ? (and(
        inArray(evidence.studentId, [...studentIds]),
        // Every correction too, whatever it scores: it may supersede evidence on these items.
        or(
          isNotNull(evidence.supersedesId),
          exists(
            db
              .select({ one: sql`1` })
              .from(evidenceScore)
              .where(and(eq(evidenceScore.evidenceId, evidence.id), inArray(evidenceScore.itemId, items))),
          ),
        ),
      ) as SQL)
    : inArray(evidence.studentId, [...studentIds]);
  const [rows, scores, events] = await Promise.all([
    db
      .select({
        id: evidence.id,
        studentId: evidence.studentId,
        occurredAt: evidence.occurredAt,
        recordedAt: evidence.recordedAt,
        needsValidation: evidence.needsValidation,
        supersedesId: evidence.supersedesId,
      })
      .from(evidence)
      .where(ofStudents)
      .orderBy(asc(evidence.studentId), asc(evidence.occurredAt), asc(evidence.recordedAt)),
    db
      .select({ evidenceId: evidenceScore.evidenceId, itemId: evidenceScore.itemId, score: evidenceScore.score })
      .from(evidenceScore)
      .innerJoin(evidence, eq(evidence.id, evidenceScore.evidenceId))
      .where(ofStudents),
    db
      .select({ evidenceId: evidenceEvent.evidenceId, kind: evidenceEvent.kind, occurredAt: evidenceEvent.occurredAt })
      .from(evidenceEvent)
      .innerJoin(evidence, eq(evidence.id, evidenceEvent.evidenceId))
      .where(ofStudents)
      .orderBy(asc(evidenceEvent.occurredAt)),
  ]);
  const scoresOf = new Map<string, { itemId: string; score: number }[]>();
  for (const { evidenceId, ...score } of scores) scoresOf.set(evidenceId, [...(scoresOf.get(evidenceId) ?? []), score]);
  const eventsOf = new Map<string, { kind: EvidenceEventKind; occurredAt: string }[]>();
  for (const event of events)
    eventsOf.set(event.evidenceId, [
      ...(eventsOf.get(event.evidenceId) ?? []),
      { kind: event.kind as EvidenceEventKind, occurredAt: event.occurredAt.toISOString() },
    ]);
  const ledgers = new Map<string, LedgerEntry[]>();
  for (const row of rows) {
    const entry: LedgerEntry = {
      id: row.id,
      occurredAt: row.occurredAt.toISOString(),
      recordedAt: row.recordedAt.toISOString(),
      needsValidation: row.needsValidation,
      supersedesId: row.supersedesId,
      scores: scoresOf.get(row.id) ?? [],
      events: eventsOf.get(row.id) ?? [],
    };
    const ledger = ledgers.get(row.studentId);
    if (ledger) ledger.push(entry);
    else ledgers.set(row.studentId, [entry]);
  }
  return ledgers;
}

/** On conflict, the recomputed row replaces the stored one. */
const upsertColumns = Object.fromEntries(
  ["method", "value", "mastered", "mastered_at", "evidence_count", "computed_at"].map((column) => [
    column.replace(/_(.)/g, (_match, letter: string) => letter.toUpperCase()),
    sql.raw(`excluded.${column}`),
  ]),
);

/**
 * Recomputes the stored mastery of a batch of students from their ledgers, in the caller's
 * transaction: only rows that differ are written (with "reached"/"lost" events where mastery
 * flips), so a rebuild of an unchanged district writes nothing. With `verify`, compares and
 * writes nothing. `onlyItems` limits the work to some items (a method change that reaches them).
 */
export async function recomputeBatch(
  tx: Db,
  studentIds: readonly string[],
  now: Date,
  options: { verify?: boolean; onlyItems?: ReadonlySet<string> } = {},
): Promise<MasteryDifference[]> {
  if (studentIds.length === 0) return [];
  // The same per-student locks as the upkeep of one write, taken in order so batches cannot deadlock.
  if (!options.verify)
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext('mastery:' || id)) from jsonb_array_elements_text(${JSON.stringify([...studentIds].sort())}::jsonb) as id`,
    );
  const [ledgers, owners, storedRows] = await Promise.all([
    loadLedgers(tx, studentIds, options.onlyItems),
    tx
      .select({ studentId: student.personId, districtId: student.districtId })
      .from(student)
      .where(inArray(student.personId, [...studentIds])),
    tx
      .select()
      .from(mastery)
      .where(
        and(
          inArray(mastery.studentId, [...studentIds]),
          options.onlyItems ? inArray(mastery.itemId, [...options.onlyItems]) : undefined,
        ),
      ),
  ]);
  const stored = new Map(storedRows.map((row) => [`${row.studentId} ${row.itemId}`, row]));
  const scoredItems = (entries: readonly LedgerEntry[]) =>
    [...new Set(entries.flatMap((entry) => entry.scores.map((score) => score.itemId)))].filter(
      (itemId) => !options.onlyItems || options.onlyItems.has(itemId),
    );
  const items = await loadItems(tx, [...new Set([...ledgers.values()].flatMap(scoredItems))]);
  const settingsByDistrict = new Map<string, Awaited<ReturnType<typeof methodSettings>>>();
  for (const districtId of new Set(owners.map((owner) => owner.districtId)))
    settingsByDistrict.set(districtId, await methodSettings(tx, districtId));

  const differences: MasteryDifference[] = [];
  const writes: (typeof mastery.$inferInsert)[] = [];
  const events: (typeof masteryEvent.$inferInsert)[] = [];
  for (const { studentId, districtId } of owners) {
    const entries = ledgers.get(studentId) ?? [];
    const computed: ComputedMastery[] = computeMastery(
      entries,
      items,
      settingsByDistrict.get(districtId) ?? [],
      scoredItems(entries),
    );
    for (const next of computed) {
      const before = stored.get(`${studentId} ${next.itemId}`);
      const same =
        before &&
        before.value === next.value &&
        before.mastered === next.mastered &&
        before.evidenceCount === next.evidenceCount &&
        canonical(before.method) === canonical(next.method);
      if (same) continue;
      differences.push({
        studentId,
        itemId: next.itemId,
        stored: before ? { value: before.value, mastered: before.mastered, evidenceCount: before.evidenceCount } : null,
        recomputed: { value: next.value, mastered: next.mastered, evidenceCount: next.evidenceCount },
      });
      const { row, flipped } = nextMasteryRow(before ?? null, next, now);
      writes.push({ studentId, itemId: next.itemId, districtId, ...row });
      if (flipped)
        events.push({
          studentId,
          itemId: next.itemId,
          districtId,
          kind: next.mastered ? "reached" : "lost",
          occurredAt: now,
          evidenceId: null,
        });
    }
  }
  if (options.verify) return differences;
  for (let start = 0; start < writes.length; start += WRITE_CHUNK)
    await tx
      .insert(mastery)
      .values(writes.slice(start, start + WRITE_CHUNK))
      .onConflictDoUpdate({
        target: [mastery.studentId, mastery.itemId],
        set: upsertColumns,
      });
  for (let start = 0; start < events.length; start += WRITE_CHUNK)
    await tx.insert(masteryEvent).values(events.slice(start, start + WRITE_CHUNK));
  return differences;
}
