import type { Me, Viewer } from "@cairn/core";
import { and, asc, eq, gte } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import type { Db } from "../database";
import { guardianLink, mentorship, person, roleGrant, section, sectionStaff, term } from "../schema";

/** Resolves who a signed-in person is: their role grants, read once per request. */
export async function loadViewer(db: Db, personId: string): Promise<Viewer & { kind: "person" }> {
  const grants = await db
    .select({
      role: roleGrant.role,
      stateId: roleGrant.stateId,
      districtId: roleGrant.districtId,
      schoolId: roleGrant.schoolId,
    })
    .from(roleGrant)
    .where(eq(roleGrant.personId, personId))
    .orderBy(asc(roleGrant.role));
  return { kind: "person", personId, grants };
}

/**
 * The "who am I" answer: the person, their roles, and what they can reach. Students
 * reached through a place (a school, a district) or a section are not listed one by one;
 * those linked to the viewer personally (themself, children, mentees) are.
 */
export async function describeViewer(ctx: DbContext & { viewer: Viewer & { kind: "person" } }): Promise<Me> {
  const { db, viewer } = ctx;
  const today = isoDate(ctx.now);
  const [found] = await db
    .select({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      email: person.email,
      preferredLanguage: person.preferredLanguage,
    })
    .from(person)
    .where(eq(person.id, viewer.personId));
  if (!found) throw new Error(`viewer ${viewer.personId} has no person row`);
  const roles = new Set(viewer.grants.map((grant) => grant.role));
  const [sections, children, mentees] = await Promise.all([
    roles.has("teacher") || roles.has("paraprofessional")
      ? db
          .select({ id: sectionStaff.sectionId })
          .from(sectionStaff)
          .innerJoin(section, eq(section.id, sectionStaff.sectionId))
          .innerJoin(term, eq(term.id, section.termId))
          .where(and(eq(sectionStaff.personId, viewer.personId), gte(term.endsOn, today)))
      : [],
    roles.has("guardian")
      ? db.select({ id: guardianLink.studentId }).from(guardianLink).where(eq(guardianLink.guardianId, viewer.personId))
      : [],
    roles.has("mentor")
      ? db
          .select({ id: mentorship.menteeId })
          .from(mentorship)
          .where(and(eq(mentorship.mentorId, viewer.personId), gte(mentorship.endsOn, today)))
      : [],
  ]);
  const unique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null))];
  return {
    person: found,
    roles: viewer.grants,
    scope: {
      stateIds: unique(viewer.grants.map((grant) => grant.stateId)),
      districtIds: unique(viewer.grants.map((grant) => grant.districtId)),
      schoolIds: unique(viewer.grants.map((grant) => grant.schoolId)),
      sectionIds: unique(sections.map((row) => row.id)),
      studentIds: unique([
        ...(roles.has("student") ? [viewer.personId] : []),
        ...children.map((row) => row.id),
        ...mentees.map((row) => row.id),
      ]),
    },
  };
}
