import type { School } from "@cairn/core";
import { and, asc, count, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbContext } from "../context";
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
  return rows;
}
