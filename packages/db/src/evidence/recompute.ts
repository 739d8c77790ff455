import { countingScores, evaluateMastery, type LedgerEntry, type MasteryMethod, methodFor } from "@cairn/core";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../database";
import { mastery, masteryEvent, masteryMethodSetting, student } from "../schema";
import { loadItems, type ScoredItem } from "./items";
import { loadLedger } from "./load-ledger";

export interface ComputedMastery {
  itemId: string;
  method: MasteryMethod;
  value: number | null;
  mastered: boolean;
  evidenceCount: number;
}

/** The district's mastery-method settings, as `methodFor` reads them. */
export async function methodSettings(db: Db, districtId: string) {
  const rows = await db
    .select({
      frameworkId: masteryMethodSetting.frameworkId,
      itemId: masteryMethodSetting.itemId,
      method: masteryMethodSetting.method,
    })
    .from(masteryMethodSetting)
    .where(eq(masteryMethodSetting.districtId, districtId));
  return rows.map((row) => ({ ...row, method: row.method as MasteryMethod }));
}

/** What the ledger says about each item: the same functions for upkeep, a full rebuild, `--verify` and `asOf`. */
export function computeMastery(
  entries: readonly LedgerEntry[],
  items: ReadonlyMap<string, ScoredItem>,
  settings: Awaited<ReturnType<typeof methodSettings>>,
  itemIds: readonly string[],
): ComputedMastery[] {
  return itemIds.flatMap((itemId) => {
    const item = items.get(itemId);
    if (!item) return [];
    const scores = countingScores(entries, itemId);
    const method = methodFor(settings, item);
    const result = evaluateMastery(
      scores.map((score) => score.score),
      method,
      item.range,
    );
    return [{ itemId, method, value: result.value, mastered: result.mastered, evidenceCount: scores.length }];
  });
}

/**
 * The stored row that follows from a recomputation: when mastery flips, it was reached (or
 * lost) now; while it holds, it keeps the day it was first reached.
 */
export function nextMasteryRow(
  before: { mastered: boolean; masteredAt: Date | null } | null,
  next: ComputedMastery,
  now: Date,
) {
  const flipped = (before?.mastered ?? false) !== next.mastered;
  return {
    flipped,
    row: {
      method: next.method,
      value: next.value,
      mastered: next.mastered,
      masteredAt: next.mastered ? (flipped ? now : (before?.masteredAt ?? now)) : null,
      evidenceCount: next.evidenceCount,
      computedAt: now,
    },
  };
}

/**
 * Brings a student's mastery of some items up to date with the ledger, inside the caller's
 * transaction (the one that changed the evidence): upserts each row and, when mastery is
 * reached or lost, writes the event and sets or clears when it was reached. One student's
 * upkeep runs at a time, so two concurrent changes cannot both miss a flip.
 */
export async function recomputeMastery(
  tx: Db,
  studentId: string,
  itemIds: readonly string[],
  now: Date,
  causeEvidenceId: string | null,
): Promise<ComputedMastery[]> {
  const unique = [...new Set(itemIds)];
  if (unique.length === 0) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mastery:${studentId}`}))`);
  const [owner] = await tx
    .select({ districtId: student.districtId })
    .from(student)
    .where(eq(student.personId, studentId));
  if (!owner) return [];
  const [entries, items, settings, stored] = await Promise.all([
    loadLedger(tx, studentId, unique),
    loadItems(tx, unique),
    methodSettings(tx, owner.districtId),
    tx
      .select()
      .from(mastery)
      .where(and(eq(mastery.studentId, studentId), inArray(mastery.itemId, unique))),
  ]);
  const computed = computeMastery(entries, items, settings, unique);
  for (const next of computed) {
    const before = stored.find((row) => row.itemId === next.itemId);
    const { row: values, flipped } = nextMasteryRow(before ?? null, next, now);
    await tx
      .insert(mastery)
      .values({ studentId, itemId: next.itemId, districtId: owner.districtId, ...values })
      .onConflictDoUpdate({ target: [mastery.studentId, mastery.itemId], set: values });
    if (flipped)
      await tx.insert(masteryEvent).values({
        studentId,
        itemId: next.itemId,
        districtId: owner.districtId,
        kind: next.mastered ? "reached" : "lost",
        occurredAt: now,
        evidenceId: causeEvidenceId,
      });
  }
  return computed;
}
