import { asc } from "drizzle-orm";
import type { Database } from "../database";
import { evidence } from "../schema";
import { type MasteryDifference, recomputeBatch, STUDENTS_PER_BATCH } from "./recompute-batch";

export type { MasteryDifference } from "./recompute-batch";

/**
 * Rebuilds every student's mastery from the ledger (with `verify`, only compares and
 * writes nothing), a batch of students per transaction, writing only what differs.
 * Returns the rows that differed.
 */
export async function rebuildMastery(
  database: Database,
  now: Date,
  options: { verify?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<MasteryDifference[]> {
  const students = (
    await database.db.selectDistinct({ studentId: evidence.studentId }).from(evidence).orderBy(asc(evidence.studentId))
  ).map((row) => row.studentId);
  const differences: MasteryDifference[] = [];
  for (let start = 0; start < students.length; start += STUDENTS_PER_BATCH) {
    const batch = students.slice(start, start + STUDENTS_PER_BATCH);
    differences.push(
      ...(await database.db.transaction((tx) => recomputeBatch(tx, batch, now, { verify: options.verify }))),
    );
    options.onProgress?.(Math.min(start + STUDENTS_PER_BATCH, students.length), students.length);
  }
  return differences;
}
