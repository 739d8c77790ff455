import { CairnError, type ProviderToken } from "@cairn/core";
import { and, eq, isNull } from "drizzle-orm";
import type { DbContext } from "../context";
import { recordAuditEvent } from "../privacy/audit";
import { dataSharingAgreement, provider, providerToken } from "../schema";
import { presentToken, tokenColumns } from "./present";
import { inAdministeredDistricts } from "./scope";

/** Ends a token now. Revoking a revoked token changes nothing and is not an error. */
export async function revokeProviderToken(ctx: DbContext, tokenId: string): Promise<ProviderToken> {
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        token: tokenColumns(providerToken),
        districtId: dataSharingAgreement.districtId,
        providerName: provider.name,
      })
      .from(providerToken)
      .innerJoin(dataSharingAgreement, eq(dataSharingAgreement.id, providerToken.agreementId))
      .innerJoin(provider, eq(provider.id, dataSharingAgreement.providerId))
      .where(and(eq(providerToken.id, tokenId), inAdministeredDistricts(ctx.viewer, dataSharingAgreement.districtId)));
    if (!found) throw new CairnError("not_found", "token not found");
    if (found.token.revokedAt) return presentToken(found.token);
    const [revoked] = await tx
      .update(providerToken)
      .set({ revokedAt: ctx.now })
      .where(and(eq(providerToken.id, tokenId), isNull(providerToken.revokedAt)))
      .returning(tokenColumns(providerToken));
    if (!revoked) throw new Error("token vanished while being revoked");
    await recordAuditEvent(
      { ...ctx, db: tx },
      {
        action: "provider_token.revoked",
        subjectKind: "provider_token",
        subjectId: tokenId,
        districtId: found.districtId,
        details: { agreementId: found.token.agreementId, provider: found.providerName, label: found.token.label },
      },
    );
    return presentToken(revoked);
  });
}
