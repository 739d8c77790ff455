import { CairnError, type EvidenceEntry, type RecordEvidenceBody } from "@cairn/core";
import { and, eq } from "drizzle-orm";
import type { DbContext } from "../context";
import { readableFrameworks } from "../framework/access";
import { evidence, evidenceScore, framework } from "../schema";
import { actorOf, evidenceScope } from "./access";
import { attachFiles } from "./attachments";
import { loadItems } from "./items";
import { entryById } from "./list-evidence";
import { answerReassessments } from "./reassessment";
import { recomputeMastery } from "./recompute";

/**
 * Records a piece of evidence about a student. An educator's counts at once; the student's,
 * a guardian's or a mentor's waits for an educator to validate it. The row, its scores and
 * the student's mastery of the items it scores are written in one transaction.
 */
export function recordEvidence(ctx: DbContext, studentId: string, body: RecordEvidenceBody): Promise<EvidenceEntry> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const scope = await evidenceScope(inTx, studentId);
    const occurredAt = new Date(body.occurredAt);
    if (occurredAt > ctx.now)
      throw new CairnError("validation", "evidence cannot be dated in the future", [
        { path: ["body", "occurredAt"], message: "must not be later than now" },
      ]);
    const scores = await checkScores(inTx, body.scores);
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
 * Each item once, in a framework the viewer reads that is published or deprecated, each
 * scored on its scale or with one of its rubric levels (which gives the level's value).
 */
async function checkScores(
  ctx: DbContext,
  scores: RecordEvidenceBody["scores"],
): Promise<{ itemId: string; score: number; rubricLevel: string | null }[]> {
  const items = await loadItems(
    ctx.db,
    scores.map((score) => score.itemId),
  );
  const readable = new Set(
    (await ctx.db.select({ id: framework.id }).from(framework).where(readableFrameworks(ctx.viewer))).map(
      (row) => row.id,
    ),
  );
  const seen = new Set<string>();
  return scores.map(({ itemId, score, level }, index) => {
    const item = items.get(itemId);
    if (seen.has(itemId))
      throw new CairnError("validation", "an item is scored twice", [
        { path: ["body", "scores", index, "itemId"], message: "already scored above" },
      ]);
    seen.add(itemId);
    if (!item || item.frameworkStatus === "draft" || !readable.has(item.frameworkId))
      throw new CairnError("validation", "no such item in a published framework", [
        { path: ["body", "scores", index, "itemId"], message: "not an item of a published framework" },
      ]);
    if (level !== undefined) {
      const found = item.scale.levels.find((candidate) => candidate.code === level);
      if (!found)
        throw new CairnError("validation", "no such level on the item's rubric", [
          {
            path: ["body", "scores", index, "level"],
            message: `must be one of ${item.scale.levels.map((candidate) => candidate.code).join(", ")}`,
          },
        ]);
      return { itemId, score: found.value, rubricLevel: found.code };
    }
    const value = score as number;
    if (value < item.range.min || value > item.range.max)
      throw new CairnError("validation", `the score is not on the item's scale (${item.range.min}–${item.range.max})`, [
        {
          path: ["body", "scores", index, "score"],
          message: `must be between ${item.range.min} and ${item.range.max}`,
        },
      ]);
    return { itemId, score: value, rubricLevel: null };
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
