import { DEFAULT_PRIVACY_SETTINGS, type RoleGrant, type Viewer } from "@cairn/core";
import { and, eq, exists, gte, inArray, or, type SQL, sql } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import type { Db } from "../database";
import {
  districtPrivacySettings,
  enrollment,
  guardianLink,
  mentorship,
  section,
  sectionStaff,
  student,
  term,
} from "../schema";

/**
 * The students a viewer may read one by one, as a condition on `student`. Every query
 * that returns individual students puts this in its WHERE clause: rows outside scope
 * never leave the database, and an id outside scope reads as "not found".
 *
 * State analysts and system admins get no individual students here: analysts see
 * aggregates, and administering accounts is not a reason to browse records.
 */
export function readableStudents(ctx: Pick<DbContext, "viewer" | "now" | "db">): SQL {
  const { viewer } = ctx;
  if (viewer.kind === "provider") {
    // A provider sees the agreement's schools in the agreement's district, nothing else.
    if (viewer.schoolIds.length === 0) return sql`false`;
    return and(eq(student.districtId, viewer.districtId), inArray(student.schoolId, viewer.schoolIds)) as SQL;
  }
  if (viewer.kind !== "person") return viewer.kind === "operator" ? sql`true` : sql`false`;
  const today = isoDate(ctx.now);
  const conditions = viewer.grants.flatMap((grant) => grantCondition(ctx, viewer.personId, grant, today));
  return conditions.length === 0 ? sql`false` : (or(...conditions) as SQL);
}

function grantCondition(ctx: Pick<DbContext, "db">, personId: string, grant: RoleGrant, today: string): SQL[] {
  const { db } = ctx;
  switch (grant.role) {
    case "student":
      return [eq(student.personId, personId)];
    case "guardian":
      return [isChildOf(db, personId)];
    case "teacher":
    case "paraprofessional":
      return [
        exists(
          db
            .select({ one: sql`1` })
            .from(enrollment)
            .innerJoin(sectionStaff, eq(sectionStaff.sectionId, enrollment.sectionId))
            .innerJoin(section, eq(section.id, enrollment.sectionId))
            .innerJoin(term, eq(term.id, section.termId))
            .leftJoin(districtPrivacySettings, eq(districtPrivacySettings.districtId, section.districtId))
            .where(
              and(
                eq(sectionStaff.personId, personId),
                eq(enrollment.studentId, student.personId),
                termWithinPastStudentWindow(today),
              ),
            ),
        ),
      ];
    case "mentor":
      return [isCurrentMenteeOf(db, personId, today)];
    case "school_leader":
      return grant.schoolId ? [eq(student.schoolId, grant.schoolId)] : [];
    case "district_admin":
      return grant.districtId ? [eq(student.districtId, grant.districtId)] : [];
    case "state_analyst":
    case "system_admin":
      return [];
  }
}

/**
 * The term (joined with its district's privacy settings, left-joined so a district without
 * settings uses the default of 0 days) is current, or ended no more than the district's
 * past-student days before today: teachers keep reading last term's students that long.
 */
export function termWithinPastStudentWindow(today: string): SQL {
  return sql`${term.endsOn} >= ${today}::date - coalesce(${districtPrivacySettings.pastStudentAccessDays}, ${DEFAULT_PRIVACY_SETTINGS.pastStudentAccessDays})::int`;
}

/** The student (the `student` row in the outer query) is a child of this guardian. */
export function isChildOf(db: Db, guardianId: string): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(guardianLink)
      .where(and(eq(guardianLink.guardianId, guardianId), eq(guardianLink.studentId, student.personId))),
  );
}

/** The student (the `student` row in the outer query) is a mentee of this mentor in a mentorship not yet ended. */
export function isCurrentMenteeOf(db: Db, mentorId: string, today: string): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(mentorship)
      .where(
        and(
          eq(mentorship.mentorId, mentorId),
          eq(mentorship.menteeId, student.personId),
          gte(mentorship.endsOn, today),
        ),
      ),
  );
}

/** Whether the viewer may list whole schools' or districts' students (not only linked ones). */
export function canBrowseStudents(viewer: Viewer): boolean {
  return (
    viewer.kind === "operator" ||
    (viewer.kind === "person" &&
      viewer.grants.some((grant) => grant.role === "school_leader" || grant.role === "district_admin"))
  );
}
