import {
  CairnError,
  type EvidenceEntry,
  type EvidenceEventKind,
  evidenceStatus,
  supersededIds,
  type ValidateEvidenceBody,
  type VoidEvidenceBody,
} from "@cairn/core";
import { eq } from "drizzle-orm";
import type { DbContext } from "../context";
import { evidence, evidenceEvent, evidenceScore } from "../schema";
import { actorOf, requireEducator } from "./access";
import { entryById } from "./list-evidence";
import { loadLedger } from "./load-ledger";
import { recomputeMastery } from "./recompute";

/** An educator validates or rejects evidence that waits for it; the decision and the mastery it changes commit together. */
export function validateEvidence(
  ctx: DbContext,
  evidenceId: string,
  body: ValidateEvidenceBody,
): Promise<EvidenceEntry> {
  return decide(ctx, evidenceId, body.decision, body.comment ?? null, (status) =>
    status === "pending" ? null : `this evidence is ${status}, not waiting for validation`,
  );
}

/** An educator voids evidence, for a reason; voided is final. */
export function voidEvidence(ctx: DbContext, evidenceId: string, body: VoidEvidenceBody): Promise<EvidenceEntry> {
  return decide(ctx, evidenceId, "voided", body.reason, (status) =>
    status === "voided" ? "this evidence is already voided" : null,
  );
}

/**
 * Locks the evidence row, then reads its status: of two concurrent decisions the second
 * waits for the first and then sees it, so it is refused as a conflict rather than doubled.
 */
function decide(
  ctx: DbContext,
  evidenceId: string,
  kind: EvidenceEventKind,
  comment: string | null,
  refusal: (status: ReturnType<typeof evidenceStatus>) => string | null,
): Promise<EvidenceEntry> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const [row] = await tx
      .select({ studentId: evidence.studentId })
      .from(evidence)
      .where(eq(evidence.id, evidenceId))
      .for("update");
    if (!row) throw new CairnError("not_found", "evidence not found");
    try {
      await requireEducator(inTx, row.studentId, kind === "voided" ? "void evidence" : "validate evidence");
    } catch (error) {
      if (error instanceof CairnError && error.code === "not_found")
        throw new CairnError("not_found", "evidence not found");
      throw error;
    }
    const ledger = await loadLedger(tx, row.studentId);
    const entry = ledger.find((candidate) => candidate.id === evidenceId) as (typeof ledger)[number];
    const refused = refusal(evidenceStatus(entry, supersededIds(ledger)));
    if (refused) throw new CairnError("conflict", refused);
    const actor = await actorOf(inTx);
    await tx.insert(evidenceEvent).values({
      evidenceId,
      kind,
      actorPersonId: actor.personId,
      actorName: actor.name,
      occurredAt: ctx.now,
      comment,
    });
    const items = await tx
      .select({ itemId: evidenceScore.itemId })
      .from(evidenceScore)
      .where(eq(evidenceScore.evidenceId, evidenceId));
    await recomputeMastery(
      tx,
      row.studentId,
      items.map((item) => item.itemId),
      ctx.now,
      evidenceId,
    );
    return entryById(tx, row.studentId, evidenceId);
  });
}
