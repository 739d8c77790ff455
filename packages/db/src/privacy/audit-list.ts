import { type AuditEventList, type AuditEventListQuery, CairnError, grantsOf, hasRole } from "@cairn/core";
import { count, desc, inArray, type SQL, sql } from "drizzle-orm";
import type { DbContext } from "../context";
import { auditEvent } from "../schema";

/** Whose changes a viewer may review: a system admin all of them, a district admin their district's. */
function auditScope(ctx: DbContext): SQL {
  const { viewer } = ctx;
  if (viewer.kind === "operator" || hasRole(viewer, "system_admin")) return sql`true`;
  const districtIds = grantsOf(viewer, "district_admin")
    .map((grant) => grant.districtId)
    .filter((id): id is string => id !== null);
  if (districtIds.length === 0) throw new CairnError("not_found", "audit trail not found");
  return inArray(auditEvent.districtId, districtIds);
}

/** The audit trail of changes to who may see what, newest first, with the number of events in scope. */
export async function listAuditEvents(ctx: DbContext, query: AuditEventListQuery): Promise<AuditEventList> {
  const scope = auditScope(ctx);
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({
        id: auditEvent.id,
        occurredAt: auditEvent.occurredAt,
        districtId: auditEvent.districtId,
        actorName: auditEvent.actorName,
        action: auditEvent.action,
        subjectKind: auditEvent.subjectKind,
        subjectId: auditEvent.subjectId,
        details: auditEvent.details,
      })
      .from(auditEvent)
      .where(scope)
      .orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
      .limit(query.limit)
      .offset(query.offset),
    ctx.db.select({ total: count() }).from(auditEvent).where(scope),
  ]);
  return {
    total: Number(counted?.total ?? 0),
    events: rows.map((row) => ({
      ...row,
      occurredAt: row.occurredAt.toISOString(),
      details: (row.details ?? {}) as Record<string, unknown>,
    })),
  };
}
