import { isAgreementInForce, type ProviderInForce } from "@cairn/core";
import { asc, eq, inArray } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import { agreementSchool, dataSharingAgreement, provider, school } from "../schema";

/**
 * The providers that receive a district's student data today, with what, why, where and
 * until when: the public list beside the annual notice. Read-only over the agreements,
 * which the providers module keeps; an agreement is listed while it is in force
 * (`isAgreementInForce`, the providers module's rule).
 */
export async function listProvidersInForce(ctx: DbContext, districtId: string): Promise<ProviderInForce[]> {
  const today = isoDate(ctx.now);
  const agreements = await ctx.db
    .select({
      id: dataSharingAgreement.id,
      status: dataSharingAgreement.status,
      startsOn: dataSharingAgreement.startsOn,
      endsOn: dataSharingAgreement.endsOn,
      destroyBy: dataSharingAgreement.destroyBy,
      purpose: dataSharingAgreement.purpose,
      dataElements: dataSharingAgreement.dataElements,
      providerName: provider.name,
      website: provider.website,
    })
    .from(dataSharingAgreement)
    .innerJoin(provider, eq(provider.id, dataSharingAgreement.providerId))
    .where(eq(dataSharingAgreement.districtId, districtId))
    .orderBy(asc(provider.name), asc(dataSharingAgreement.startsOn), asc(dataSharingAgreement.id));
  const inForce = agreements.filter((agreement) => isAgreementInForce(agreement, today));
  if (inForce.length === 0) return [];
  const schools = await ctx.db
    .select({ agreementId: agreementSchool.agreementId, name: school.name })
    .from(agreementSchool)
    .innerJoin(school, eq(school.id, agreementSchool.schoolId))
    .where(
      inArray(
        agreementSchool.agreementId,
        inForce.map((agreement) => agreement.id),
      ),
    )
    .orderBy(asc(school.name));
  return inForce.map((agreement) => ({
    providerName: agreement.providerName,
    website: agreement.website,
    purpose: agreement.purpose,
    dataElements: agreement.dataElements,
    schools: schools.filter((row) => row.agreementId === agreement.id).map((row) => row.name),
    startsOn: agreement.startsOn,
    endsOn: agreement.endsOn,
  }));
}
