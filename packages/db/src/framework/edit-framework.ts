import {
  CairnError,
  type CfDocument,
  type CfItem,
  cycleIfAdded,
  documentWithStatus,
  editedItem,
  type ItemChanges,
  newVersionOf,
  precedesAssociation,
  type Viewer,
} from "@cairn/core";
import { and, eq, max, ne } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import type { Database } from "../database";
import { framework, frameworkAssociation, frameworkItem } from "../schema";
import { adminDistricts } from "./access";
import { exportCasePackage, findFramework } from "./export-case";
import { importCasePackage } from "./import-case";
import { prerequisiteMapOf } from "./prerequisites";

type Framework = Awaited<ReturnType<typeof findFramework>>;

/** Whether the viewer administers the district that owns a framework (the operator administers all). */
export function canEditFramework(viewer: Viewer, owner: { districtId: string | null }): boolean {
  if (viewer.kind === "operator") return true;
  return owner.districtId !== null && adminDistricts(viewer).includes(owner.districtId);
}

/**
 * Whether the viewer may start a new version of a framework: one of their district's, or
 * one shared by the installation (a state's standards), which becomes their district's.
 */
export function canStartVersion(viewer: Viewer, source: { districtId: string | null }): boolean {
  return canEditFramework(viewer, source) || (source.districtId === null && adminDistricts(viewer).length > 0);
}

/** A draft the viewer may change; a published framework never changes (start a new version instead). */
export async function requireDraft(ctx: DbContext, idOrIdentifier: string): Promise<Framework> {
  const found = await findFramework(ctx, idOrIdentifier);
  if (!canEditFramework(ctx.viewer, found))
    throw new CairnError("forbidden", "only the admins of the district that owns a framework can change it");
  if (found.status !== "draft")
    throw new CairnError(
      "conflict",
      `this framework is ${found.status} and never changes; start a new version to make changes`,
    );
  return found;
}

/** An item of the framework; another framework's item, or none, is not found. */
export async function requireItem(ctx: Pick<DbContext, "db">, frameworkId: string, itemId: string) {
  const [row] = await ctx.db
    .select()
    .from(frameworkItem)
    .where(and(eq(frameworkItem.id, itemId), eq(frameworkItem.frameworkId, frameworkId)));
  if (!row) throw new CairnError("not_found", `item ${itemId} not found in this framework`);
  return row;
}

/**
 * Starts a new version: a draft copy of the framework with new identifiers, each new item
 * linked to the one it replaces. The old version stays as it is, readable, until the new
 * one is published.
 */
export async function startNewVersion(
  database: Database,
  viewer: Viewer,
  now: Date,
  idOrIdentifier: string,
  version: string,
): Promise<{ frameworkId: string }> {
  const ctx = { db: database.db, viewer, now };
  const source = await findFramework(ctx, idOrIdentifier);
  if (!canStartVersion(viewer, source))
    throw new CairnError("forbidden", "only the admins of the district that owns a framework can version it");
  if (source.version === version)
    throw new CairnError("validation", `the new version needs a new number, not "${version}"`, [
      { path: ["version"], message: "must differ from the current version" },
    ]);
  const draft = newVersionOf(await exportCasePackage(ctx, source.id), { version, now: now.toISOString() });
  const [existing] = await database.db
    .select({ id: framework.id })
    .from(framework)
    .where(eq(framework.caseIdentifier, draft.CFDocument.identifier));
  if (existing) throw new CairnError("conflict", `version ${version} of this framework already exists`);
  const { frameworkId } = await importCasePackage(database, viewer, now, draft, {
    districtId: source.districtId ?? undefined,
  });
  await database.db.update(framework).set({ replacesFrameworkId: source.id }).where(eq(framework.id, frameworkId));
  return { frameworkId };
}

