import { CairnError, type RecordEvidenceBatchBody } from "@cairn/core";
import { and, eq, inArray } from "drizzle-orm";
import type { DbContext } from "../context";
import { readableStudents } from "../people/policy";
import { evidence, evidenceScore, reassessmentRequest, student } from "../schema";
import { actorOf, asEducator } from "./access";
import { recomputeBatch, STUDENTS_PER_BATCH } from "./recompute-batch";
import { checkOccurredAt, scoreResolver } from "./scores";

/** Rows per INSERT: under PostgreSQL's 65,535 parameters at the evidence row's 12 columns. */
const INSERT_CHUNK = 2_000;

/**
 * Records many pieces of evidence at once (a gradebook import, an assessment platform's
 * results): all or nothing, every problem located at `["body","records",i,…]`. Only for
 * the students the viewer reads as an educator, so all of it counts at once. The rows are
 * inserted in chunks and the affected students' mastery recomputed in batches, in the same
 * transaction.
 */
export function recordEvidenceBatch(
  ctx: DbContext,
  body: RecordEvidenceBatchBody,
): Promise<{ recorded: number; evidenceIds: string[]; masteryChanged: number }> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const studentIds = [...new Set(body.records.map((record) => record.studentId))];
    const taught = new Map(
      (
        await tx
          .select({ id: student.personId, districtId: student.districtId })
          .from(student)
          .where(
            and(inArray(student.personId, studentIds), readableStudents({ ...inTx, viewer: asEducator(ctx.viewer) })),
          )
      ).map((row) => [row.id, row.districtId]),
    );
    const resolve = await scoreResolver(inTx, [
      ...new Set(body.records.flatMap((record) => record.scores.map((score) => score.itemId))),
    ]);
    const actor = await actorOf(inTx);
    const evidenceRows: (typeof evidence.$inferInsert)[] = [];
    const scoreRows: (typeof evidenceScore.$inferInsert)[] = [];
    body.records.forEach((record, index) => {
      const at = (...rest: (string | number)[]) => ["body", "records", index, ...rest];
      const districtId = taught.get(record.studentId);
      if (!districtId)
        throw new CairnError("validation", "not a student whose evidence you record", [
          { path: at("studentId"), message: "no such student among those you teach or lead" },
        ]);
      const occurredAt = checkOccurredAt(record.occurredAt, ctx.now, at("occurredAt"));
      const id = crypto.randomUUID();
      evidenceRows.push({
        id,
        districtId,
        studentId: record.studentId,
        kind: record.kind,
        setting: record.setting,
        title: record.title,
        occurredAt,
        recordedAt: ctx.now,
        recordedBy: actor.personId,
        recordedByName: actor.name,
        needsValidation: false,
        reflection: record.reflection ?? null,
        supersedesId: null,
      });
      for (const score of resolve(record.scores, at("scores"))) scoreRows.push({ evidenceId: id, ...score });
    });
    for (let start = 0; start < evidenceRows.length; start += INSERT_CHUNK)
      await tx.insert(evidence).values(evidenceRows.slice(start, start + INSERT_CHUNK));
    for (let start = 0; start < scoreRows.length; start += INSERT_CHUNK)
      await tx.insert(evidenceScore).values(scoreRows.slice(start, start + INSERT_CHUNK));
    await answerReassessmentsInBulk(inTx, evidenceRows, scoreRows, actor.name);
    const onlyItems = new Set(scoreRows.map((row) => row.itemId));
    let masteryChanged = 0;
    for (let start = 0; start < studentIds.length; start += STUDENTS_PER_BATCH)
      masteryChanged += (
        await recomputeBatch(tx, studentIds.slice(start, start + STUDENTS_PER_BATCH), ctx.now, { onlyItems })
      ).length;
    return { recorded: evidenceRows.length, evidenceIds: evidenceRows.map((row) => row.id as string), masteryChanged };
  });
}

/** Open requests to be reassessed on an item the batch scores for that student are answered by it. */
async function answerReassessmentsInBulk(
  ctx: DbContext,
  evidenceRows: readonly (typeof evidence.$inferInsert)[],
  scoreRows: readonly (typeof evidenceScore.$inferInsert)[],
  closedBy: string,
): Promise<void> {
  const open = await ctx.db
    .select({
      id: reassessmentRequest.id,
      studentId: reassessmentRequest.studentId,
      itemId: reassessmentRequest.itemId,
    })
    .from(reassessmentRequest)
    .where(
      and(
        eq(reassessmentRequest.status, "open"),
        inArray(reassessmentRequest.studentId, [...new Set(evidenceRows.map((row) => row.studentId))]),
      ),
    );
  if (open.length === 0) return;
  const studentOf = new Map(evidenceRows.map((row) => [row.id as string, row.studentId]));
  const answeredBy = new Map(
    scoreRows.map((row) => [`${studentOf.get(row.evidenceId)} ${row.itemId}`, row.evidenceId]),
  );
  for (const request of open) {
    const evidenceId = answeredBy.get(`${request.studentId} ${request.itemId}`);
    if (evidenceId)
      await ctx.db
        .update(reassessmentRequest)
        .set({ status: "reassessed", closedByName: closedBy, closedAt: ctx.now, evidenceId })
        .where(eq(reassessmentRequest.id, request.id));
  }
}
