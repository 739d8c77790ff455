import {
  CairnError,
  type ProviderStudentListQuery,
  type ProviderStudentRecord,
  projectStudentRecord,
  STUDENT_DATA_ELEMENTS,
  type StudentDetail,
} from "@cairn/core";
import { and, asc, count, eq, gte, inArray, type SQL } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import { readableStudents } from "../people/policy";
import { recordAccessMany } from "../privacy/record-access";
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
import type { ProviderViewer } from "./resolve-token";

type ProviderContext = DbContext & { viewer: ProviderViewer };

function requireProviderContext(ctx: DbContext): ProviderContext {
  if (ctx.viewer.kind !== "provider") throw new CairnError("forbidden", "only a provider token reads through this API");
  return ctx as ProviderContext;
}

/** The covered students (active, in the agreement's schools), a page at a time, with only the allowed elements. */
export async function listProviderStudents(
  ctx: DbContext,
  query: ProviderStudentListQuery,
): Promise<{ students: ProviderStudentRecord[]; total: number }> {
  const providerCtx = requireProviderContext(ctx);
  return ctx.db.transaction(async (tx) => {
    const inner = { ...providerCtx, db: tx };
    const where = and(readableStudents(inner), eq(student.active, true));
    // One query at a time: a transaction is one connection, and pg refuses overlapping queries on it.
    const students = await readRecords(inner, where, query);
    const totals = await tx.select({ total: count() }).from(student).where(where);
    await logDisclosures(inner, students);
    return { students, total: totals[0]?.total ?? 0 };
  });
}

/** One covered student; "not found" outside the agreement's schools or district. */
export async function getProviderStudent(ctx: DbContext, studentId: string): Promise<ProviderStudentRecord> {
  const providerCtx = requireProviderContext(ctx);
  return ctx.db.transaction(async (tx) => {
    const inner = { ...providerCtx, db: tx };
    const [found] = await readRecords(
      inner,
      and(readableStudents(inner), eq(student.active, true), eq(student.personId, studentId)),
      { limit: 1, offset: 0 },
    );
    if (!found) throw new CairnError("not_found", "student not found");
    await logDisclosures(inner, [found]);
    return found;
  });
}

/** The elements the agreement allows, in the canonical order, as written to the access log. */
function allowedElements(ctx: ProviderContext): string[] {
  return STUDENT_DATA_ELEMENTS.filter((element) => ctx.viewer.dataElements.includes(element));
}

async function logDisclosures(ctx: ProviderContext, students: ProviderStudentRecord[]): Promise<void> {
  const dataElements = allowedElements(ctx);
  await recordAccessMany(
    ctx,
    students.map((record) => ({
      action: "provider_read" as const,
      studentId: record.id,
      districtId: ctx.viewer.districtId,
      dataElements,
    })),
  );
}

/** Reads only what the agreement allows, then projects, so nothing else is even fetched. */
async function readRecords(
  ctx: ProviderContext,
  where: SQL | undefined,
  page: ProviderStudentListQuery,
): Promise<ProviderStudentRecord[]> {
  const rows = await ctx.db
    .select({
      id: student.personId,
      givenName: person.givenName,
      familyName: person.familyName,
      schoolId: student.schoolId,
      schoolName: school.name,
      gradeLevel: student.gradeLevel,
      studentNumber: student.studentNumber,
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
    .where(where)
    .orderBy(asc(person.familyName), asc(person.givenName), asc(student.personId))
    .limit(page.limit)
    .offset(page.offset);
  const ids = rows.map((row) => row.id);
  const allowed = allowedElements(ctx);
  const parts = await readRelatedParts(ctx, ids, allowed);
  return rows.map((row) =>
    projectStudentRecord(
      {
        ...(row as Partial<StudentDetail> & { id: string }),
        guardians: parts.guardians.get(row.id) ?? [],
        sections: parts.sections.get(row.id) ?? [],
        mentors: parts.mentors.get(row.id) ?? [],
      },
      allowed,
    ),
  );
}

function groupBy<T extends { studentId: string }>(rows: T[]): Map<string, Omit<T, "studentId">[]> {
  const grouped = new Map<string, Omit<T, "studentId">[]>();
  for (const { studentId, ...rest } of rows) grouped.set(studentId, [...(grouped.get(studentId) ?? []), rest]);
  return grouped;
}

async function readRelatedParts(ctx: ProviderContext, ids: string[], allowed: string[]) {
  const today = isoDate(ctx.now);
  const wanted = (element: string) => ids.length > 0 && allowed.includes(element);
  const guardians = await (wanted("guardians")
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
        .where(inArray(guardianLink.studentId, ids))
        .orderBy(asc(person.familyName), asc(person.givenName))
    : []);
  const sections = await (wanted("sections")
    ? ctx.db
        .select({ studentId: enrollment.studentId, id: section.id, name: section.name, subject: section.subject })
        .from(enrollment)
        .innerJoin(section, eq(section.id, enrollment.sectionId))
        .innerJoin(term, eq(term.id, section.termId))
        .where(and(inArray(enrollment.studentId, ids), gte(term.endsOn, today)))
        .orderBy(asc(section.subject), asc(section.name))
    : []);
  const mentors = await (wanted("mentors")
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
        .where(and(inArray(mentorship.menteeId, ids), gte(mentorship.endsOn, today)))
    : []);
  const teachers = await teachersBySection(ctx.db, [...new Set(sections.map((row) => row.id))]);
  return {
    guardians: groupBy(guardians),
    sections: groupBy(sections.map((row) => ({ ...row, teachers: teachers.get(row.id) ?? [] }))),
    mentors: groupBy(mentors),
  };
}
