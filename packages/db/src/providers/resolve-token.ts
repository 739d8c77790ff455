import { isAgreementInForce, type Viewer } from "@cairn/core";
import { and, eq, gt, isNull } from "drizzle-orm";
import { isoDate } from "../context";
import type { Db } from "../database";
import { agreementSchool, dataSharingAgreement, provider, providerToken } from "../schema";
import { hashProviderToken } from "./tokens";

export type ProviderViewer = Viewer & { kind: "provider" };

/**
 * The provider a bearer token speaks for, or null for a token that is unknown, revoked,
 * expired, or whose agreement is not in force today. The caller cannot tell which: all
 * four are simply "no access".
 */
export async function resolveProviderToken(db: Db, token: string, now: Date): Promise<ProviderViewer | null> {
  if (token.length === 0 || token.length > 512) return null;
  const [found] = await db
    .select({
      tokenId: providerToken.id,
      agreement: {
        id: dataSharingAgreement.id,
        districtId: dataSharingAgreement.districtId,
        status: dataSharingAgreement.status,
        startsOn: dataSharingAgreement.startsOn,
        endsOn: dataSharingAgreement.endsOn,
        destroyBy: dataSharingAgreement.destroyBy,
        dataElements: dataSharingAgreement.dataElements,
      },
      providerId: provider.id,
      providerName: provider.name,
    })
    .from(providerToken)
    .innerJoin(dataSharingAgreement, eq(dataSharingAgreement.id, providerToken.agreementId))
    .innerJoin(provider, eq(provider.id, dataSharingAgreement.providerId))
    .where(
      and(
        eq(providerToken.tokenHash, hashProviderToken(token)),
        isNull(providerToken.revokedAt),
        gt(providerToken.expiresAt, now),
      ),
    );
  if (!found || !isAgreementInForce(found.agreement, isoDate(now))) return null;
  const schools = await db
    .select({ schoolId: agreementSchool.schoolId })
    .from(agreementSchool)
    .where(eq(agreementSchool.agreementId, found.agreement.id));
  await db.update(providerToken).set({ lastUsedAt: now }).where(eq(providerToken.id, found.tokenId));
  return {
    kind: "provider",
    providerId: found.providerId,
    providerName: found.providerName,
    agreementId: found.agreement.id,
    districtId: found.agreement.districtId,
    schoolIds: schools.map((row) => row.schoolId),
    dataElements: found.agreement.dataElements,
  };
}
