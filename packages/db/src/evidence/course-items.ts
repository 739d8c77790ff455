import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../database";
import { courseItem, frameworkAssociation } from "../schema";

/** The items a course works on, in order. */
export async function courseItemIds(db: Db, districtId: string, courseCode: string): Promise<string[]> {
  const rows = await db
    .select({ itemId: courseItem.itemId })
    .from(courseItem)
    .where(and(eq(courseItem.districtId, districtId), eq(courseItem.courseCode, courseCode)))
    .orderBy(asc(courseItem.position));
  return rows.map((row) => row.itemId);
}

/** Each item's parent in its framework's tree (the CASE isChildOf association), when it has one there. */
export async function parentsOf(db: Db, itemIds: readonly string[]): Promise<Map<string, string>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .select({ child: frameworkAssociation.originItemId, parent: frameworkAssociation.destinationItemId })
    .from(frameworkAssociation)
    .where(
      and(
        eq(frameworkAssociation.associationType, "isChildOf"),
        inArray(frameworkAssociation.originItemId, [...itemIds]),
      ),
    );
  return new Map(rows.flatMap((row) => (row.child && row.parent ? [[row.child, row.parent] as const] : [])));
}
