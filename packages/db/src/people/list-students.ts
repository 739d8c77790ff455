import type { StudentListQuery, StudentSummary } from "@cairn/core";
import { and, asc, count, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import { person, school, student } from "../schema";
import { isChildOf, isCurrentMenteeOf, readableStudents } from "./policy";

export const studentSummaryColumns = {
  id: student.personId,
  givenName: person.givenName,
  familyName: person.familyName,
  schoolId: student.schoolId,
  schoolName: school.name,
  gradeLevel: student.gradeLevel,
  studentNumber: student.studentNumber,
};

/** Active students the viewer may read, filtered and paged, ordered by name. */
export async function listStudents(
  ctx: DbContext,
  query: StudentListQuery,
): Promise<{ students: StudentSummary[]; total: number }> {
  const filters: (SQL | undefined)[] = [readableStudents(ctx), eq(student.active, true)];
  if (query.schoolId) filters.push(eq(student.schoolId, query.schoolId));
  if (query.gradeLevel) filters.push(eq(student.gradeLevel, query.gradeLevel));
  if (query.relation) filters.push(linkedTo(ctx, query.relation));
  if (query.search) {
    const pattern = `%${query.search.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    filters.push(
      or(ilike(person.givenName, pattern), ilike(person.familyName, pattern), ilike(student.studentNumber, pattern)),
    );
  }
  const where = and(...filters);
  const [students, totals] = await Promise.all([
    ctx.db
      .select(studentSummaryColumns)
      .from(student)
      .innerJoin(person, eq(person.id, student.personId))
      .innerJoin(school, eq(school.id, student.schoolId))
      .where(where)
      .orderBy(asc(person.familyName), asc(person.givenName), asc(student.personId))
      .limit(query.limit)
      .offset(query.offset),
    ctx.db.select({ total: count() }).from(student).innerJoin(person, eq(person.id, student.personId)).where(where),
  ]);
  return { students, total: totals[0]?.total ?? 0 };
}

/** Students linked to the viewer as their children or as their current mentees. */
function linkedTo(ctx: DbContext, relation: "child" | "mentee"): SQL {
  if (ctx.viewer.kind !== "person") return sql`false`;
  return relation === "child"
    ? isChildOf(ctx.db, ctx.viewer.personId)
    : isCurrentMenteeOf(ctx.db, ctx.viewer.personId, isoDate(ctx.now));
}
