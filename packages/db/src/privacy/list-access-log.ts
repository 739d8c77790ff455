import type { AccessAction, AccessLogEntry, AccessPurpose } from "@cairn/core";
import { and, desc, eq } from "drizzle-orm";
import type { DbContext } from "../context";
import type { Db } from "../database";
import { accessLog } from "../schema";
import { requireRecordRights } from "./family-rights";

/**
 * Who has read a student's record, newest first. Readable by the student's guardians, by
 * the student once an adult, and by the district's admins; for anyone else the log, like
 * the record, is "not found".
 */
export async function listAccessLog(ctx: DbContext, studentId: string): Promise<AccessLogEntry[]> {
  const { districtId } = await requireRecordRights(ctx, studentId);
  return accessLogEntries(ctx.db, studentId, districtId, 1000);
}

/** The entries about one student in their district's log, newest first; no rights checked here. */
export async function accessLogEntries(
  db: Db,
  studentId: string,
  districtId: string,
  limit?: number,
): Promise<AccessLogEntry[]> {
  const query = db
    .select({
      occurredAt: accessLog.occurredAt,
      actorName: accessLog.actorName,
      actorRoles: accessLog.actorRoles,
      action: accessLog.action,
      dataElements: accessLog.dataElements,
      purpose: accessLog.purpose,
      purposeDetail: accessLog.purposeDetail,
    })
    .from(accessLog)
    .where(and(eq(accessLog.studentId, studentId), eq(accessLog.districtId, districtId)))
    .orderBy(desc(accessLog.occurredAt), desc(accessLog.sequence));
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map((row) => ({
    occurredAt: row.occurredAt.toISOString(),
    actor: { name: row.actorName, roles: row.actorRoles },
    action: row.action as AccessAction,
    dataElements: row.dataElements,
    purpose: row.purpose as AccessPurpose,
    purposeDetail: row.purposeDetail,
  }));
}
