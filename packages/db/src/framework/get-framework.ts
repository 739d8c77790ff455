import { type CfDocument, type FrameworkDetail, scaleFor } from "@cairn/core";
import { and, asc, eq } from "drizzle-orm";
import type { DbContext } from "../context";
import { frameworkAssociation, frameworkItem } from "../schema";
import { canEditFramework, canStartVersion } from "./edit-framework";
import { findFramework } from "./export-case";

/** A framework's description and every item, each with its place in the tree. */
export async function getFramework(
  ctx: Pick<DbContext, "db" | "viewer">,
  idOrIdentifier: string,
): Promise<FrameworkDetail> {
  const found = await findFramework(ctx, idOrIdentifier);
  const [items, tree] = await Promise.all([
    ctx.db
      .select({
        id: frameworkItem.id,
        identifier: frameworkItem.caseIdentifier,
        code: frameworkItem.code,
        fullStatement: frameworkItem.fullStatement,
        itemType: frameworkItem.itemType,
        educationLevels: frameworkItem.educationLevels,
        position: frameworkItem.position,
        json: frameworkItem.caseJson,
      })
      .from(frameworkItem)
      .where(eq(frameworkItem.frameworkId, found.id))
      .orderBy(asc(frameworkItem.position)),
    ctx.db
      .select({
        child: frameworkAssociation.originItemId,
        parent: frameworkAssociation.destinationItemId,
        sequence: frameworkAssociation.sequenceNumber,
      })
      .from(frameworkAssociation)
      .where(and(eq(frameworkAssociation.frameworkId, found.id), eq(frameworkAssociation.associationType, "isChildOf")))
      .orderBy(asc(frameworkAssociation.position)),
  ]);
  // CASE lets an item sit under several parents; the tree shows it under the first one listed.
  const placement = new Map<string, { parentId: string | null; sequence: number | null }>();
  for (const link of tree)
    if (link.child && !placement.has(link.child))
      placement.set(link.child, { parentId: link.parent, sequence: link.sequence });
  const document = found.document as CfDocument;
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
  return {
    framework: {
      id: found.id,
      identifier: found.caseIdentifier,
      title: found.title,
      version: found.version,
      status: found.status as FrameworkDetail["framework"]["status"],
      districtId: found.districtId,
      items: items.length,
      creator: document.creator,
      publisher: text(document.publisher),
      description: text(document.description),
      subjects: Array.isArray(document.subject) ? (document.subject as string[]) : [],
      language: text(document.language),
      adoptionStatus: text(document.adoptionStatus),
      officialSourceUrl: text(document.officialSourceURL),
      licence: text((document.licenseURI as { title?: string } | undefined)?.title),
      lastChangeDateTime: document.lastChangeDateTime,
      sourceCaseVersion: found.sourceCaseVersion as "1.0" | "1.1",
      scale: scaleFor(document),
      replacesFrameworkId: found.replacesFrameworkId,
      canEdit: found.status === "draft" && canEditFramework(ctx.viewer, found),
      canVersion: found.status !== "draft" && canStartVersion(ctx.viewer, found),
    },
    items: items.map(({ json, ...item }) => ({
      ...item,
      abbreviatedStatement: text((json as { abbreviatedStatement?: string }).abbreviatedStatement),
      parentId: placement.get(item.id)?.parentId ?? null,
      sequence: placement.get(item.id)?.sequence ?? null,
    })),
  };
}
