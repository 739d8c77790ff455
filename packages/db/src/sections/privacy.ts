import { asc, eq } from "drizzle-orm";
import type { PersonalDataDeclaration } from "../privacy/registry";
import { enrollment, section, term } from "../schema";
import { teachersBySection } from "./teachers";

export const sectionsPersonalData: PersonalDataDeclaration = {
  module: "sections",
  tables: [
    { table: "enrollment", personColumns: ["student_id"], purpose: "which classes a student is in" },
    {
      table: "section_staff",
      personColumns: ["person_id"],
      purpose: "who teaches or supports a class",
      keptAfterErasureBecause: "it names the staff of a class, never a student",
    },
  ],
  async exportStudentData(ctx, studentId) {
    const rows = await ctx.db
      .select({
        id: section.id,
        name: section.name,
        subject: section.subject,
        courseCode: section.courseCode,
        term: term.name,
        termStartsOn: term.startsOn,
        termEndsOn: term.endsOn,
      })
      .from(enrollment)
      .innerJoin(section, eq(section.id, enrollment.sectionId))
      .innerJoin(term, eq(term.id, section.termId))
      .where(eq(enrollment.studentId, studentId))
      .orderBy(asc(term.startsOn), asc(section.name));
    const teachers = await teachersBySection(
      ctx.db,
      rows.map((row) => row.id),
    );
    return {
      enrollments: rows.map(({ id, ...row }) => ({
        ...row,
        teachers: (teachers.get(id) ?? []).map((teacher) => `${teacher.givenName} ${teacher.familyName}`),
      })),
    };
  },
  async eraseStudentData(ctx, studentId) {
    await ctx.db.delete(enrollment).where(eq(enrollment.studentId, studentId));
  },
};
