import type { FrameworkSummary } from "@cairn/core";
import { asc, count, eq } from "drizzle-orm";
import type { DbContext } from "../context";
import { framework, frameworkItem } from "../schema";
import { readableFrameworks } from "./access";

/** The frameworks the viewer may read, by title. */
export async function listFrameworks(ctx: Pick<DbContext, "db" | "viewer">): Promise<FrameworkSummary[]> {
  const itemCounts = ctx.db
    .select({ frameworkId: frameworkItem.frameworkId, items: count().as("items") })
    .from(frameworkItem)
    .groupBy(frameworkItem.frameworkId)
    .as("item_counts");
  const rows = await ctx.db
    .select({
      id: framework.id,
      identifier: framework.caseIdentifier,
      title: framework.title,
      version: framework.version,
      status: framework.status,
      districtId: framework.districtId,
      items: itemCounts.items,
    })
    .from(framework)
    .leftJoin(itemCounts, eq(itemCounts.frameworkId, framework.id))
    .where(readableFrameworks(ctx.viewer))
    .orderBy(asc(framework.title), asc(framework.version));
  return rows.map((row) => ({
    ...row,
    status: row.status as FrameworkSummary["status"],
    items: Number(row.items ?? 0),
  }));
}
