import { and, asc, eq, gte, inArray } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import { enrollment, guardianLink, learningEnvironment, mentorship, person, section, term } from "../schema";
import { teachersBySection } from "../sections/teachers";

/** The parts of a student's record that live in other tables than `student`. */
export type StudentPart = "guardians" | "sections" | "mentors";
export const STUDENT_PARTS: readonly StudentPart[] = ["guardians", "sections", "mentors"];

/**
 * Guardians, current sections (with their teachers) and current mentors of several
 * students at once, by student id; only the parts asked for are read at all (a provider
 * never fetches what its agreement does not allow). The caller has already decided the
 * viewer may read these students.
 */
export async function readStudentParts(
  ctx: Pick<DbContext, "db" | "now">,
  ids: readonly string[],
  parts: readonly string[] = STUDENT_PARTS,
) {
  const today = isoDate(ctx.now);
  const wanted = (part: StudentPart) => ids.length > 0 && parts.includes(part);
  const [guardians, sections, mentors] = await Promise.all([
    wanted("guardians")
      ? ctx.db
          .select({
            studentId: guardianLink.studentId,
            id: person.id,
            givenName: person.givenName,
            familyName: person.familyName,
            relationship: guardianLink.relationship,
          })
          .from(guardianLink)
          .innerJoin(person, eq(person.id, guardianLink.guardianId))
          .where(inArray(guardianLink.studentId, [...ids]))
          .orderBy(asc(person.familyName), asc(person.givenName))
      : [],
    wanted("sections")
      ? ctx.db
          .select({ studentId: enrollment.studentId, id: section.id, name: section.name, subject: section.subject })
          .from(enrollment)
          .innerJoin(section, eq(section.id, enrollment.sectionId))
          .innerJoin(term, eq(term.id, section.termId))
          .where(and(inArray(enrollment.studentId, [...ids]), gte(term.endsOn, today)))
          .orderBy(asc(section.subject), asc(section.name))
      : [],
    wanted("mentors")
      ? ctx.db
          .select({
            studentId: mentorship.menteeId,
            id: person.id,
            givenName: person.givenName,
            familyName: person.familyName,
            environmentName: learningEnvironment.name,
          })
          .from(mentorship)
          .innerJoin(person, eq(person.id, mentorship.mentorId))
          .innerJoin(learningEnvironment, eq(learningEnvironment.id, mentorship.environmentId))
          .where(and(inArray(mentorship.menteeId, [...ids]), gte(mentorship.endsOn, today)))
      : [],
  ]);
  const teachers = await teachersBySection(ctx.db, [...new Set(sections.map((row) => row.id))]);
  return {
    guardians: groupByStudent(guardians),
    sections: groupByStudent(sections.map((row) => ({ ...row, teachers: teachers.get(row.id) ?? [] }))),
    mentors: groupByStudent(mentors),
  };
}

function groupByStudent<T extends { studentId: string }>(rows: T[]): Map<string, Omit<T, "studentId">[]> {
  const grouped = new Map<string, Omit<T, "studentId">[]>();
  for (const { studentId, ...rest } of rows) grouped.set(studentId, [...(grouped.get(studentId) ?? []), rest]);
  return grouped;
}
