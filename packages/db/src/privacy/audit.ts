import { eq } from "drizzle-orm";
import type { DbContext } from "../context";
import { auditEvent, person } from "../schema";

export interface AuditSubject {
  /** What changed, e.g. `role_grant.created`, `agreement.updated`, `provider_token.revoked`. */
  action: string;
  subjectKind: string;
  subjectId: string;
  /** Null for changes above any district. */
  districtId: string | null;
  /** What the change was: before/after values, never secrets. */
  details: Record<string, unknown>;
}

/**
 * Appends one entry to the audit trail of changes to who may see what, in the caller's
 * transaction so the change and its record commit together. The table refuses updates.
 */
export async function recordAuditEvent(ctx: DbContext, subject: AuditSubject): Promise<void> {
  await ctx.db.insert(auditEvent).values({
    ...subject,
    occurredAt: ctx.now,
    ...(await describeAuditActor(ctx)),
  });
}

async function describeAuditActor(ctx: DbContext): Promise<{ actorPersonId: string | null; actorName: string }> {
  const { viewer } = ctx;
  switch (viewer.kind) {
    case "operator":
      return { actorPersonId: null, actorName: `operator ${viewer.name}` };
    case "system":
      return { actorPersonId: null, actorName: `system job ${viewer.job}` };
    case "provider":
      return { actorPersonId: null, actorName: viewer.providerName };
    case "person": {
      const [found] = await ctx.db
        .select({ givenName: person.givenName, familyName: person.familyName })
        .from(person)
        .where(eq(person.id, viewer.personId));
      return {
        actorPersonId: viewer.personId,
        actorName: found ? `${found.givenName} ${found.familyName}` : viewer.personId,
      };
    }
  }
}
