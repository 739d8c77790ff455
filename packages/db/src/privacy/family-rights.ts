import { CairnError, isAdult } from "@cairn/core";
import { and, eq } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import { guardianLink, student } from "../schema";

/**
 * Who may exercise the rights over a student's record — see who read it, download all of
 * it: the student's guardians, the student once an adult, and the district's admins (who
 * answer families' requests). Anyone else gets "not found", as for the record itself.
 * Returns the student's district.
 */
export async function requireRecordRights(ctx: DbContext, studentId: string): Promise<{ districtId: string }> {
  const [found] = await ctx.db
    .select({ districtId: student.districtId, birthDate: student.birthDate })
    .from(student)
    .where(eq(student.personId, studentId));
  if (!found || !(await hasRights(ctx, studentId, found))) throw new CairnError("not_found", "student not found");
  return { districtId: found.districtId };
}

async function hasRights(ctx: DbContext, studentId: string, found: { districtId: string; birthDate: string }) {
  const { viewer } = ctx;
  if (viewer.kind === "operator") return true;
  if (viewer.kind !== "person") return false;
  if (viewer.grants.some((grant) => grant.role === "district_admin" && grant.districtId === found.districtId))
    return true;
  if (viewer.personId === studentId) return isAdult(found.birthDate, isoDate(ctx.now));
  const links = await ctx.db
    .select({ studentId: guardianLink.studentId })
    .from(guardianLink)
    .where(and(eq(guardianLink.guardianId, viewer.personId), eq(guardianLink.studentId, studentId)));
  return links.length > 0;
}
