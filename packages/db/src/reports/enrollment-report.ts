import {
  buildEnrollmentReport,
  CairnError,
  DEFAULT_PRIVACY_SETTINGS,
  type EnrollmentAttribute,
  type EnrollmentReport,
  type EnrollmentReportQuery,
} from "@cairn/core";
import { and, count, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbContext } from "../context";
import { privacySettingsOf } from "../privacy/settings";
import { district, school, student } from "../schema";

/**
 * The schools whose aggregates a viewer may see: a state analyst's state, a district
 * admin's district, a school leader's school. Aggregates only: no one else has a report,
 * and this never lets anyone read a student.
 */
function reportScope(ctx: DbContext): SQL {
  const { viewer } = ctx;
  if (viewer.kind === "operator") return sql`true`;
  if (viewer.kind !== "person") throw new CairnError("forbidden", "reports are for analysts and administrators");
  const conditions: SQL[] = [];
  for (const grant of viewer.grants) {
    if (grant.role === "state_analyst" && grant.stateId) conditions.push(eq(district.stateId, grant.stateId));
    if (grant.role === "district_admin" && grant.districtId) conditions.push(eq(school.districtId, grant.districtId));
    if (grant.role === "school_leader" && grant.schoolId) conditions.push(eq(school.id, grant.schoolId));
  }
  if (conditions.length === 0) throw new CairnError("forbidden", "reports are for analysts and administrators");
  return or(...conditions) as SQL;
}

function attributeValue(attribute: EnrollmentAttribute): SQL<string> {
  const yesNo = (column: AnyPgColumn) => sql<string>`case when ${column} then 'yes' else 'no' end`;
  switch (attribute) {
    case "gradeLevel":
      return sql<string>`${student.gradeLevel}::text`;
    case "gender":
      return sql<string>`${student.gender}::text`;
    case "raceEthnicity":
      return sql<string>`${student.raceEthnicity}::text`;
    case "disabilityStatus":
      return sql<string>`${student.disabilityStatus}::text`;
    case "economicallyDisadvantaged":
      return yesNo(student.economicallyDisadvantaged);
    case "englishLearner":
      return yesNo(student.englishLearner);
  }
}

/**
 * Active students by school and one attribute, each district's table suppressed with that
 * district's minimum group size (`suppressTable`, primary and complementary): a small
 * group never leaves this function as a number. A school outside the viewer's scope is
 * not found.
 */
export async function getEnrollmentReport(ctx: DbContext, query: EnrollmentReportQuery): Promise<EnrollmentReport> {
  const scope = reportScope(ctx);
  const visible = await ctx.db
    .select({ id: school.id, districtId: school.districtId })
    .from(school)
    .innerJoin(district, eq(district.id, school.districtId))
    .where(and(scope, query.schoolId ? eq(school.id, query.schoolId) : undefined));
  if (query.schoolId && visible.length === 0) throw new CairnError("not_found", "school not found");
  const shown = new Set(visible.map((row) => row.id));
  const districtIds = [...new Set(visible.map((row) => row.districtId))];
  if (districtIds.length === 0) return buildEnrollmentReport(query.attribute, [], () => 1);
  const value = attributeValue(query.attribute);
  // Every school of each district is counted, whatever the viewer may see: the table is
  // suppressed whole, and the viewer gets their rows of it (see buildEnrollmentReport).
  const rows = await ctx.db
    .select({
      districtId: school.districtId,
      districtName: district.name,
      schoolId: school.id,
      schoolName: school.name,
      value,
      students: count(),
    })
    .from(student)
    .innerJoin(school, eq(school.id, student.schoolId))
    .innerJoin(district, eq(district.id, school.districtId))
    .where(and(eq(student.active, true), inArray(school.districtId, districtIds)))
    .groupBy(school.districtId, district.name, school.id, school.name, value);
  const settings = await privacySettingsOf(ctx.db, districtIds);
  return buildEnrollmentReport(
    query.attribute,
    rows.map((row) => ({ ...row, students: Number(row.students) })),
    (districtId) => settings.get(districtId)?.minimumGroupSize ?? DEFAULT_PRIVACY_SETTINGS.minimumGroupSize,
    (schoolId) => shown.has(schoolId),
  );
}
