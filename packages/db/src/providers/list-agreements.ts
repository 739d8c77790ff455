import { type Agreement, type AgreementStatus, CairnError, isAgreementInForce } from "@cairn/core";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import { agreementSchool, dataSharingAgreement, provider, providerToken, school } from "../schema";
import { presentToken, tokenColumns } from "./present";
import { inAdministeredDistricts } from "./scope";

/** The agreements of the districts the viewer administers, with their schools and tokens. */
export async function listAgreements(ctx: DbContext): Promise<Agreement[]> {
  return selectAgreements(ctx, inAdministeredDistricts(ctx.viewer, dataSharingAgreement.districtId));
}

/** One agreement the viewer administers; "not found" otherwise. */
export async function getAgreement(ctx: DbContext, agreementId: string): Promise<Agreement> {
  const [found] = await selectAgreements(
    ctx,
    and(inAdministeredDistricts(ctx.viewer, dataSharingAgreement.districtId), eq(dataSharingAgreement.id, agreementId)),
  );
  if (!found) throw new CairnError("not_found", "agreement not found");
  return found;
}

async function selectAgreements(ctx: DbContext, where: SQL | undefined): Promise<Agreement[]> {
  const rows = await ctx.db
    .select({ agreement: dataSharingAgreement, providerName: provider.name })
    .from(dataSharingAgreement)
    .innerJoin(provider, eq(provider.id, dataSharingAgreement.providerId))
    .where(where)
    .orderBy(asc(provider.name), asc(dataSharingAgreement.startsOn), asc(dataSharingAgreement.id));
  const ids = rows.map((row) => row.agreement.id);
  if (ids.length === 0) return [];
  const [schools, tokens] = await Promise.all([
    ctx.db
      .select({ agreementId: agreementSchool.agreementId, id: school.id, name: school.name })
      .from(agreementSchool)
      .innerJoin(school, eq(school.id, agreementSchool.schoolId))
      .where(inArray(agreementSchool.agreementId, ids))
      .orderBy(asc(school.name)),
    ctx.db
      .select(tokenColumns(providerToken))
      .from(providerToken)
      .where(inArray(providerToken.agreementId, ids))
      .orderBy(asc(providerToken.createdAt), asc(providerToken.id)),
  ]);
  const today = isoDate(ctx.now);
  return rows.map(({ agreement, providerName }) => ({
    id: agreement.id,
    districtId: agreement.districtId,
    provider: { id: agreement.providerId, name: providerName },
    purpose: agreement.purpose,
    dataElements: agreement.dataElements,
    schools: schools.filter((row) => row.agreementId === agreement.id).map(({ id, name }) => ({ id, name })),
    startsOn: agreement.startsOn,
    endsOn: agreement.endsOn,
    retention: agreement.retention,
    destroyBy: agreement.destroyBy,
    breachContact: agreement.breachContact,
    status: agreement.status as AgreementStatus,
    inForce: isAgreementInForce(agreement, today),
    tokens: tokens.filter((row) => row.agreementId === agreement.id).map(presentToken),
    createdAt: agreement.createdAt.toISOString(),
    updatedAt: agreement.updatedAt.toISOString(),
  }));
}
