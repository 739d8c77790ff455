import { type AccessAction, type AccessPurpose, type ChainedEntry, findChainBreak, GENESIS_HASH } from "@cairn/core";
import { and, asc, eq, gt } from "drizzle-orm";
import type { Db } from "../database";
import { accessLog } from "../schema";

export interface ChainReport {
  districtId: string;
  entries: number;
  /** The first entry that does not follow from the one before it, if any. */
  broken: { sequence: number; reason: string } | null;
}

const PAGE = 5000;

/** Re-hashes every district's chain from the start, a page at a time. */
export async function verifyAccessLog(db: Db): Promise<ChainReport[]> {
  const districts = await db
    .selectDistinct({ districtId: accessLog.districtId })
    .from(accessLog)
    .orderBy(asc(accessLog.districtId));
  const reports: ChainReport[] = [];
  for (const { districtId } of districts) {
    let from = { previousHash: GENESIS_HASH, sequence: 1 };
    let entries = 0;
    let broken: ChainReport["broken"] = null;
    for (;;) {
      const page = await db
        .select()
        .from(accessLog)
        .where(and(eq(accessLog.districtId, districtId), gt(accessLog.sequence, from.sequence - 1)))
        .orderBy(asc(accessLog.sequence))
        .limit(PAGE);
      const chained: ChainedEntry[] = page.map((row) => ({
        ...row,
        occurredAt: row.occurredAt.toISOString(),
        action: row.action as AccessAction,
        purpose: row.purpose as AccessPurpose,
      }));
      broken = findChainBreak(chained, from);
      entries += page.length;
      const last = chained.at(-1);
      if (broken || !last || page.length < PAGE) break;
      from = { previousHash: last.hash, sequence: last.sequence + 1 };
    }
    reports.push({ districtId, entries, broken });
  }
  return reports;
}
