import {
  CairnError,
  type ProviderStudentListQuery,
  type ProviderStudentRecord,
  projectStudentRecord,
  STUDENT_DATA_ELEMENTS,
  type StudentDetail,
} from "@cairn/core";
import { and, asc, count, eq, type SQL } from "drizzle-orm";
import type { DbContext } from "../context";
import { studentAttributeColumns } from "../people/get-student";
import { studentSummaryColumns } from "../people/list-students";
import { readableStudents } from "../people/policy";
import { readStudentParts } from "../people/student-parts";
import { recordAccessMany } from "../privacy/record-access";
import { person, school, student } from "../schema";
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
    .select({ ...studentSummaryColumns, ...studentAttributeColumns })
    .from(student)
    .innerJoin(person, eq(person.id, student.personId))
    .innerJoin(school, eq(school.id, student.schoolId))
    .where(where)
    .orderBy(asc(person.familyName), asc(person.givenName), asc(student.personId))
    .limit(page.limit)
    .offset(page.offset);
  const ids = rows.map((row) => row.id);
  const allowed = allowedElements(ctx);
  const parts = await readStudentParts(ctx, ids, allowed);
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
