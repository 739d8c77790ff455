import { CairnError, type SectionRoster } from "@cairn/core";
import { and, asc, eq } from "drizzle-orm";
import type { DbContext } from "../context";
import { studentSummaryColumns } from "../people/list-students";
import { readableStudents } from "../people/policy";
import { enrollment, person, school, section, student } from "../schema";
import { listSections } from "./list-sections";

/** A section and its enrolled students, both filtered by what the viewer may read. */
export async function getSectionRoster(ctx: DbContext, sectionId: string): Promise<SectionRoster> {
  const [found] = await listSections(ctx, eq(section.id, sectionId));
  if (!found) throw new CairnError("not_found", "section not found");
  const students = await ctx.db
    .select(studentSummaryColumns)
    .from(enrollment)
    .innerJoin(student, eq(student.personId, enrollment.studentId))
    .innerJoin(person, eq(person.id, student.personId))
    .innerJoin(school, eq(school.id, student.schoolId))
    .where(and(eq(enrollment.sectionId, sectionId), eq(student.active, true), readableStudents(ctx)))
    .orderBy(asc(person.familyName), asc(person.givenName));
  return { section: found, students };
}
