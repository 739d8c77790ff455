import { sql } from "drizzle-orm";
import type { DbContext } from "../context";

export interface RelatedItem {
  id: string;
  code: string | null;
  fullStatement: string;
  /** Steps away along the prerequisite map: 1 for a direct prerequisite or unlock. */
  distance: number;
}

/**
 * Every item that comes before (`prerequisites`) or after (`unlocks`) an item on the
 * prerequisite map, nearest first, walked in the database with a recursive query over
 * the `precedes` associations (the map is acyclic, so the walk ends).
 */
export async function relatedOnPrerequisiteMap(
  ctx: Pick<DbContext, "db">,
  itemId: string,
  direction: "prerequisites" | "unlocks",
): Promise<RelatedItem[]> {
  const [from, to] =
    direction === "prerequisites"
      ? [sql.raw("destination_item_id"), sql.raw("origin_item_id")]
      : [sql.raw("origin_item_id"), sql.raw("destination_item_id")];
  const result = await ctx.db.execute(sql`
    with recursive walk(item_id, distance) as (
      select ${to}, 1 from framework_association
       where association_type = 'precedes' and ${from} = ${itemId} and ${to} is not null
      union
      select a.${to}, w.distance + 1 from framework_association a
        join walk w on a.${from} = w.item_id
       where a.association_type = 'precedes' and a.${to} is not null
    )
    select i.id, i.code, i.full_statement as "fullStatement", min(w.distance)::int as distance
      from walk w join framework_item i on i.id = w.item_id
     group by i.id, i.code, i.full_statement
     order by distance, i.code`);
  return (result as unknown as { rows: RelatedItem[] }).rows;
}
