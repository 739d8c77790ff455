import { CairnError, STUDENT_DATA_ELEMENTS, type StudentDetail } from "@cairn/core";
import { and, eq, type SQL } from "drizzle-orm";
import type { DbContext } from "../context";
import { recordAccess } from "../privacy/record-access";
import { person, school, student } from "../schema";
import { studentSummaryColumns } from "./list-students";
import { readableStudents } from "./policy";
import { readStudentParts } from "./student-parts";

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

/** The accountability attributes of a student, as a record shows them. */
export const studentAttributeColumns = {
  birthDate: student.birthDate,
  gender: student.gender,
  raceEthnicity: student.raceEthnicity,
  economicallyDisadvantaged: student.economicallyDisadvantaged,
  englishLearner: student.englishLearner,
  disabilityStatus: student.disabilityStatus,
};

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
    .select({ ...studentSummaryColumns, districtId: student.districtId, ...studentAttributeColumns })
    .from(student)
    .innerJoin(person, eq(person.id, student.personId))
    .innerJoin(school, eq(school.id, student.schoolId))
    .where(and(eq(student.personId, studentId), scope));
  if (!record) throw new CairnError("not_found", "student not found");

  const parts = await readStudentParts(ctx, [studentId]);
  return {
    ...record,
    guardians: parts.guardians.get(studentId) ?? [],
    mentors: parts.mentors.get(studentId) ?? [],
    sections: parts.sections.get(studentId) ?? [],
  };
}
