import {
  CairnError,
  type CfDocument,
  type CfItem,
  exemplarAssociation,
  itemRubric,
  itemRubricIdentifier,
  type NewExemplarBody,
  type ProficiencyScale,
  SCALE_EXTENSION,
  scaleFor,
  scaleProblems,
  withScale,
} from "@cairn/core";
import { and, eq } from "drizzle-orm";
import type { DbContext } from "../context";
import { framework, frameworkAssociation, frameworkItem, frameworkRubric } from "../schema";
import { lockDraft, nextPosition } from "./author-framework";
import { requireDraft, requireItem } from "./edit-framework";

/** A scale that is not sound is refused, each problem located in the request body (`body.levels.2.value`). */
function requireSoundScale(scale: ProficiencyScale): void {
  const problems = scaleProblems(scale);
  if (problems.length === 0) return;
  throw new CairnError(
    "validation",
    `the scale has ${problems.length} problem${problems.length === 1 ? "" : "s"}`,
    problems.map((problem) => ({
      path: [
        "body",
        ...problem.path
          .split(/[.[\]]/)
          .filter(Boolean)
          .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      ],
      message: problem.message,
    })),
  );
}

/** Sets a draft framework's proficiency scale (kept in its CFDocument's extensions). */
export async function setFrameworkScale(ctx: DbContext, idOrIdentifier: string, scale: ProficiencyScale) {
  const draft = await requireDraft(ctx, idOrIdentifier);
  requireSoundScale(scale);
  const document = withScale(draft.document as CfDocument, scale, ctx.now.toISOString());
  await ctx.db.update(framework).set({ document }).where(eq(framework.id, draft.id));
}

/**
 * Gives one item of a draft its own scale, or (null) removes it so the framework's applies
 * again; removing a scale the item does not have is not found.
 */
export async function setItemScale(
  ctx: DbContext,
  idOrIdentifier: string,
  itemId: string,
  scale: ProficiencyScale | null,
) {
  const draft = await requireDraft(ctx, idOrIdentifier);
  const row = await requireItem(ctx, draft.id, itemId);
  const item = row.caseJson as CfItem;
  if (scale) requireSoundScale(scale);
  else if (!item.extensions || !(SCALE_EXTENSION in item.extensions))
    throw new CairnError("not_found", "this item has no scale of its own; the framework's applies");
  await ctx.db
    .update(frameworkItem)
    .set({ caseJson: withScale(item, scale, ctx.now.toISOString()) })
    .where(eq(frameworkItem.id, itemId));
}

/**
 * Attaches a work sample (a CASE `exemplar` association to its address) to an item of a
 * draft, at a level of the scale that applies to the item.
 */
export async function addExemplar(
  ctx: DbContext,
  idOrIdentifier: string,
  itemId: string,
  sample: NewExemplarBody,
): Promise<{ associationId: string }> {
  const draft = await requireDraft(ctx, idOrIdentifier);
  const row = await requireItem(ctx, draft.id, itemId);
  const item = row.caseJson as CfItem;
  const scale = scaleFor(draft.document as CfDocument, item);
  if (!scale.levels.some((level) => level.code === sample.levelCode))
    throw new CairnError("validation", `"${sample.levelCode}" is not a level of this item's scale`, [
      {
        path: ["body", "levelCode"],
        message: `must be one of ${scale.levels.map((level) => level.code).join(", ")}`,
      },
    ]);
  const association = exemplarAssociation(item, sample, ctx.now.toISOString());
  return ctx.db.transaction(async (tx) => {
    await lockDraft(tx, draft);
    const [existing] = await tx
      .select({ id: frameworkAssociation.id })
      .from(frameworkAssociation)
      .where(
        and(
          eq(frameworkAssociation.frameworkId, draft.id),
          eq(frameworkAssociation.caseIdentifier, association.identifier),
        ),
      );
    if (existing) throw new CairnError("conflict", "this work sample is already attached to the item at that level");
    const [inserted] = await tx
      .insert(frameworkAssociation)
      .values({
        frameworkId: draft.id,
        caseIdentifier: association.identifier,
        associationType: "exemplar",
        originIdentifier: item.identifier,
        destinationIdentifier: association.destinationNodeURI.identifier,
        originItemId: itemId,
        destinationItemId: null,
        position: await nextPosition(tx, frameworkAssociation, draft.id),
        caseJson: association,
      })
      .returning({ id: frameworkAssociation.id });
    return { associationId: inserted?.id as string };
  });
}

/** Removes a work sample from an item of a draft. */
export async function removeExemplar(ctx: DbContext, idOrIdentifier: string, itemId: string, associationId: string) {
  const draft = await requireDraft(ctx, idOrIdentifier);
  const removed = await ctx.db
    .delete(frameworkAssociation)
    .where(
      and(
        eq(frameworkAssociation.id, associationId),
        eq(frameworkAssociation.frameworkId, draft.id),
        eq(frameworkAssociation.associationType, "exemplar"),
        eq(frameworkAssociation.originItemId, itemId),
      ),
    )
    .returning({ id: frameworkAssociation.id });
  if (removed.length === 0) throw new CairnError("not_found", "this item has no such work sample");
}

/**
 * Makes the item's rubric from the scale that applies to it: one criterion, one level per
 * scale level. Made again, it replaces the one made before (after a scale change, say).
 */
export async function saveItemRubric(
  ctx: DbContext,
  idOrIdentifier: string,
  itemId: string,
  text: { title?: string | null; description?: string | null },
): Promise<{ rubricId: string; replaced: boolean }> {
  const draft = await requireDraft(ctx, idOrIdentifier);
  const row = await requireItem(ctx, draft.id, itemId);
  const item = row.caseJson as CfItem;
  const rubric = itemRubric(item, scaleFor(draft.document as CfDocument, item), text, ctx.now.toISOString());
  return ctx.db.transaction(async (tx) => {
    await lockDraft(tx, draft);
    const [existing] = await tx
      .select({ id: frameworkRubric.id })
      .from(frameworkRubric)
      .where(and(eq(frameworkRubric.frameworkId, draft.id), eq(frameworkRubric.caseIdentifier, rubric.identifier)));
    if (existing) {
      await tx
        .update(frameworkRubric)
        .set({ title: rubric.title ?? null, caseJson: rubric })
        .where(eq(frameworkRubric.id, existing.id));
      return { rubricId: existing.id, replaced: true };
    }
    const [inserted] = await tx
      .insert(frameworkRubric)
      .values({
        frameworkId: draft.id,
        caseIdentifier: rubric.identifier,
        title: rubric.title ?? null,
        position: await nextPosition(tx, frameworkRubric, draft.id),
        caseJson: rubric,
      })
      .returning({ id: frameworkRubric.id });
    return { rubricId: inserted?.id as string, replaced: false };
  });
}

/** Removes the rubric made for an item (rubrics imported with the framework stay). */
export async function removeItemRubric(ctx: DbContext, idOrIdentifier: string, itemId: string): Promise<void> {
  const draft = await requireDraft(ctx, idOrIdentifier);
  const row = await requireItem(ctx, draft.id, itemId);
  const removed = await ctx.db
    .delete(frameworkRubric)
    .where(
      and(
        eq(frameworkRubric.frameworkId, draft.id),
        eq(frameworkRubric.caseIdentifier, itemRubricIdentifier({ identifier: row.caseIdentifier })),
      ),
    )
    .returning({ id: frameworkRubric.id });
  if (removed.length === 0) throw new CairnError("not_found", "this item has no rubric made in Cairn");
}
