import {
  allPrerequisites,
  allUnlocked,
  CairnError,
  type CfDocument,
  type CfItem,
  type CfRubric,
  exemplarLevel,
  type FrameworkItemDetail,
  type ItemRef,
  itemRubricIdentifier,
  neighbourhood,
  scaleFor,
} from "@cairn/core";
import { and, eq, or } from "drizzle-orm";
import type { DbContext } from "../context";
import { frameworkAssociation, frameworkItem, frameworkRubric } from "../schema";
import { canEditFramework } from "./edit-framework";
import { findFramework } from "./export-case";
import { prerequisiteMapOf } from "./prerequisites";

/** The map draws two steps each way, at most this many items each way: enough to read, not a hairball. */
export const MAP_NEIGHBOURS = 12;
const MAP_DEPTH = 2;

/**
 * One item with everything a teacher needs to read it: its place in the tree, what comes
 * before and after it on the prerequisite map, its other alignments (including ones to
 * other frameworks), the rubric criteria that score it, and the scale it is rated on.
 */
export async function getFrameworkItem(
  ctx: Pick<DbContext, "db" | "viewer">,
  frameworkIdOrIdentifier: string,
  itemId: string,
): Promise<FrameworkItemDetail> {
  const found = await findFramework(ctx, frameworkIdOrIdentifier);
  const [row] = await ctx.db
    .select()
    .from(frameworkItem)
    .where(and(eq(frameworkItem.id, itemId), eq(frameworkItem.frameworkId, found.id)));
  if (!row) throw new CairnError("not_found", `item ${itemId} not found in this framework`);
  const [associations, rubrics, loaded] = await Promise.all([
    ctx.db
      .select()
      .from(frameworkAssociation)
      .where(
        and(
          eq(frameworkAssociation.frameworkId, found.id),
          or(eq(frameworkAssociation.originItemId, itemId), eq(frameworkAssociation.destinationItemId, itemId)),
        ),
      )
      .orderBy(frameworkAssociation.position),
    ctx.db
      .select({ json: frameworkRubric.caseJson })
      .from(frameworkRubric)
      .where(eq(frameworkRubric.frameworkId, found.id)),
    prerequisiteMapOf(ctx, found.id, found.status),
  ]);
  const ref = (id: string | null): ItemRef | null => (id ? (loaded.items.get(id) ?? null) : null);
  const refs = (ids: (string | null)[]) => ids.flatMap((id) => ref(id) ?? []);
  const item = row.caseJson as CfItem;
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

  const prerequisites = allPrerequisites(loaded.map, itemId);
  const unlocks = allUnlocked(loaded.map, itemId);
  const near = neighbourhood(loaded.map, itemId, { depth: MAP_DEPTH, limit: MAP_NEIGHBOURS });
  const shown = new Map<string, "self" | "prerequisite" | "unlock">([[itemId, "self"]]);
  for (const id of near.prerequisites) shown.set(id, "prerequisite");
  for (const id of near.unlocks) shown.set(id, "unlock");
  const edges = [...shown.keys()].flatMap((after) =>
    (loaded.map.prerequisitesOf.get(after) ?? [])
      .filter((before) => shown.has(before))
      .map((before) => ({ before, after })),
  );

  const parentLink = associations.find((link) => link.associationType === "isChildOf" && link.originItemId === itemId);
  return {
    framework: {
      id: found.id,
      title: found.title,
      status: found.status as FrameworkItemDetail["framework"]["status"],
      canEdit: found.status === "draft" && canEditFramework(ctx.viewer, found),
    },
    item: {
      id: row.id,
      code: row.code,
      fullStatement: row.fullStatement,
      identifier: row.caseIdentifier,
      uri: item.uri,
      abbreviatedStatement: text(item.abbreviatedStatement),
      itemType: row.itemType,
      educationLevels: row.educationLevels,
      listEnumeration: text(item.listEnumeration),
      conceptKeywords: Array.isArray(item.conceptKeywords) ? (item.conceptKeywords as string[]) : [],
      notes: text(item.notes),
      language: text(item.language),
      lifelong:
        typeof item.extensions?.["cairn:lifelong"] === "boolean"
          ? (item.extensions["cairn:lifelong"] as boolean)
          : null,
    },
    parent: ref(parentLink?.destinationItemId ?? null),
    children: refs(
      associations
        .filter((link) => link.associationType === "isChildOf" && link.destinationItemId === itemId)
        .sort((a, b) => (a.sequenceNumber ?? a.position) - (b.sequenceNumber ?? b.position))
        .map((link) => link.originItemId),
    ),
    prerequisites: refs([...(loaded.map.prerequisitesOf.get(itemId) ?? [])]),
    unlocks: refs([...(loaded.map.unlocksOf.get(itemId) ?? [])]),
    map: {
      nodes: [...shown].flatMap(([id, relation]) => {
        const node = ref(id);
        return node ? [{ ...node, relation }] : [];
      }),
      edges,
      totalPrerequisites: prerequisites.length,
      totalUnlocks: unlocks.length,
    },
    associations: associations
      .filter((link) => link.associationType !== "isChildOf" && link.associationType !== "precedes")
      .map((link) => {
        const outgoing = link.originItemId === itemId;
        const json = link.caseJson as {
          originNodeURI: { title: string; uri: string };
          destinationNodeURI: { title: string; uri: string };
        };
        const end = outgoing ? json.destinationNodeURI : json.originNodeURI;
        const targetId = outgoing ? link.destinationItemId : link.originItemId;
        return {
          type: link.associationType,
          direction: outgoing ? ("outgoing" as const) : ("incoming" as const),
          sequenceNumber: link.sequenceNumber,
          target: {
            itemId: targetId,
            code: ref(targetId)?.code ?? null,
            title: end.title,
            uri: end.uri,
            external: targetId === null,
          },
        };
      }),
    exemplars: associations
      .filter((link) => link.associationType === "exemplar" && link.originItemId === itemId)
      .map((link) => {
        const json = link.caseJson as {
          destinationNodeURI: { title: string; uri: string };
          extensions?: Record<string, unknown>;
        };
        return {
          id: link.id,
          title: json.destinationNodeURI.title,
          uri: json.destinationNodeURI.uri,
          levelCode: exemplarLevel(json),
        };
      }),
    rubricCriteria: rubrics.flatMap(({ json }) => {
      const rubric = json as CfRubric;
      const ownRubric = rubric.identifier === itemRubricIdentifier({ identifier: row.caseIdentifier });
      return (rubric.CFRubricCriteria ?? [])
        .filter((criterion) => criterion.CFItemURI?.identifier === row.caseIdentifier)
        .map((criterion) => ({
          rubricTitle: text(rubric.title),
          itemRubric: ownRubric,
          category: text(criterion.category),
          description: text(criterion.description),
          weight: criterion.weight ?? null,
          levels: [...(criterion.CFRubricCriterionLevels ?? [])]
            .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
            .map((level) => ({
              quality: text(level.quality),
              score: level.score ?? null,
              description: text(level.description),
              feedback: text(level.feedback),
            })),
        }));
    }),
    scale: scaleFor(found.document as CfDocument, item),
  };
}
