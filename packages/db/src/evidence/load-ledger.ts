import type { EvidenceEventKind, LedgerEntry } from "@cairn/core";
import { and, asc, eq, exists, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../database";
import { evidence, evidenceEvent, evidenceScore, frameworkItem } from "../schema";

export type EvidenceRow = typeof evidence.$inferSelect;

/** A ledger entry with the rows behind it, for reads that show more than the rules need. */
export interface LoadedEntry extends LedgerEntry {
  row: EvidenceRow;
  scores: { itemId: string; score: number; level: string | null; code: string | null; statement: string }[];
  events: { kind: EvidenceEventKind; occurredAt: string; actorName: string; comment: string | null }[];
}

/**
 * A student's ledger, oldest first: every piece of evidence (or those scoring one of
 * `itemIds`), with its scores and events. Times are ISO strings, as the ledger's rules compare them.
 */
export async function loadLedger(db: Db, studentId: string, itemIds?: readonly string[]): Promise<LoadedEntry[]> {
  const conditions: SQL[] = [eq(evidence.studentId, studentId)];
  if (itemIds) {
    if (itemIds.length === 0) return [];
    conditions.push(
      // Every correction too, whatever it scores: it may supersede evidence on these items.
      or(
        isNotNull(evidence.supersedesId),
        exists(
          db
            .select({ one: sql`1` })
            .from(evidenceScore)
            .where(and(eq(evidenceScore.evidenceId, evidence.id), inArray(evidenceScore.itemId, [...itemIds]))),
        ),
      ) as SQL,
    );
  }
  const rows = await db
    .select()
    .from(evidence)
    .where(and(...conditions))
    .orderBy(asc(evidence.occurredAt), asc(evidence.recordedAt));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [scores, events] = await Promise.all([
    db
      .select({
        evidenceId: evidenceScore.evidenceId,
        itemId: evidenceScore.itemId,
        score: evidenceScore.score,
        level: evidenceScore.rubricLevel,
        code: frameworkItem.code,
        statement: frameworkItem.fullStatement,
      })
      .from(evidenceScore)
      .innerJoin(frameworkItem, eq(frameworkItem.id, evidenceScore.itemId))
      .where(inArray(evidenceScore.evidenceId, ids))
      .orderBy(asc(frameworkItem.code)),
    db
      .select()
      .from(evidenceEvent)
      .where(inArray(evidenceEvent.evidenceId, ids))
      .orderBy(asc(evidenceEvent.occurredAt)),
  ]);
  const scoresOf = groupBy(scores, (score) => score.evidenceId);
  const eventsOf = groupBy(events, (event) => event.evidenceId);
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    needsValidation: row.needsValidation,
    supersedesId: row.supersedesId,
    row,
    scores: (scoresOf.get(row.id) ?? []).map(({ evidenceId: _evidenceId, ...score }) => score),
    events: (eventsOf.get(row.id) ?? []).map((event) => ({
      kind: event.kind as EvidenceEventKind,
      occurredAt: event.occurredAt.toISOString(),
      actorName: event.actorName,
      comment: event.comment,
    })),
  }));
}

/** The end of a day given as a date, or the moment given: the ledger "as of" then. */
export function asOfMoment(asOf: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T23:59:59.999Z` : new Date(asOf).toISOString();
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
