import type { Section } from "@cairn/core";
import { and, asc, count, eq, gte, inArray, type SQL } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import { enrollment, learningEnvironment, school, section, term } from "../schema";
import { readableSections } from "./policy";
import { teachersBySection } from "./teachers";

/** Current-term sections the viewer may see, with their teachers and enrolment counts. */
export async function listSections(ctx: DbContext, extra?: SQL): Promise<Section[]> {
  const rows = await ctx.db
    .select({
      id: section.id,
      schoolId: section.schoolId,
      schoolName: school.name,
      termName: term.name,
      name: section.name,
      subject: section.subject,
      courseCode: section.courseCode,
      environmentKind: learningEnvironment.kind,
    })
    .from(section)
    .innerJoin(school, eq(school.id, section.schoolId))
    .innerJoin(term, eq(term.id, section.termId))
    .innerJoin(learningEnvironment, eq(learningEnvironment.id, section.environmentId))
    .where(and(readableSections(ctx), gte(term.endsOn, isoDate(ctx.now)), extra))
    .orderBy(asc(school.name), asc(section.name));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [teachers, counts] = await Promise.all([
    teachersBySection(ctx.db, ids),
    ctx.db
      .select({ sectionId: enrollment.sectionId, students: count() })
      .from(enrollment)
      .where(inArray(enrollment.sectionId, ids))
      .groupBy(enrollment.sectionId),
  ]);
  const studentCounts = new Map(counts.map((entry) => [entry.sectionId, entry.students]));
  return rows.map((row) => ({
    ...row,
    teachers: teachers.get(row.id) ?? [],
    studentCount: studentCounts.get(row.id) ?? 0,
  }));
}
