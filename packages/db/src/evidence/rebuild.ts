import { asc, eq } from "drizzle-orm";
import type { Database } from "../database";
import { evidence, evidenceScore, mastery, student } from "../schema";
import { loadItems } from "./items";
import { loadLedger } from "./load-ledger";
import { computeMastery, methodSettings, recomputeMastery } from "./recompute";

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

/**
 * Rebuilds every student's mastery from the ledger (with `verify`, only compares and
 * writes nothing), one student per transaction. Returns the rows that differed.
 */
export async function rebuildMastery(
  database: Database,
  now: Date,
  options: { verify?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<MasteryDifference[]> {
  const students = await database.db
    .selectDistinct({ studentId: evidence.studentId, districtId: student.districtId })
    .from(evidence)
    .innerJoin(student, eq(student.personId, evidence.studentId))
    .orderBy(asc(evidence.studentId));
  const differences: MasteryDifference[] = [];
  let done = 0;
  for (const { studentId, districtId } of students) {
    await database.db.transaction(async (tx) => {
      const scored = await tx
        .selectDistinct({ itemId: evidenceScore.itemId })
        .from(evidenceScore)
        .innerJoin(evidence, eq(evidence.id, evidenceScore.evidenceId))
        .where(eq(evidence.studentId, studentId));
      const itemIds = scored.map((row) => row.itemId);
      const stored = await tx.select().from(mastery).where(eq(mastery.studentId, studentId));
      const [entries, items, settings] = await Promise.all([
        loadLedger(tx, studentId),
        loadItems(tx, itemIds),
        methodSettings(tx, districtId),
      ]);
      for (const next of computeMastery(entries, items, settings, itemIds)) {
        const before = stored.find((row) => row.itemId === next.itemId);
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
          stored: before
            ? { value: before.value, mastered: before.mastered, evidenceCount: before.evidenceCount }
            : null,
          recomputed: { value: next.value, mastered: next.mastered, evidenceCount: next.evidenceCount },
        });
      }
      if (!options.verify) await recomputeMastery(tx, studentId, itemIds, now, null);
    });
    options.onProgress?.(++done, students.length);
  }
  return differences;
}
