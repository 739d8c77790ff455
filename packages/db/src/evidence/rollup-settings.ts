import { CairnError, DEFAULT_ROLLUP_RULE, type RollupRule, type RollupSettingBody } from "@cairn/core";
import { and, eq, isNull } from "drizzle-orm";
import type { DbContext } from "../context";
import type { Db } from "../database";
import { findFramework } from "../framework/export-case";
import { recordAuditEvent } from "../privacy/audit";
import { rollupSetting } from "../schema";
import { adminDistrict } from "./method-settings";

/** The district's roll-up rules: the default (framework null) and per framework. */
export async function rollupRules(db: Db, districtId: string) {
  const rows = await db.select().from(rollupSetting).where(eq(rollupSetting.districtId, districtId));
  return rows.map((row) => ({
    frameworkId: row.frameworkId,
    rule: row.rule as RollupRule,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** The rule for one framework: its own, else the district's, else every child mastered. */
export function ruleFor(rules: Awaited<ReturnType<typeof rollupRules>>, frameworkId: string): RollupRule {
  return (
    rules.find((rule) => rule.frameworkId === frameworkId)?.rule ??
    rules.find((rule) => rule.frameworkId === null)?.rule ??
    DEFAULT_ROLLUP_RULE
  );
}

export function listRollupRules(ctx: DbContext) {
  return rollupRules(ctx.db, adminDistrict(ctx));
}

/** Sets (or with a null rule, removes) the district's default or one framework's rule; audited. Roll-ups are read live, so nothing is recomputed. */
export async function setRollupRule(ctx: DbContext, body: RollupSettingBody): Promise<void> {
  const districtId = adminDistrict(ctx);
  const frameworkId = body.frameworkId === null ? null : (await findFramework(ctx, body.frameworkId)).id;
  if (body.rule?.rule === "share" && !(body.rule.share > 0 && body.rule.share <= 1))
    throw new CairnError("validation", "the share must be above 0 and at most 1");
  await ctx.db.transaction(async (tx) => {
    const sameScope = and(
      eq(rollupSetting.districtId, districtId),
      frameworkId ? eq(rollupSetting.frameworkId, frameworkId) : isNull(rollupSetting.frameworkId),
    );
    const [before] = await tx.select({ rule: rollupSetting.rule }).from(rollupSetting).where(sameScope);
    await tx.delete(rollupSetting).where(sameScope);
    if (body.rule)
      await tx.insert(rollupSetting).values({ districtId, frameworkId, rule: body.rule, updatedAt: ctx.now });
    await recordAuditEvent(
      { ...ctx, db: tx },
      {
        action: "rollup_rule.set",
        subjectKind: frameworkId ? "framework" : "district",
        subjectId: frameworkId ?? districtId,
        districtId,
        details: { before: before?.rule ?? null, after: body.rule },
      },
    );
  });
}
