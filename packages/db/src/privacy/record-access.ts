import {
  type AccessAction,
  type AccessEntry,
  type AccessPurpose,
  accessPurpose,
  GENESIS_HASH,
  hashAccessEntry,
} from "@cairn/core";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbContext } from "../context";
import { accessLog, guardianLink, person } from "../schema";

export interface AccessSubject {
  action: AccessAction;
  studentId: string;
  districtId: string;
  /** Which parts of the record were disclosed. */
  dataElements: string[];
  /** Set when a system admin opens a record outside any relationship to the student. */
  statedReason?: string;
}

interface Actor {
  personId: string | null;
  name: string;
  roles: string[];
  purpose: AccessPurpose;
  purposeDetail: string | null;
}

/**
 * Who is reading and why, for each subject: the viewer's name is read once and their
 * guardian links to all the subjects in one query, so a page of thirty students costs two
 * queries, not sixty.
 */
async function describeActors(ctx: DbContext, subjects: readonly AccessSubject[]): Promise<Actor[]> {
  const { viewer } = ctx;
  const fixed = (actor: Omit<Actor, "purposeDetail"> & { purposeDetail?: string | null }): Actor[] =>
    subjects.map(() => ({ purposeDetail: null, ...actor }));
  if (viewer.kind === "operator")
    return fixed({ personId: null, name: `operator ${viewer.name}`, roles: [], purpose: "operator" });
  if (viewer.kind === "system")
    return fixed({ personId: null, name: `system job ${viewer.job}`, roles: [], purpose: "operator" });
  if (viewer.kind === "provider")
    return fixed({
      personId: null,
      name: viewer.providerName,
      roles: ["provider"],
      purpose: "provider_agreement",
      purposeDetail: `agreement ${viewer.agreementId}`,
    });
  const studentIds = [...new Set(subjects.map((subject) => subject.studentId))];
  const [[found], links] = await Promise.all([
    ctx.db
      .select({ givenName: person.givenName, familyName: person.familyName })
      .from(person)
      .where(eq(person.id, viewer.personId)),
    ctx.db
      .select({ studentId: guardianLink.studentId })
      .from(guardianLink)
      .where(and(eq(guardianLink.guardianId, viewer.personId), inArray(guardianLink.studentId, studentIds))),
  ]);
  const children = new Set(links.map((link) => link.studentId));
  const roles = [...new Set(viewer.grants.map((grant) => grant.role))];
  const name = found ? `${found.givenName} ${found.familyName}` : viewer.personId;
  return subjects.map((subject) => ({
    personId: viewer.personId,
    name,
    roles,
    ...(subject.statedReason
      ? { purpose: "stated_reason" as const, purposeDetail: subject.statedReason }
      : {
          purpose: accessPurpose({
            isSelf: viewer.personId === subject.studentId,
            isGuardian: children.has(subject.studentId),
            roles,
          }),
          purposeDetail: null,
        }),
  }));
}

/**
 * Appends one entry to the district's record of disclosures, in the caller's transaction,
 * so the read and its log entry commit or roll back together. Entries of one district are
 * chained one at a time under a transaction-scoped advisory lock.
 */
export async function recordAccess(ctx: DbContext, subject: AccessSubject): Promise<void> {
  await recordAccessMany(ctx, [subject]);
}

/**
 * Appends one entry per subject, for a read that discloses several students at once (a
 * page of a provider's list). Each district's entries are chained one after another under
 * that district's advisory lock, exactly as if `recordAccess` had been called for each.
 */
export async function recordAccessMany(ctx: DbContext, subjects: AccessSubject[]): Promise<void> {
  const byDistrict = new Map<string, AccessSubject[]>();
  for (const subject of subjects)
    byDistrict.set(subject.districtId, [...(byDistrict.get(subject.districtId) ?? []), subject]);
  for (const [districtId, group] of [...byDistrict].sort(([a], [b]) => a.localeCompare(b))) {
    const actors = await describeActors(ctx, group);
    await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`access_log:${districtId}`}))`);
    const [last] = await ctx.db
      .select({ sequence: accessLog.sequence, hash: accessLog.hash })
      .from(accessLog)
      .where(eq(accessLog.districtId, districtId))
      .orderBy(desc(accessLog.sequence))
      .limit(1);
    let previousHash = last?.hash ?? GENESIS_HASH;
    let sequence = last?.sequence ?? 0;
    const rows = group.map((subject, index) => {
      const actor = actors[index] as Actor;
      sequence += 1;
      const entry: AccessEntry = {
        districtId,
        sequence,
        occurredAt: ctx.now.toISOString(),
        actorPersonId: actor.personId,
        actorName: actor.name,
        actorRoles: actor.roles,
        action: subject.action,
        studentId: subject.studentId,
        dataElements: subject.dataElements,
        purpose: actor.purpose,
        purposeDetail: actor.purposeDetail,
      };
      const hash = hashAccessEntry(previousHash, entry);
      const row = { ...entry, occurredAt: ctx.now, previousHash, hash };
      previousHash = hash;
      return row;
    });
    await ctx.db.insert(accessLog).values(rows);
  }
}
