import { DEFAULT_PRIVACY_SETTINGS, type School } from "@cairn/core";
import { and, asc, count, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbContext } from "../context";
import { privacySettingsOf } from "../privacy/settings";
import { district, school, student } from "../schema";

/**
 * Schools the viewer works in or oversees, with their active enrolment. Counts are
 * aggregates, so a state analyst sees every school in the state.
 */
export async function listSchools(ctx: DbContext): Promise<School[]> {
  const { viewer } = ctx;
  let scope: SQL;
  if (viewer.kind === "operator") scope = sql`true`;
  else if (viewer.kind === "system") scope = sql`false`;
  else if (viewer.kind === "provider")
    scope = viewer.schoolIds.length ? inArray(school.id, viewer.schoolIds) : sql`false`;
  else {
    const conditions: SQL[] = [];
    for (const grant of viewer.grants) {
      if (grant.schoolId && grant.role !== "student") conditions.push(eq(school.id, grant.schoolId));
      if (grant.role === "district_admin" && grant.districtId) conditions.push(eq(school.districtId, grant.districtId));
      if (grant.role === "state_analyst" && grant.stateId) {
        conditions.push(
          inArray(
            school.districtId,
            ctx.db.select({ id: district.id }).from(district).where(eq(district.stateId, grant.stateId)),
          ),
        );
      }
    }
    scope = conditions.length === 0 ? sql`false` : (or(...conditions) as SQL);
  }
  const counts = ctx.db
    .select({ schoolId: student.schoolId, students: count().as("students") })
    .from(student)
    .where(eq(student.active, true))
    .groupBy(student.schoolId)
    .as("counts");
  const rows = await ctx.db
    .select({
      id: school.id,
      districtId: school.districtId,
      name: school.name,
      level: school.level,
      lowestGrade: school.lowestGrade,
      highestGrade: school.highestGrade,
      studentCount: sql<number>`coalesce(${counts.students}, 0)`.mapWith(Number),
    })
    .from(school)
    .leftJoin(counts, eq(counts.schoolId, school.id))
    .where(and(scope))
    .orderBy(asc(school.name));
  return hideSmallCountsFromAggregateViewers(ctx, rows);
}

/**
 * Schools a viewer reaches only as a state analyst show no enrolment below the district's
 * minimum group size: an analyst sees aggregates only, and a small school's count would
 * undo the enrolment report's suppression (which leaves such schools out).
 */
async function hideSmallCountsFromAggregateViewers<
  Row extends { id: string; districtId: string; studentCount: number },
>(ctx: DbContext, rows: Row[]): Promise<(Omit<Row, "studentCount"> & { studentCount: number | null })[]> {
  const { viewer } = ctx;
  if (viewer.kind !== "person") return rows;
  const individual = (row: Row) =>
    viewer.grants.some(
      (grant) =>
        grant.role !== "state_analyst" &&
        (grant.schoolId === row.id || (grant.role === "district_admin" && grant.districtId === row.districtId)),
    );
  const aggregateOnly = rows.filter((row) => !individual(row));
  if (aggregateOnly.length === 0) return rows;
  const settings = await privacySettingsOf(ctx.db, [...new Set(aggregateOnly.map((row) => row.districtId))]);
  return rows.map((row) => {
    const minimum = settings.get(row.districtId)?.minimumGroupSize ?? DEFAULT_PRIVACY_SETTINGS.minimumGroupSize;
    return !individual(row) && row.studentCount > 0 && row.studentCount < minimum
      ? { ...row, studentCount: null }
      : row;
  });
}
