import {
  type AccessAction,
  type AccessLogSearch,
  type AccessLogSearchQuery,
  type AccessPurpose,
  CairnError,
  grantsOf,
} from "@cairn/core";
import { and, count, desc, eq, gte, ilike, inArray, lt, lte, type SQL } from "drizzle-orm";
import type { DbContext } from "../context";
import { accessLog, person } from "../schema";

/** `%`, `_` and the backslash (LIKE's default escape character) match literally once escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A bare day as an upper bound means the whole of that day (UTC). */
function bounds(query: AccessLogSearchQuery): SQL[] {
  const conditions: SQL[] = [];
  if (query.from) conditions.push(gte(accessLog.occurredAt, new Date(query.from)));
  if (query.to) {
    if (query.to.length === 10) {
      const next = new Date(`${query.to}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      conditions.push(lt(accessLog.occurredAt, next));
    } else conditions.push(lte(accessLog.occurredAt, new Date(query.to)));
  }
  return conditions;
}

/**
 * A district admin's search of their district's record of disclosures, newest first, with
 * the number of matching entries. Only the admin's own districts are searched; anyone else
 * gets not found. Guardians keep their per-child view (`listAccessLog`).
 */
export async function searchAccessLog(ctx: DbContext, query: AccessLogSearchQuery): Promise<AccessLogSearch> {
  const districtIds = grantsOf(ctx.viewer, "district_admin")
    .map((grant) => grant.districtId)
    .filter((id): id is string => id !== null);
  if (districtIds.length === 0) throw new CairnError("not_found", "access log not found");
  const where = and(
    inArray(accessLog.districtId, districtIds),
    query.studentId ? eq(accessLog.studentId, query.studentId) : undefined,
    query.actor ? ilike(accessLog.actorName, `%${escapeLike(query.actor)}%`) : undefined,
    query.action ? eq(accessLog.action, query.action) : undefined,
    query.purpose ? eq(accessLog.purpose, query.purpose) : undefined,
    ...bounds(query),
  );
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({
        occurredAt: accessLog.occurredAt,
        studentId: accessLog.studentId,
        givenName: person.givenName,
        familyName: person.familyName,
        actorName: accessLog.actorName,
        actorRoles: accessLog.actorRoles,
        action: accessLog.action,
        dataElements: accessLog.dataElements,
        purpose: accessLog.purpose,
        purposeDetail: accessLog.purposeDetail,
      })
      .from(accessLog)
      // Left join: an entry about an erased student stays, without a name.
      .leftJoin(person, eq(person.id, accessLog.studentId))
      .where(where)
      .orderBy(desc(accessLog.occurredAt), desc(accessLog.sequence))
      .limit(query.limit)
      .offset(query.offset),
    ctx.db.select({ total: count() }).from(accessLog).where(where),
  ]);
  return {
    total: Number(counted?.total ?? 0),
    entries: rows.map((row) => ({
      occurredAt: row.occurredAt.toISOString(),
      studentId: row.studentId,
      studentName: row.givenName === null ? null : `${row.givenName} ${row.familyName}`,
      actor: { name: row.actorName, roles: row.actorRoles },
      action: row.action as AccessAction,
      dataElements: row.dataElements,
      purpose: row.purpose as AccessPurpose,
      purposeDetail: row.purposeDetail,
    })),
  };
}