/** Changes a draft item's statement, code or grades; a code already used in the framework is refused. */
export async function updateDraftItem(ctx: DbContext, idOrIdentifier: string, itemId: string, changes: ItemChanges) {
  const found = await requireDraft(ctx, idOrIdentifier);
  const row = await requireItem(ctx, found.id, itemId);
  const next = editedItem(row.caseJson as CfItem, changes, ctx.now.toISOString());
  if (next.humanCodingScheme) {
    const [clash] = await ctx.db
      .select({ id: frameworkItem.id })
      .from(frameworkItem)
      .where(
        and(
          eq(frameworkItem.frameworkId, found.id),
          eq(frameworkItem.code, next.humanCodingScheme),
          ne(frameworkItem.id, itemId),
        ),
      );
    if (clash)
      throw new CairnError("conflict", `code "${next.humanCodingScheme}" is already used in this framework`, [
        { path: ["code"], message: "already used in this framework" },
      ]);
  }
  await ctx.db
    .update(frameworkItem)
    .set({
      code: next.humanCodingScheme ?? null,
      fullStatement: next.fullStatement,
      educationLevels: next.educationLevel ?? [],
      caseJson: next,
    })
    .where(eq(frameworkItem.id, itemId));
}

/**
 * Says `before` comes before `after` on a draft's prerequisite map. A link that would close
 * a cycle is refused, with the cycle named by the items' codes.
 */
export async function addPrerequisite(ctx: DbContext, idOrIdentifier: string, beforeId: string, afterId: string) {
  const found = await requireDraft(ctx, idOrIdentifier);
  const [before, after] = [await requireItem(ctx, found.id, beforeId), await requireItem(ctx, found.id, afterId)];
  const loaded = await prerequisiteMapOf(ctx, found.id, found.status);
  if (loaded.map.prerequisitesOf.get(afterId)?.includes(beforeId))
    throw new CairnError("conflict", `${label(before)} already comes before ${label(after)}`);
  const cycle = cycleIfAdded(loaded.map, { before: beforeId, after: afterId });
  if (cycle) {
    const named = cycle.map((id) => loaded.items.get(id)?.code ?? id).join(" → ");
    throw new CairnError("conflict", `that would make a prerequisite cycle: ${named}`, [
      { path: ["before"], message: `prerequisite cycle: ${named}` },
    ]);
  }
  const association = precedesAssociation(before.caseJson as CfItem, after.caseJson as CfItem, ctx.now.toISOString());
  await ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ position: max(frameworkAssociation.position) })
      .from(frameworkAssociation)
      .where(eq(frameworkAssociation.frameworkId, found.id));
    await tx.insert(frameworkAssociation).values({
      frameworkId: found.id,
      caseIdentifier: association.identifier,
      associationType: "precedes",
      originIdentifier: association.originNodeURI.identifier,
      destinationIdentifier: association.destinationNodeURI.identifier,
      originItemId: beforeId,
      destinationItemId: afterId,
      position: (last?.position ?? -1) + 1,
      caseJson: association,
    });
  });
}

/** Removes a `precedes` link from a draft. */
export async function removePrerequisite(ctx: DbContext, idOrIdentifier: string, beforeId: string, afterId: string) {
  const found = await requireDraft(ctx, idOrIdentifier);
  const removed = await ctx.db
    .delete(frameworkAssociation)
    .where(
      and(
        eq(frameworkAssociation.frameworkId, found.id),
        eq(frameworkAssociation.associationType, "precedes"),
        eq(frameworkAssociation.originItemId, beforeId),
        eq(frameworkAssociation.destinationItemId, afterId),
      ),
    )
    .returning({ id: frameworkAssociation.id });
  if (removed.length === 0) throw new CairnError("not_found", "there is no such prerequisite link in this framework");
}

/**
 * Publishes a draft: from now on it never changes. The version it replaces, if any, is
 * marked deprecated and stays readable (evidence scored against it keeps its meaning).
 */
export async function publishFramework(ctx: DbContext, idOrIdentifier: string): Promise<void> {
  const found = await requireDraft(ctx, idOrIdentifier);
  const today = isoDate(ctx.now);
  const now = ctx.now.toISOString();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(framework)
      .set({
        status: "published",
        publishedAt: ctx.now,
        document: documentWithStatus(found.document as CfDocument, "published", today, now),
      })
      .where(eq(framework.id, found.id));
    if (!found.replacesFrameworkId) return;
    const [old] = await tx.select().from(framework).where(eq(framework.id, found.replacesFrameworkId));
    if (old && old.status === "published")
      await tx
        .update(framework)
        .set({
          status: "deprecated",
          document: documentWithStatus(old.document as CfDocument, "deprecated", today, now),
        })
        .where(eq(framework.id, old.id));
  });
}

function label(item: { code: string | null; fullStatement: string }): string {
  return item.code ?? item.fullStatement.slice(0, 40);
}
