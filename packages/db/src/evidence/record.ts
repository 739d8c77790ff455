import { CairnError, type EvidenceEntry, type RecordEvidenceBody } from "@cairn/core";
import { and, eq } from "drizzle-orm";
import type { DbContext } from "../context";
import { evidence, evidenceScore } from "../schema";
import { actorOf, evidenceScope } from "./access";
import { attachFiles } from "./attachments";
import { entryById } from "./list-evidence";
import { answerReassessments } from "./reassessment";
import { recomputeMastery } from "./recompute";
import { checkOccurredAt, scoreResolver } from "./scores";

/**
 * Records a piece of evidence about a student. An educator's counts at once; the student's,
 * a guardian's or a mentor's waits for an educator to validate it. The row, its scores and
 * the student's mastery of the items it scores are written in one transaction.
 */
export function recordEvidence(ctx: DbContext, studentId: string, body: RecordEvidenceBody): Promise<EvidenceEntry> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const scope = await evidenceScope(inTx, studentId);
    const occurredAt = checkOccurredAt(body.occurredAt, ctx.now, ["body", "occurredAt"]);
    const scores = (
      await scoreResolver(
        inTx,
        body.scores.map((score) => score.itemId),
      )
    )(body.scores, ["body", "scores"]);
    const actor = await actorOf(inTx);
    const supersededItems = body.supersedesId
      ? await checkCorrection(inTx, studentId, body.supersedesId, scope.educator, actor.personId)
      : [];
    const [created] = await tx
      .insert(evidence)
      .values({
        districtId: scope.districtId,
        studentId,
        kind: body.kind,
        setting: body.setting,
        title: body.title,
        occurredAt,
        recordedAt: ctx.now,
        recordedBy: actor.personId,
        recordedByName: actor.name,
        needsValidation: !scope.educator,
        reflection: body.reflection ?? null,
        supersedesId: body.supersedesId ?? null,
      })
      .returning({ id: evidence.id });
    const evidenceId = (created as { id: string }).id;
    await tx.insert(evidenceScore).values(scores.map((score) => ({ evidenceId, ...score })));
    await attachFiles(inTx, studentId, evidenceId, body.attachmentIds ?? []);
    if (scope.educator) await answerReassessments(inTx, studentId, evidenceId, scores);
    const itemIds = [...scores.map((score) => score.itemId), ...supersededItems];
    await recomputeMastery(tx, studentId, itemIds, ctx.now, evidenceId);
    return entryById(tx, studentId, evidenceId);
  });
}

/**
 * A correction supersedes evidence of the same student not already superseded, and is
 * made by an educator or by whoever recorded the original. Returns the items the original
 * scored, whose mastery changes with it. The original is locked so two corrections cannot both win.
 */
async function checkCorrection(
  ctx: DbContext,
  studentId: string,
  supersedesId: string,
  educator: boolean,
  actorPersonId: string | null,
): Promise<string[]> {
  const [original] = await ctx.db
    .select()
    .from(evidence)
    .where(and(eq(evidence.id, supersedesId), eq(evidence.studentId, studentId)))
    .for("update");
  if (!original)
    throw new CairnError("validation", "the evidence to correct is not this student's", [
      { path: ["body", "supersedesId"], message: "no such evidence for this student" },
    ]);
  if (!educator && original.recordedBy !== actorPersonId)
    throw new CairnError("forbidden", "only an educator or whoever recorded it can correct this evidence");
  const [already] = await ctx.db
    .select({ id: evidence.id })
    .from(evidence)
    .where(eq(evidence.supersedesId, supersedesId))
    .limit(1);
  if (already) throw new CairnError("conflict", "this evidence has already been corrected");
  const scores = await ctx.db
    .select({ itemId: evidenceScore.itemId })
    .from(evidenceScore)
    .where(eq(evidenceScore.evidenceId, supersedesId));
  return scores.map((score) => score.itemId);
}
