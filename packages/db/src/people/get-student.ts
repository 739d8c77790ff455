import { CairnError, STUDENT_DATA_ELEMENTS, type StudentDetail } from "@cairn/core";
import { and, asc, eq, gte, type SQL } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import { recordAccess } from "../privacy/record-access";
import {
  enrollment,
  guardianLink,
  learningEnvironment,
  mentorship,
  person,
  school,
  section,
  student,
  term,
} from "../schema";
import { teachersBySection } from "../sections/teachers";
import { studentSummaryColumns } from "./list-students";
import { readableStudents } from "./policy";

/** The parts of a student's record that a read discloses, as written to the access log. */
export const STUDENT_RECORD_ELEMENTS = STUDENT_DATA_ELEMENTS.filter(
  (element) => element !== "evidence" && element !== "mastery",
);

/**
 * One student's record, if the viewer may read it; otherwise "not found", whether or not it
 * exists. The read is written to the access log in the same transaction.
 */
export function getStudent(ctx: DbContext, studentId: string): Promise<StudentDetail> {
  return ctx.db.transaction(async (tx) => {
    const detail = await readStudent({ ...ctx, db: tx }, studentId);
    await recordAccess(
      { ...ctx, db: tx },
      {
        action: "read_student_record",
        studentId,
        districtId: detail.districtId,
        dataElements: STUDENT_RECORD_ELEMENTS,
      },
    );
    return detail;
  });
}

/**
 * The record itself, without logging it: callers log the read in their transaction. The
 * scope is the viewer's readable students unless the caller decided access another way
 * (a system admin's stated reason).
 */
export async function readStudent(
  ctx: DbContext,
  studentId: string,
  scope: SQL = readableStudents(ctx),
): Promise<StudentDetail> {
  const [record] = await ctx.db
    .select({
      ...studentSummaryColumns,
      districtId: student.districtId,
      birthDate: student.birthDate,
      gender: student.gender,
      raceEthnicity: student.raceEthnicity,
      economicallyDisadvantaged: student.economicallyDisadvantaged,
      englishLearner: student.englishLearner,
      disabilityStatus: student.disabilityStatus,
    })
    .from(student)
    .innerJoin(person, eq(person.id, student.personId))
    .innerJoin(school, eq(school.id, student.schoolId))
    .where(and(eq(student.personId, studentId), scope));
  if (!record) throw new CairnError("not_found", "student not found");

  const today = isoDate(ctx.now);
  const [guardians, sections, mentors] = await Promise.all([
    ctx.db
      .select({
        id: person.id,
        givenName: person.givenName,
        familyName: person.familyName,
        relationship: guardianLink.relationship,
      })
      .from(guardianLink)
      .innerJoin(person, eq(person.id, guardianLink.guardianId))
      .where(eq(guardianLink.studentId, studentId))
      .orderBy(asc(person.familyName), asc(person.givenName)),
    ctx.db
      .select({ id: section.id, name: section.name, subject: section.subject })
      .from(enrollment)
      .innerJoin(section, eq(section.id, enrollment.sectionId))
      .innerJoin(term, eq(term.id, section.termId))
      .where(and(eq(enrollment.studentId, studentId), gte(term.endsOn, today)))
      .orderBy(asc(section.subject), asc(section.name)),
    ctx.db
      .select({
        id: person.id,
        givenName: person.givenName,
        familyName: person.familyName,
        environmentName: learningEnvironment.name,
      })
      .from(mentorship)
      .innerJoin(person, eq(person.id, mentorship.mentorId))
      .innerJoin(learningEnvironment, eq(learningEnvironment.id, mentorship.environmentId))
      .where(and(eq(mentorship.menteeId, studentId), gte(mentorship.endsOn, today))),
  ]);
  const teachers = await teachersBySection(
    ctx.db,
    sections.map((row) => row.id),
  );
  return {
    ...record,
    guardians,
    mentors,
    sections: sections.map((row) => ({
      ...row,
      teachers: teachers.get(row.id) ?? [],
    })),
  };
}
