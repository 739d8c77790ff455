import { randomUUID } from "node:crypto";
import {
  CairnError,
  type CfAssociation,
  type CfDocument,
  type CfItem,
  type CfRubric,
  childAssociation,
  type MoveItemBody,
  movedChild,
  type NewFrameworkBody,
  type NewItemBody,
  newFrameworkPackage,
  newItem,
  reorderedSiblings,
  rubricWithoutItem,
  treeLoopIfMoved,
  type Viewer,
} from "@cairn/core";
import { and, asc, eq, max, or, sql } from "drizzle-orm";
import type { DbContext } from "../context";
import type { Database, Db } from "../database";
import { district, frameworkAssociation, frameworkItem, frameworkRubric } from "../schema";
import { importTarget } from "./access";
import { requireDraft, requireItem } from "./edit-framework";
import { importCasePackage } from "./import-case";

type Draft = Awaited<ReturnType<typeof requireDraft>>;
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Edits of one draft wait for each other, so "last among the siblings" and the unique
 * code are read and written by one edit at a time.
 */
export async function lockDraft(tx: Tx, draft: { caseIdentifier: string }): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`framework:${draft.caseIdentifier}`}))`);
}

/** The next free position of a table's rows in a framework (the order export writes them in). */
export async function nextPosition(
  tx: Tx,
  table: typeof frameworkItem | typeof frameworkAssociation | typeof frameworkRubric,
  frameworkId: string,
): Promise<number> {
  const [last] = await tx
    .select({ position: max(table.position) })
    .from(table)
    .where(eq(table.frameworkId, frameworkId));
  return (last?.position ?? -1) + 1;
}

function label(item: { code: string | null; fullStatement: string }): string {
  return item.code ?? item.fullStatement.slice(0, 40);
}

/**
 * A new, empty draft framework in the admin's district, built as a CASE document and
 * imported like any package, so it is kept and exported the same way.
 */
export async function createFramework(
  database: Database,
  viewer: Viewer,
  now: Date,
  body: NewFrameworkBody,
): Promise<{ frameworkId: string }> {
  const districtId = importTarget(viewer, undefined);
  const [owner] = districtId
    ? await database.db.select({ name: district.name }).from(district).where(eq(district.id, districtId))
    : [];
  const pkg = newFrameworkPackage({
    identifier: randomUUID(),
    creator: owner?.name ?? "Cairn",
    ...body,
    now: now.toISOString(),
  });
  const { frameworkId } = await importCasePackage(database, viewer, now, pkg, { districtId });
  return { frameworkId };
}

/** The parent a new or moved item goes under: one of the draft's items, or the document itself (the top). */
async function parentOf(ctx: DbContext, draft: Draft, parentId: string | null | undefined) {
  if (!parentId) return { id: null, json: draft.document as CfDocument };
  const row = await requireItem(ctx, draft.id, parentId);
  return { id: row.id, json: row.caseJson as CfItem };
}

/**
 * The sequence number that puts an item last under a parent: one more than the last one,
 * or none when a sibling has none (it then sorts after the numbered ones, by position).
 */
async function lastSequence(tx: Tx, frameworkId: string, parentIdentifier: string): Promise<number | null> {
  const siblings = await tx
    .select({ sequence: frameworkAssociation.sequenceNumber })
    .from(frameworkAssociation)
    .where(
      and(
        eq(frameworkAssociation.frameworkId, frameworkId),
        eq(frameworkAssociation.associationType, "isChildOf"),
        eq(frameworkAssociation.destinationIdentifier, parentIdentifier),
      ),
    );
  if (siblings.some((sibling) => sibling.sequence === null)) return null;
  return Math.max(0, ...siblings.map((sibling) => sibling.sequence as number)) + 1;
}

async function refuseCodeInUse(tx: Tx, frameworkId: string, code: string | null | undefined) {
  if (!code) return;
  const [clash] = await tx
    .select({ id: frameworkItem.id })
    .from(frameworkItem)
    .where(and(eq(frameworkItem.frameworkId, frameworkId), eq(frameworkItem.code, code)));
  if (clash)
    throw new CairnError("conflict", `code "${code}" is already used in this framework`, [
      { path: ["code"], message: "already used in this framework" },
    ]);
}

async function insertAssociation(tx: Tx, frameworkId: string, association: CfAssociation, ends: EndIds) {
  const [row] = await tx
    .insert(frameworkAssociation)
    .values({
      frameworkId,
      caseIdentifier: association.identifier,
      associationType: association.associationType,
      originIdentifier: association.originNodeURI.identifier,
      destinationIdentifier: association.destinationNodeURI.identifier,
      originItemId: ends.origin,
      destinationItemId: ends.destination,
      sequenceNumber: association.sequenceNumber ?? null,
      position: await nextPosition(tx, frameworkAssociation, frameworkId),
      caseJson: association,
    })
    .returning({ id: frameworkAssociation.id });
  return row?.id as string;
}

interface EndIds {
  origin: string | null;
  destination: string | null;
}

/** Adds an item to a draft, last under its parent (or at the top); a code already used is refused. */
export async function addDraftItem(ctx: DbContext, idOrIdentifier: string, body: NewItemBody) {
  const draft = await requireDraft(ctx, idOrIdentifier);
  const parent = await parentOf(ctx, draft, body.parentId);
  const now = ctx.now.toISOString();
  const item = newItem(
    draft.document as CfDocument,
    {
      identifier: randomUUID(),
      fullStatement: body.fullStatement,
      humanCodingScheme: body.code,
      abbreviatedStatement: body.abbreviatedStatement,
      CFItemType: body.itemType,
      educationLevel: body.educationLevels,
    },
    now,
  );
  return ctx.db.transaction(async (tx) => {
    await lockDraft(tx, draft);
    await refuseCodeInUse(tx, draft.id, item.humanCodingScheme);
    const [row] = await tx
      .insert(frameworkItem)
      .values({
        frameworkId: draft.id,
        caseIdentifier: item.identifier,
        code: item.humanCodingScheme ?? null,
        fullStatement: item.fullStatement,
        itemType: item.CFItemType ?? null,
        educationLevels: item.educationLevel ?? [],
        position: await nextPosition(tx, frameworkItem, draft.id),
        caseJson: item,
      })
      .returning({ id: frameworkItem.id });
    const itemId = row?.id as string;
    const sequence = await lastSequence(tx, draft.id, parent.json.identifier);
    const link = childAssociation(item, parent.json, sequence ?? 0, now);
    if (sequence === null) delete link.sequenceNumber;
    await insertAssociation(tx, draft.id, link, { origin: itemId, destination: parent.id });
    return { itemId };
  });
}

/**
 * Removes an item from a draft, with every association that has it at one end and the
 * rubric criteria that score it (a rubric left with no criterion goes too). An item with
 * items under it is refused: move or remove those first.
 */
export async function deleteDraftItem(ctx: DbContext, idOrIdentifier: string, itemId: string): Promise<void> {
  const draft = await requireDraft(ctx, idOrIdentifier);
  const row = await requireItem(ctx, draft.id, itemId);
  const now = ctx.now.toISOString();
  await ctx.db.transaction(async (tx) => {
    await lockDraft(tx, draft);
    const children = await tx
      .select({ id: frameworkAssociation.id })
      .from(frameworkAssociation)
      .where(
        and(eq(frameworkAssociation.associationType, "isChildOf"), eq(frameworkAssociation.destinationItemId, itemId)),
      );
    if (children.length > 0)
      throw new CairnError(
        "conflict",
        `${label(row)} has ${children.length} item${children.length === 1 ? "" : "s"} under it; move or delete them first`,
      );
    await tx
      .delete(frameworkAssociation)
      .where(or(eq(frameworkAssociation.originItemId, itemId), eq(frameworkAssociation.destinationItemId, itemId)));
    const rubrics = await tx.select().from(frameworkRubric).where(eq(frameworkRubric.frameworkId, draft.id));
    for (const rubric of rubrics) {
      const kept = rubricWithoutItem(rubric.caseJson as CfRubric, row.caseIdentifier, now);
      if (kept === null) await tx.delete(frameworkRubric).where(eq(frameworkRubric.id, rubric.id));
      else if (kept !== rubric.caseJson)
        await tx.update(frameworkRubric).set({ caseJson: kept }).where(eq(frameworkRubric.id, rubric.id));
    }
    await tx.delete(frameworkItem).where(eq(frameworkItem.id, itemId));
  });
}

/**
 * Moves an item of a draft: up or down among its siblings (trading places with the
 * neighbour), or under another parent, last there. A move that would put an item under
 * itself is refused, with the loop named by code.
 */
export async function moveDraftItem(ctx: DbContext, idOrIdentifier: string, itemId: string, move: MoveItemBody) {
  const draft = await requireDraft(ctx, idOrIdentifier);
  const row = await requireItem(ctx, draft.id, itemId);
  const now = ctx.now.toISOString();
  const parent = "parentId" in move ? await parentOf(ctx, draft, move.parentId) : null;
  await ctx.db.transaction(async (tx) => {
    await lockDraft(tx, draft);
    const tree = await tx
      .select()
      .from(frameworkAssociation)
      .where(and(eq(frameworkAssociation.frameworkId, draft.id), eq(frameworkAssociation.associationType, "isChildOf")))
      .orderBy(asc(frameworkAssociation.position));
    // An item may sit under several parents in CASE; as in the tree shown, its first placement is the one moved.
    const placement = tree.find((link) => link.originItemId === itemId);
    if (parent === null) {
      if (!placement)
        throw new CairnError("conflict", `${label(row)} has no place in the tree yet; choose a parent for it first`);
      const siblings = tree.filter((link) => link.destinationIdentifier === placement.destinationIdentifier);
      const direction = (move as { direction: "up" | "down" }).direction;
      const changes = reorderedSiblings(
        siblings.map((link) => ({ id: link.id, sequence: link.sequenceNumber, position: link.position })),
        placement.id,
        direction,
      );
      if (!changes)
        throw new CairnError("conflict", `${label(row)} is already ${direction === "up" ? "first" : "last"} here`);
      for (const change of changes) {
        const link = siblings.find((sibling) => sibling.id === change.id);
        if (!link) continue;
        await tx
          .update(frameworkAssociation)
          .set({
            sequenceNumber: change.sequence,
            caseJson: movedChild(link.caseJson as CfAssociation, { sequenceNumber: change.sequence }, now),
          })
          .where(eq(frameworkAssociation.id, link.id));
      }
      return;
    }
    const parentOfItem = new Map<string, string | null>();
    for (const link of tree)
      if (link.originItemId && !parentOfItem.has(link.originItemId))
        parentOfItem.set(link.originItemId, link.destinationItemId);
    const loop = treeLoopIfMoved(parentOfItem, itemId, parent.id);
    if (loop) {
      const codes = await tx
        .select({ id: frameworkItem.id, code: frameworkItem.code, fullStatement: frameworkItem.fullStatement })
        .from(frameworkItem)
        .where(eq(frameworkItem.frameworkId, draft.id));
      const named = [...loop, itemId].map((id) => label(codes.find((item) => item.id === id) ?? row)).join(" → ");
      throw new CairnError("conflict", `an item cannot go under itself: that would make a loop in the tree: ${named}`, [
        { path: ["parentId"], message: `loop in the tree: ${named}` },
      ]);
    }
    const sequence = await lastSequence(tx, draft.id, parent.json.identifier);
    if (!placement) {
      const link = childAssociation(row.caseJson as CfItem, parent.json, sequence ?? 0, now);
      if (sequence === null) delete link.sequenceNumber;
      await insertAssociation(tx, draft.id, link, { origin: itemId, destination: parent.id });
      return;
    }
    const moved = movedChild(
      placement.caseJson as CfAssociation,
      { sequenceNumber: sequence ?? 0, parent: parent.json },
      now,
    );
    if (sequence === null) delete moved.sequenceNumber;
    await tx
      .update(frameworkAssociation)
      .set({
        destinationIdentifier: parent.json.identifier,
        destinationItemId: parent.id,
        sequenceNumber: sequence,
        caseJson: moved,
      })
      .where(eq(frameworkAssociation.id, placement.id));
  });
}
