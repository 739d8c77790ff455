import { DEMO_PASSWORD, demoEmail, NAMED_ACCOUNT_KEYS, NAMED_PEOPLE, type Role } from "@cairn/core";
import { and, asc, eq, gte, inArray } from "drizzle-orm";
import { isoDate } from "../context";
import type { Db } from "../database";
import { account, enrollment, guardianLink, mentorship, person, section, sectionStaff, term } from "../schema";

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
  personId: string;
  name: string;
  about: string;
  /** Students for teachers, paraprofessionals and mentors; children for guardians; guardians for students. */
  linkedPersonIds: string[];
}

/** The named demo accounts as they are in this database, with the people each is linked to. */
export async function listDemoAccounts(db: Db, now: Date): Promise<DemoAccount[]> {
  const emails = NAMED_ACCOUNT_KEYS.map((key) => demoEmail(key));
  const rows = await db
    .select({
      personId: account.personId,
      email: account.email,
      givenName: person.givenName,
      familyName: person.familyName,
    })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .where(inArray(account.email, emails));
  const today = isoDate(now);
  const result: DemoAccount[] = [];
  for (const key of NAMED_ACCOUNT_KEYS) {
    const row = rows.find((candidate) => candidate.email === demoEmail(key));
    if (!row) continue;
    const named = NAMED_PEOPLE[key];
    let linked: { id: string }[] = [];
    if (named.role === "teacher" || named.role === "paraprofessional") {
      linked = await db
        .selectDistinct({ id: enrollment.studentId })
        .from(enrollment)
        .innerJoin(sectionStaff, eq(sectionStaff.sectionId, enrollment.sectionId))
        .innerJoin(section, eq(section.id, enrollment.sectionId))
        .innerJoin(term, eq(term.id, section.termId))
        .where(and(eq(sectionStaff.personId, row.personId), gte(term.endsOn, today)))
        .orderBy(asc(enrollment.studentId));
    } else if (named.role === "guardian") {
      linked = await db
        .select({ id: guardianLink.studentId })
        .from(guardianLink)
        .where(eq(guardianLink.guardianId, row.personId))
        .orderBy(asc(guardianLink.studentId));
    } else if (named.role === "student") {
      linked = await db
        .select({ id: guardianLink.guardianId })
        .from(guardianLink)
        .where(eq(guardianLink.studentId, row.personId))
        .orderBy(asc(guardianLink.guardianId));
    } else if (named.role === "mentor") {
      linked = await db
        .select({ id: mentorship.menteeId })
        .from(mentorship)
        .where(eq(mentorship.mentorId, row.personId))
        .orderBy(asc(mentorship.menteeId));
    }
    result.push({
      role: named.role,
      email: row.email,
      password: DEMO_PASSWORD,
      personId: row.personId,
      name: `${row.givenName} ${row.familyName}`,
      about: named.about,
      linkedPersonIds: linked.map((entry) => entry.id),
    });
  }
  return result;
}
