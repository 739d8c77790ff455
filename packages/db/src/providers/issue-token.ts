import { CairnError, type IssuedToken, type IssueTokenBody, tokenExpiryProblem } from "@cairn/core";
import type { DbContext } from "../context";
import { recordAuditEvent } from "../privacy/audit";
import { providerToken } from "../schema";
import { getAgreement } from "./list-agreements";
import { presentToken } from "./present";
import { hashProviderToken, newProviderToken } from "./tokens";

/**
 * Issues a bearer token for a provider under one agreement. The token is in this answer
 * only: Cairn keeps its SHA-256, so a lost token is revoked and replaced, never shown again.
 */
export async function issueProviderToken(
  ctx: DbContext,
  agreementId: string,
  body: IssueTokenBody,
): Promise<IssuedToken> {
  const agreement = await getAgreement(ctx, agreementId);
  if (agreement.status === "destroyed")
    throw new CairnError("conflict", "the agreement has been destroyed; no token can be issued under it");
  const expiresAt = new Date(body.expiresAt);
  const problem = tokenExpiryProblem(ctx.now, expiresAt);
  if (problem) throw new CairnError("validation", problem, [{ path: ["body", "expiresAt"], message: problem }]);
  const token = newProviderToken();
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(providerToken)
      .values({
        agreementId,
        tokenHash: hashProviderToken(token),
        label: body.label,
        createdBy: ctx.viewer.kind === "person" ? ctx.viewer.personId : null,
        createdAt: ctx.now,
        expiresAt,
      })
      .returning();
    if (!created) throw new Error("token insert returned nothing");
    await recordAuditEvent(
      { ...ctx, db: tx },
      {
        action: "provider_token.issued",
        subjectKind: "provider_token",
        subjectId: created.id,
        districtId: agreement.districtId,
        details: {
          agreementId,
          provider: agreement.provider.name,
          label: body.label,
          expiresAt: expiresAt.toISOString(),
        },
      },
    );
    return { ...presentToken(created), agreementId, token };
  });
}
