import { asc, eq } from "drizzle-orm";
import type { PersonalDataDeclaration } from "../privacy/registry";
import { guardianLink, learningEnvironment, mentorship, person, roleGrant, student } from "../schema";

export const peoplePersonalData: PersonalDataDeclaration = {
  module: "people",
  tables: [
    { table: "person", personColumns: ["id"], purpose: "who the person is: name, email, preferred language" },
    {
      table: "student",
      personColumns: ["person_id"],
      purpose: "enrolment and the attributes accountability reports need",
    },
    { table: "guardian_link", personColumns: ["guardian_id", "student_id"], purpose: "who may act for a child" },
    { table: "mentorship", personColumns: ["mentor_id", "mentee_id"], purpose: "learning supervised outside school" },
    { table: "role_grant", personColumns: ["person_id"], purpose: "what the person may do, and where" },
  ],
  async exportStudentData(ctx, studentId) {
    const [identity, record, guardians, mentors, roles] = await Promise.all([
      ctx.db
        .select({
          givenName: person.givenName,
          familyName: person.familyName,
          email: person.email,
          preferredLanguage: person.preferredLanguage,
          createdAt: person.createdAt,
        })
        .from(person)
        .where(eq(person.id, studentId)),
      ctx.db.select().from(student).where(eq(student.personId, studentId)),
      ctx.db
        .select({ givenName: person.givenName, familyName: person.familyName, relationship: guardianLink.relationship })
        .from(guardianLink)
        .innerJoin(person, eq(person.id, guardianLink.guardianId))
        .where(eq(guardianLink.studentId, studentId))
        .orderBy(asc(person.familyName), asc(person.givenName)),
      ctx.db
        .select({
          givenName: person.givenName,
          familyName: person.familyName,
          environment: learningEnvironment.name,
          startsOn: mentorship.startsOn,
          endsOn: mentorship.endsOn,
        })
        .from(mentorship)
        .innerJoin(person, eq(person.id, mentorship.mentorId))
        .innerJoin(learningEnvironment, eq(learningEnvironment.id, mentorship.environmentId))
        .where(eq(mentorship.menteeId, studentId)),
      ctx.db.select({ role: roleGrant.role }).from(roleGrant).where(eq(roleGrant.personId, studentId)),
    ]);
    return {
      person: identity[0] ?? null,
      student: record[0] ?? null,
      guardians,
      mentors,
      roles: roles.map((row) => row.role),
    };
  },
  async eraseStudentData(ctx, studentId) {
    // The person row goes last: everything else here points at it.
    await ctx.db.delete(roleGrant).where(eq(roleGrant.personId, studentId));
    await ctx.db.delete(guardianLink).where(eq(guardianLink.studentId, studentId));
    await ctx.db.delete(mentorship).where(eq(mentorship.menteeId, studentId));
    await ctx.db.delete(student).where(eq(student.personId, studentId));
    await ctx.db.delete(person).where(eq(person.id, studentId));
  },
};
