import { type Agreement, CairnError, mayChangeAgreementStatus, type UpdateAgreementBody } from "@cairn/core";
import { and, eq } from "drizzle-orm";
import type { DbContext } from "../context";
import { recordAuditEvent } from "../privacy/audit";
import { agreementSchool, dataSharingAgreement } from "../schema";
import { requireDistrictSchools } from "./create-agreement";
import { getAgreement } from "./list-agreements";

/**
 * Changes an agreement's terms or status. The audit event keeps each changed field's
 * value before and after. A destroyed agreement is history and cannot change.
 */
export async function updateAgreement(
  ctx: DbContext,
  agreementId: string,
  body: UpdateAgreementBody,
): Promise<Agreement> {
  const before = await getAgreement(ctx, agreementId);
  if (before.status === "destroyed")
    throw new CairnError("conflict", "the agreement has been destroyed and can no longer change");
  if (body.status && !mayChangeAgreementStatus(before.status, body.status))
    throw new CairnError("conflict", `an agreement that is ${before.status} cannot become ${body.status}`, [
      { path: ["body", "status"], message: `not allowed after ${before.status}` },
    ]);
  const merged = { ...before, ...body };
  const problems = [];
  if (merged.endsOn < merged.startsOn)
    problems.push({ path: ["body", "endsOn"], message: "the agreement must end on or after its start" });
  if (merged.destroyBy <= merged.endsOn)
    problems.push({ path: ["body", "destroyBy"], message: "the destruction date must come after the agreement ends" });
  if (problems.length > 0) throw new CairnError("validation", "the dates are out of order", problems);

  await ctx.db.transaction(async (tx) => {
    const { schoolIds, ...terms } = body;
    if (schoolIds) {
      await requireDistrictSchools(tx, before.districtId, schoolIds);
      await tx.delete(agreementSchool).where(eq(agreementSchool.agreementId, agreementId));
      await tx.insert(agreementSchool).values(schoolIds.map((schoolId) => ({ agreementId, schoolId })));
    }
    const updated = await tx
      .update(dataSharingAgreement)
      .set({ ...terms, updatedAt: ctx.now })
      // The status check closes the race with the enforcement job destroying it meanwhile.
      .where(and(eq(dataSharingAgreement.id, agreementId), eq(dataSharingAgreement.status, before.status)))
      .returning({ id: dataSharingAgreement.id });
    if (updated.length === 0) throw new CairnError("conflict", "the agreement changed meanwhile; reload and try again");
    const beforeValues: Record<string, unknown> = {
      ...before,
      schoolIds: before.schools.map((row) => row.id),
    };
    const changes = Object.fromEntries(
      Object.entries(body).map(([field, value]) => [field, { before: beforeValues[field], after: value }]),
    );
    await recordAuditEvent(
      { ...ctx, db: tx },
      {
        action: "agreement.updated",
        subjectKind: "data_sharing_agreement",
        subjectId: agreementId,
        districtId: before.districtId,
        details: { provider: before.provider.name, changes },
      },
    );
  });
  return getAgreement(ctx, agreementId);
}
