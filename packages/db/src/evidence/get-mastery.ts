import { countingScores, explainMastery, type MasteryItem, type StudentMastery } from "@cairn/core";
import { and, desc, eq, lte } from "drizzle-orm";
import type { DbContext } from "../context";
import { recordAccess } from "../privacy/record-access";
import { mastery, masteryEvent } from "../schema";
import { evidenceScope } from "./access";
import { levelLabel, loadItems } from "./items";
import { pastLedger } from "./list-evidence";
import { asOfMoment, loadLedger } from "./load-ledger";
import { computeMastery, methodSettings } from "./recompute";

/**
 * A student's mastery of every item they have evidence on: the stored rows, or with `asOf`
 * the same functions run over the ledger as it stood then. With `explain`, the method and
 * each counting piece of evidence with its weight. Written to the access log.
 */
export function getStudentMastery(
  ctx: DbContext,
  studentId: string,
  query: { explain?: boolean; asOf?: string } = {},
): Promise<StudentMastery> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const { districtId } = await evidenceScope(inTx, studentId);
    const moment = query.asOf ? asOfMoment(query.asOf) : null;
    const fullLedger = query.explain || moment ? await loadLedger(tx, studentId) : [];
    const ledger = moment ? pastLedger(fullLedger, moment) : fullLedger;
    const stored = await tx.select().from(mastery).where(eq(mastery.studentId, studentId));
    const itemIds = moment
      ? [...new Set(ledger.flatMap((entry) => entry.scores.map((score) => score.itemId)))]
      : stored.map((row) => row.itemId);
    const [items, settings] = await Promise.all([loadItems(tx, itemIds), methodSettings(tx, districtId)]);
    const rows = moment
      ? await Promise.all(
          computeMastery(ledger, items, settings, itemIds).map(async (computed) => ({
            ...computed,
            masteredAt: computed.mastered ? await reachedBy(inTx, studentId, computed.itemId, moment) : null,
          })),
        )
      : stored.map((row) => ({ ...row, masteredAt: row.masteredAt?.toISOString() ?? null }));
    const result: MasteryItem[] = rows.flatMap((row) => {
      const item = items.get(row.itemId);
      if (!item) return [];
      const shown: MasteryItem = {
        itemId: item.id,
        code: item.code,
        statement: item.statement,
        framework: { id: item.frameworkId, title: item.frameworkTitle },
        value: row.value,
        mastered: row.mastered,
        masteredAt: row.masteredAt,
        level: levelLabel(item.scale, row.value),
        evidenceCount: row.evidenceCount,
      };
      if (query.explain) {
        const method = computeMastery(ledger, items, settings, [item.id])[0]?.method ?? { name: "latest" };
        const explained = explainMastery(countingScores(ledger, item.id), method, item.range);
        shown.explanation = { method: explained.method, contributions: explained.contributions };
      }
      return [shown];
    });
    await recordAccess(inTx, { action: "read_student_record", studentId, districtId, dataElements: ["mastery"] });
    return {
      studentId,
      items: result.sort((a, b) =>
        `${a.framework.title} ${a.code ?? ""}`.localeCompare(`${b.framework.title} ${b.code ?? ""}`),
      ),
    };
  });
}

/** When mastery was last reached by a past moment, from the events. */
async function reachedBy(ctx: DbContext, studentId: string, itemId: string, moment: string): Promise<string | null> {
  const [reached] = await ctx.db
    .select({ occurredAt: masteryEvent.occurredAt })
    .from(masteryEvent)
    .where(
      and(
        eq(masteryEvent.studentId, studentId),
        eq(masteryEvent.itemId, itemId),
        eq(masteryEvent.kind, "reached"),
        lte(masteryEvent.occurredAt, new Date(moment)),
      ),
    )
    .orderBy(desc(masteryEvent.occurredAt))
    .limit(1);
  return reached?.occurredAt.toISOString() ?? null;
}
