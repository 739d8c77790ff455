import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../database";
import { framework, frameworkItem } from "../schema";

/** Test-only: the first items of the demo's published mathematics framework (default scale 1–4, mastery 3). */
export async function demoMathItems(db: Db, count: number): Promise<string[]> {
  const rows = await db
    .select({ id: frameworkItem.id })
    .from(frameworkItem)
    .innerJoin(framework, eq(framework.id, frameworkItem.frameworkId))
    .where(and(eq(framework.title, "Mathematics K–8 (Common Core)"), eq(framework.status, "published")))
    .orderBy(asc(frameworkItem.position))
    .limit(count);
  return rows.map((row) => row.id);
}

export const evidenceBody = (itemId: string, score: number, more: Record<string, unknown> = {}) => ({
  kind: "assessment" as const,
  setting: "classroom" as const,
  title: "Unit check",
  occurredAt: "2026-10-20T10:00:00Z",
  scores: [{ itemId, score }],
  ...more,
});
