import { type AccessAction, type AccessLogEntry, type AccessPurpose, CairnError, isAdult } from "@cairn/core";
import { and, desc, eq } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import { accessLog, guardianLink, student } from "../schema";

/**
 * Who has read a student's record, newest first. Readable by the student's guardians, by
 * the student once an adult, and by the district's admins; for anyone else the log, like
 * the record, is "not found".
 */
export async function listAccessLog(ctx: DbContext, studentId: string): Promise<AccessLogEntry[]> {
  const [found] = await ctx.db
    .select({ districtId: student.districtId, birthDate: student.birthDate })
    .from(student)
    .where(eq(student.personId, studentId));
  if (!found || !(await mayReadAccessLog(ctx, studentId, found)))
    throw new CairnError("not_found", "student not found");
  const rows = await ctx.db
    .select({
      occurredAt: accessLog.occurredAt,
      actorName: accessLog.actorName,
      actorRoles: accessLog.actorRoles,
      action: accessLog.action,
      dataElements: accessLog.dataElements,
      purpose: accessLog.purpose,
    })
    .from(accessLog)
    .where(and(eq(accessLog.studentId, studentId), eq(accessLog.districtId, found.districtId)))
    .orderBy(desc(accessLog.occurredAt), desc(accessLog.sequence))
    .limit(1000);
  return rows.map((row) => ({
    occurredAt: row.occurredAt.toISOString(),
    actor: { name: row.actorName, roles: row.actorRoles },
    action: row.action as AccessAction,
    dataElements: row.dataElements,
    purpose: row.purpose as AccessPurpose,
  }));
}

async function mayReadAccessLog(
  ctx: DbContext,
  studentId: string,
  found: { districtId: string; birthDate: string },
): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.kind === "operator") return true;
  if (viewer.kind !== "person") return false;
  if (viewer.grants.some((grant) => grant.role === "district_admin" && grant.districtId === found.districtId))
    return true;
  if (viewer.personId === studentId) return isAdult(found.birthDate, isoDate(ctx.now));
  const links = await ctx.db
    .select({ studentId: guardianLink.studentId })
    .from(guardianLink)
    .where(and(eq(guardianLink.guardianId, viewer.personId), eq(guardianLink.studentId, studentId)));
  return links.length > 0;
}
