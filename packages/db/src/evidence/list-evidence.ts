import {
  type Attachment,
  CairnError,
  type EvidenceEntry,
  type EvidenceKind,
  type EvidenceSetting,
  evidenceStatus,
  ledgerAsOf,
  supersededIds,
} from "@cairn/core";
import type { DbContext } from "../context";
import type { Db } from "../database";
import { recordAccess } from "../privacy/record-access";
import { evidenceScope } from "./access";
import { attachmentsOf } from "./attachments";
import { asOfMoment, type LoadedEntry, loadLedger } from "./load-ledger";

/** Entries as the API shows them, each with its status in this (possibly past) ledger; newest first. */
export function present(
  ledger: readonly LoadedEntry[],
  attachments: ReadonlyMap<string, Attachment[]> = new Map(),
): EvidenceEntry[] {
  const superseded = supersededIds(ledger);
  return ledger
    .map(
      (entry): EvidenceEntry => ({
        id: entry.id,
        studentId: entry.row.studentId,
        kind: entry.row.kind as EvidenceKind,
        setting: entry.row.setting as EvidenceSetting,
        title: entry.row.title,
        occurredAt: entry.occurredAt,
        recordedAt: entry.recordedAt,
        recordedBy: entry.row.recordedByName,
        needsValidation: entry.needsValidation,
        reflection: entry.row.reflection,
        supersedesId: entry.supersedesId,
        status: evidenceStatus(entry, superseded),
        scores: entry.scores,
        attachments: attachments.get(entry.id) ?? [],
        events: entry.events.map((event) => ({
          kind: event.kind,
          actor: event.actorName,
          occurredAt: event.occurredAt,
          comment: event.comment,
        })),
        revisions: ledger.filter((other) => other.supersedesId === entry.id).map((other) => other.id),
      }),
    )
    .reverse();
}

/** One entry of a student's current ledger (after a write, to answer with). */
export async function entryById(db: Db, studentId: string, evidenceId: string): Promise<EvidenceEntry> {
  const found = present(await loadLedger(db, studentId), await attachmentsOf(db, [evidenceId])).find(
    (entry) => entry.id === evidenceId,
  );
  if (!found) throw new CairnError("not_found", "evidence not found");
  return found;
}

/**
 * A student's evidence, newest first, with each entry's status, scores, events and
 * revisions; `asOf` shows the ledger as it stood then. Written to the access log.
 */
export function listStudentEvidence(
  ctx: DbContext,
  studentId: string,
  query: { asOf?: string } = {},
): Promise<EvidenceEntry[]> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const { districtId } = await evidenceScope(inTx, studentId);
    const ledger = await loadLedger(tx, studentId);
    const shown = query.asOf ? pastLedger(ledger, asOfMoment(query.asOf)) : ledger;
    await recordAccess(inTx, { action: "read_student_record", studentId, districtId, dataElements: ["evidence"] });
    return present(
      shown,
      await attachmentsOf(
        tx,
        shown.map((entry) => entry.id),
      ),
    );
  });
}

/** `ledgerAsOf`, keeping the rows behind each entry. */
export function pastLedger(ledger: readonly LoadedEntry[], moment: string): LoadedEntry[] {
  const past = new Map(ledgerAsOf(ledger, moment).map((entry) => [entry.id, entry]));
  return ledger.flatMap((entry) => {
    const kept = past.get(entry.id);
    return kept ? [{ ...entry, events: entry.events.filter((event) => event.occurredAt <= moment) }] : [];
  });
}
