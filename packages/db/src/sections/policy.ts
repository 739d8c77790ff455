import { and, eq, or, type SQL, sql } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import { termWithinPastStudentWindow } from "../people/policy";
import { districtPrivacySettings, section, sectionStaff, term } from "../schema";

/**
 * The sections a viewer may see: those they staff this term (or whose term ended within the
 * district's past-student days), or those in the school or district they lead.
 */
export function readableSections(ctx: Pick<DbContext, "viewer" | "now" | "db">): SQL {
  const { viewer, db } = ctx;
  if (viewer.kind !== "person") return viewer.kind === "operator" ? sql`true` : sql`false`;
  const conditions: SQL[] = [];
  for (const grant of viewer.grants) {
    if (grant.role === "teacher" || grant.role === "paraprofessional") {
      const staffed = db
        .select({ id: sectionStaff.sectionId })
        .from(sectionStaff)
        .innerJoin(section, eq(section.id, sectionStaff.sectionId))
        .innerJoin(term, eq(term.id, section.termId))
        .leftJoin(districtPrivacySettings, eq(districtPrivacySettings.districtId, section.districtId))
        .where(and(eq(sectionStaff.personId, viewer.personId), termWithinPastStudentWindow(isoDate(ctx.now))));
      conditions.push(sql`${section.id} in ${staffed}`);
    } else if (grant.role === "school_leader" && grant.schoolId) {
      conditions.push(eq(section.schoolId, grant.schoolId));
    } else if (grant.role === "district_admin" && grant.districtId) {
      conditions.push(eq(section.districtId, grant.districtId));
    }
  }
  return conditions.length === 0 ? sql`false` : (or(...conditions) as SQL);
}
