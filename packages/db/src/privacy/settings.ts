import {
  CairnError,
  DEFAULT_PRIVACY_SETTINGS,
  type PrivacySettings,
  type PrivacySettingsBody,
  privacySettingsBodySchema,
} from "@cairn/core";
import { eq, inArray } from "drizzle-orm";
import type { DbContext } from "../context";
import type { Db } from "../database";
import { district, districtPrivacySettings } from "../schema";
import { recordAuditEvent } from "./audit";

/** Only a district admin of this very district may read or change its privacy settings; anyone else: not found. */
function requireDistrictAdmin(ctx: DbContext, districtId: string): void {
  const { viewer } = ctx;
  const isAdmin =
    viewer.kind === "operator" ||
    (viewer.kind === "person" &&
      viewer.grants.some((grant) => grant.role === "district_admin" && grant.districtId === districtId));
  if (!isAdmin) throw new CairnError("not_found", "district not found");
}

/** A district's settings as stored, or the defaults; no rights checked (for reports and policies). */
export async function privacySettingsOf(
  db: Db,
  districtIds: readonly string[],
): Promise<Map<string, PrivacySettingsBody & { updatedAt: Date | null }>> {
  const rows =
    districtIds.length === 0
      ? []
      : await db
          .select()
          .from(districtPrivacySettings)
          .where(inArray(districtPrivacySettings.districtId, [...districtIds]));
  return new Map(
    districtIds.map((id) => {
      const row = rows.find((candidate) => candidate.districtId === id);
      return [
        id,
        row
          ? {
              minimumGroupSize: row.minimumGroupSize,
              pastStudentAccessDays: row.pastStudentAccessDays,
              retentionYearsAfterExit: row.retentionYearsAfterExit,
              updatedAt: row.updatedAt,
            }
          : { ...DEFAULT_PRIVACY_SETTINGS, updatedAt: null },
      ];
    }),
  );
}

async function readSettings(ctx: DbContext, districtId: string): Promise<PrivacySettings> {
  const [found] = await ctx.db.select({ id: district.id }).from(district).where(eq(district.id, districtId));
  if (!found) throw new CairnError("not_found", "district not found");
  const settings = (await privacySettingsOf(ctx.db, [districtId])).get(districtId) as PrivacySettingsBody & {
    updatedAt: Date | null;
  };
  return { districtId, ...settings, updatedAt: settings.updatedAt?.toISOString() ?? null };
}

export async function getPrivacySettings(ctx: DbContext, districtId: string): Promise<PrivacySettings> {
  requireDistrictAdmin(ctx, districtId);
  return readSettings(ctx, districtId);
}

/**
 * Saves all three settings at once, and writes the change (before and after) to the audit
 * trail in the same transaction: these settings decide who may see what.
 */
export async function updatePrivacySettings(
  ctx: DbContext,
  districtId: string,
  body: PrivacySettingsBody,
): Promise<PrivacySettings> {
  requireDistrictAdmin(ctx, districtId);
  const parsed = privacySettingsBodySchema.safeParse(body);
  if (!parsed.success) {
    throw new CairnError(
      "validation",
      "the privacy settings are out of range",
      parsed.error.issues.map((issue) => ({ path: issue.path as (string | number)[], message: issue.message })),
    );
  }
  const next = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const before = await readSettings(inTx, districtId);
    await tx
      .insert(districtPrivacySettings)
      .values({ districtId, ...next, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: districtPrivacySettings.districtId, set: { ...next, updatedAt: ctx.now } });
    await recordAuditEvent(inTx, {
      action: "privacy_settings.updated",
      subjectKind: "district",
      subjectId: districtId,
      districtId,
      details: {
        before: {
          minimumGroupSize: before.minimumGroupSize,
          pastStudentAccessDays: before.pastStudentAccessDays,
          retentionYearsAfterExit: before.retentionYearsAfterExit,
        },
        after: next,
      },
    });
    return { districtId, ...next, updatedAt: ctx.now.toISOString() };
  });
}
