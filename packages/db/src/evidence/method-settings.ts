import { CairnError, type MasteryMethodSetting, type MasteryMethodSettingBody, parseMasteryMethod } from "@cairn/core";
import { and, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { DbContext } from "../context";
import { findFramework } from "../framework/export-case";
import { recordAuditEvent } from "../privacy/audit";
import { evidence, evidenceScore, frameworkItem, masteryMethodSetting } from "../schema";
import { recomputeBatch, STUDENTS_PER_BATCH } from "./recompute-batch";

/** The one district a district admin sets methods for; anyone else may not. */
export function adminDistrict(ctx: DbContext): string {
  const { viewer } = ctx;
  const districts =
    viewer.kind === "person"
      ? viewer.grants.flatMap((grant) =>
          grant.role === "district_admin" && grant.districtId ? [grant.districtId] : [],
        )
      : [];
  if (districts.length === 0) throw new CairnError("forbidden", "only district admins choose mastery methods");
  return districts[0] as string;
}

/** The district's mastery-method settings. */
export async function listMasteryMethodSettings(ctx: DbContext): Promise<MasteryMethodSetting[]> {
  const districtId = adminDistrict(ctx);
  const rows = await ctx.db.select().from(masteryMethodSetting).where(eq(masteryMethodSetting.districtId, districtId));
  return rows.map((row) => ({
    scope: row.itemId ? "item" : row.frameworkId ? "framework" : "district",
    frameworkId: row.frameworkId,
    itemId: row.itemId,
    method: row.method as MasteryMethodSetting["method"],
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/**
 * Chooses the mastery method for the district, one framework or one item, and in the same
 * transaction recomputes every stored value it changes, so mastery never disagrees with
 * its method. The change is in the audit trail.
 */
export async function setMasteryMethod(
  ctx: DbContext,
  body: MasteryMethodSettingBody,
): Promise<{ recomputed: number }> {
  const districtId = adminDistrict(ctx);
  const method = parseMasteryMethod(body.method, body.params ?? {});
  const frameworkId = body.scope === "district" ? null : (await findFramework(ctx, body.frameworkId ?? "")).id;
  let itemId: string | null = null;
  if (body.scope === "item") {
    const [item] = await ctx.db
      .select({ id: frameworkItem.id })
      .from(frameworkItem)
      .where(and(eq(frameworkItem.id, body.itemId ?? ""), eq(frameworkItem.frameworkId, frameworkId ?? "")));
    if (!item) throw new CairnError("not_found", "that item is not in that framework");
    itemId = item.id;
  }
  return ctx.db.transaction(async (tx) => {
    const sameScope = and(
      eq(masteryMethodSetting.districtId, districtId),
      frameworkId ? eq(masteryMethodSetting.frameworkId, frameworkId) : isNull(masteryMethodSetting.frameworkId),
      itemId ? eq(masteryMethodSetting.itemId, itemId) : isNull(masteryMethodSetting.itemId),
    );
    const [before] = await tx
      .select({ method: masteryMethodSetting.method })
      .from(masteryMethodSetting)
      .where(sameScope);
    await tx.delete(masteryMethodSetting).where(sameScope);
    await tx.insert(masteryMethodSetting).values({ districtId, frameworkId, itemId, method, updatedAt: ctx.now });
    await recordAuditEvent(
      { ...ctx, db: tx },
      {
        action: "mastery_method.set",
        subjectKind: body.scope,
        subjectId: itemId ?? frameworkId ?? districtId,
        districtId,
        details: { before: before?.method ?? null, after: method },
      },
    );
    // Every student of the district with evidence on an item the setting reaches.
    const reach: SQL | undefined = itemId
      ? eq(evidenceScore.itemId, itemId)
      : frameworkId
        ? inArray(
            evidenceScore.itemId,
            tx.select({ id: frameworkItem.id }).from(frameworkItem).where(eq(frameworkItem.frameworkId, frameworkId)),
          )
        : undefined;
    const affected = await tx
      .selectDistinct({ studentId: evidence.studentId, itemId: evidenceScore.itemId })
      .from(evidenceScore)
      .innerJoin(evidence, eq(evidence.id, evidenceScore.evidenceId))
      .where(and(eq(evidence.districtId, districtId), reach));
    const students = [...new Set(affected.map((row) => row.studentId))];
    const onlyItems = new Set(affected.map((row) => row.itemId));
    let recomputed = 0;
    for (let start = 0; start < students.length; start += STUDENTS_PER_BATCH)
      recomputed += (
        await recomputeBatch(tx, students.slice(start, start + STUDENTS_PER_BATCH), ctx.now, { onlyItems })
      ).length;
    return { recomputed };
  });
}
