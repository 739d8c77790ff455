import { type Agreement, CairnError, type CreateAgreementBody } from "@cairn/core";
import { and, eq, inArray } from "drizzle-orm";
import type { DbContext } from "../context";
import type { Db } from "../database";
import { recordAuditEvent } from "../privacy/audit";
import { agreementSchool, dataSharingAgreement, provider, school } from "../schema";
import { getAgreement } from "./list-agreements";
import { inAdministeredDistricts } from "./scope";

/** Records a data-sharing agreement with one of the district's providers, over some of its schools. */
export async function createAgreement(ctx: DbContext, body: CreateAgreementBody): Promise<Agreement> {
  const id = await ctx.db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ districtId: provider.districtId, name: provider.name })
      .from(provider)
      .where(and(eq(provider.id, body.providerId), inAdministeredDistricts(ctx.viewer, provider.districtId)));
    if (!owner)
      throw new CairnError("not_found", "provider not found", [{ path: ["body", "providerId"], message: "not found" }]);
    await requireDistrictSchools(tx, owner.districtId, body.schoolIds);
    const { providerId, schoolIds, ...terms } = body;
    const [created] = await tx
      .insert(dataSharingAgreement)
      .values({ ...terms, providerId, districtId: owner.districtId, createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: dataSharingAgreement.id });
    if (!created) throw new Error("agreement insert returned nothing");
    await tx.insert(agreementSchool).values(schoolIds.map((schoolId) => ({ agreementId: created.id, schoolId })));
    await recordAuditEvent(
      { ...ctx, db: tx },
      {
        action: "agreement.created",
        subjectKind: "data_sharing_agreement",
        subjectId: created.id,
        districtId: owner.districtId,
        details: { provider: owner.name, ...terms, schoolIds },
      },
    );
    return created.id;
  });
  return getAgreement(ctx, id);
}

/** Every school must be the district's own: an agreement cannot reach into another district. */
export async function requireDistrictSchools(db: Db, districtId: string, schoolIds: string[]): Promise<void> {
  const found = await db
    .select({ id: school.id })
    .from(school)
    .where(and(eq(school.districtId, districtId), inArray(school.id, schoolIds)));
  const known = new Set(found.map((row) => row.id));
  const missing = schoolIds.flatMap((schoolId, index) =>
    known.has(schoolId) ? [] : [{ path: ["body", "schoolIds", index], message: "not a school of this district" }],
  );
  if (missing.length > 0)
    throw new CairnError("validation", "the agreement names schools outside the district", missing);
}
