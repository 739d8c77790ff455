import { and, eq, isNull, lte, ne } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import { recordAuditEvent } from "../privacy/audit";
import { dataSharingAgreement, destructionRecord, provider, providerToken } from "../schema";
import { inAdministeredDistricts } from "./scope";

export interface EndedAgreement {
  agreementId: string;
  districtId: string;
  providerName: string;
  destroyBy: string;
  tokensRevoked: number;
}

/**
 * Ends every agreement whose destruction date has come: its tokens are revoked, its status
 * becomes `destroyed`, and a destruction record and an audit event are written, all in
 * one transaction per agreement. Running it again finds nothing more to do.
 */
export async function enforceAgreementEnds(ctx: DbContext): Promise<EndedAgreement[]> {
  const today = isoDate(ctx.now);
  const due = await ctx.db
    .select({ id: dataSharingAgreement.id })
    .from(dataSharingAgreement)
    .where(
      and(
        inAdministeredDistricts(ctx.viewer, dataSharingAgreement.districtId),
        lte(dataSharingAgreement.destroyBy, today),
        ne(dataSharingAgreement.status, "destroyed"),
      ),
    )
    .orderBy(dataSharingAgreement.destroyBy, dataSharingAgreement.id);
  const ended: EndedAgreement[] = [];
  for (const { id } of due) {
    const result = await endAgreement(ctx, id, today);
    if (result) ended.push(result);
  }
  return ended;
}

async function endAgreement(ctx: DbContext, agreementId: string, today: string): Promise<EndedAgreement | null> {
  return ctx.db.transaction(async (tx) => {
    // Locking the row makes a concurrent run wait, then find it destroyed and skip it.
    const [claimed] = await tx
      .select()
      .from(dataSharingAgreement)
      .where(eq(dataSharingAgreement.id, agreementId))
      .for("update");
    if (!claimed || claimed.status === "destroyed" || claimed.destroyBy > today) return null;
    await tx
      .update(dataSharingAgreement)
      .set({ status: "destroyed", updatedAt: ctx.now })
      .where(eq(dataSharingAgreement.id, agreementId));
    const [owner] = await tx.select({ name: provider.name }).from(provider).where(eq(provider.id, claimed.providerId));
    const revoked = await tx
      .update(providerToken)
      .set({ revokedAt: ctx.now })
      .where(and(eq(providerToken.agreementId, agreementId), isNull(providerToken.revokedAt)))
      .returning({ id: providerToken.id });
    const providerName = owner?.name ?? claimed.providerId;
    const recordedBy = describeRecorder(ctx);
    const statement = `Access ended on ${today}: ${revoked.length} token(s) revoked. ${providerName} must destroy its copy of ${claimed.dataElements.join(", ")} by ${claimed.destroyBy} (retention: ${claimed.retention}).`;
    await tx.insert(destructionRecord).values({
      districtId: claimed.districtId,
      agreementId,
      providerName,
      dataElements: claimed.dataElements,
      destroyBy: claimed.destroyBy,
      recordedAt: ctx.now,
      recordedBy,
      statement,
    });
    await recordAuditEvent(
      { ...ctx, db: tx },
      {
        action: "agreement.destroyed",
        subjectKind: "data_sharing_agreement",
        subjectId: agreementId,
        districtId: claimed.districtId,
        details: {
          provider: providerName,
          previousStatus: claimed.status,
          tokensRevoked: revoked.length,
          destroyBy: claimed.destroyBy,
        },
      },
    );
    return {
      agreementId,
      districtId: claimed.districtId,
      providerName,
      destroyBy: claimed.destroyBy,
      tokensRevoked: revoked.length,
    };
  });
}

function describeRecorder(ctx: DbContext): string {
  const { viewer } = ctx;
  switch (viewer.kind) {
    case "operator":
      return `operator ${viewer.name}`;
    case "system":
      return `system job ${viewer.job}`;
    case "provider":
      return viewer.providerName;
    case "person":
      return viewer.personId;
  }
}
