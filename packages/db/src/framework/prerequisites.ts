import { allPrerequisites, allUnlocked, buildPrerequisiteMap, CairnError, type PrerequisiteMap } from "@cairn/core";
import { and, eq } from "drizzle-orm";
import type { DbContext } from "../context";
import { framework, frameworkAssociation, frameworkItem } from "../schema";
import { readableFrameworks } from "./access";

export interface RelatedItem {
  id: string;
  code: string | null;
  fullStatement: string;
}

export interface LoadedMap {
  map: PrerequisiteMap;
  items: Map<string, RelatedItem>;
}

/**
 * Published frameworks never change, so their prerequisite maps are read once and kept in
 * memory (a few MB for 10,000 items); a handful of frameworks are kept, least recently
 * used first out. Drafts change, so they are read afresh each time.
 */
const CACHED_FRAMEWORKS = 16;
const publishedMaps = new Map<string, Promise<LoadedMap>>();

/**
 * Every item that comes before (`prerequisites`) or after (`unlocks`) an item on the
 * framework's prerequisite map (its `precedes` associations), nearest first.
 */
export async function relatedOnPrerequisiteMap(
  ctx: Pick<DbContext, "db" | "viewer">,
  itemId: string,
  direction: "prerequisites" | "unlocks",
): Promise<RelatedItem[]> {
  const [found] = await ctx.db
    .select({ frameworkId: framework.id, status: framework.status })
    .from(frameworkItem)
    .innerJoin(framework, eq(framework.id, frameworkItem.frameworkId))
    .where(and(eq(frameworkItem.id, itemId), readableFrameworks(ctx.viewer)));
  if (!found) throw new CairnError("not_found", `item ${itemId} not found`);
  const loaded = await prerequisiteMapOf(ctx, found.frameworkId, found.status);
  const ids = direction === "prerequisites" ? allPrerequisites(loaded.map, itemId) : allUnlocked(loaded.map, itemId);
  return ids.flatMap((id) => loaded.items.get(id) ?? []);
}

export function prerequisiteMapOf(ctx: Pick<DbContext, "db">, frameworkId: string, status: string): Promise<LoadedMap> {
  if (status === "draft") return loadMap(ctx, frameworkId);
  let loading = publishedMaps.get(frameworkId);
  if (loading) publishedMaps.delete(frameworkId);
  else {
    loading = loadMap(ctx, frameworkId);
    loading.catch(() => publishedMaps.delete(frameworkId));
  }
  publishedMaps.set(frameworkId, loading);
  while (publishedMaps.size > CACHED_FRAMEWORKS) publishedMaps.delete(publishedMaps.keys().next().value as string);
  return loading;
}

async function loadMap(ctx: Pick<DbContext, "db">, frameworkId: string): Promise<LoadedMap> {
  const [edges, items] = await Promise.all([
    ctx.db
      .select({ before: frameworkAssociation.originItemId, after: frameworkAssociation.destinationItemId })
      .from(frameworkAssociation)
      .where(
        and(eq(frameworkAssociation.frameworkId, frameworkId), eq(frameworkAssociation.associationType, "precedes")),
      ),
    ctx.db
      .select({ id: frameworkItem.id, code: frameworkItem.code, fullStatement: frameworkItem.fullStatement })
      .from(frameworkItem)
      .where(eq(frameworkItem.frameworkId, frameworkId)),
  ]);
  // Prerequisites outside the framework are external references: they are not on this map.
  const internal = edges.flatMap((edge) =>
    edge.before && edge.after ? [{ before: edge.before, after: edge.after }] : [],
  );
  return { map: buildPrerequisiteMap(internal), items: new Map(items.map((item) => [item.id, item])) };
}
