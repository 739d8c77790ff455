import { CairnError, type Role, type Viewer } from "@cairn/core";
import { and, eq } from "drizzle-orm";
import type { DbContext } from "../context";
import { readableStudents } from "../people/policy";
import { person, student } from "../schema";

/** Roles whose evidence counts at once, and who validate and void the evidence of others. */
const EDUCATOR_ROLES: readonly Role[] = ["teacher", "paraprofessional", "school_leader", "district_admin"];

export interface EvidenceScope {
  districtId: string;
  /** The viewer reads the student as an educator (or is the operator). */
  educator: boolean;
}

/** The viewer with only its educator grants: readable through them means "an educator of this student". */
export function asEducator(viewer: Viewer): Viewer {
  if (viewer.kind !== "person") return viewer;
  return { ...viewer, grants: viewer.grants.filter((grant) => EDUCATOR_ROLES.includes(grant.role)) };
}

async function readableDistrict(ctx: DbContext, studentId: string): Promise<string | null> {
  const [found] = await ctx.db
    .select({ districtId: student.districtId })
    .from(student)
    .where(and(eq(student.personId, studentId), readableStudents(ctx)));
  return found?.districtId ?? null;
}

/**
 * How the viewer stands toward a student's evidence: an educator who may read the student,
 * someone else who may read them (the student, a guardian, a current mentor), or no one —
 * "not found", the same as a student who does not exist. Providers and system jobs are no one.
 */
export async function evidenceScope(ctx: DbContext, studentId: string): Promise<EvidenceScope> {
  const { viewer } = ctx;
  if (viewer.kind === "operator") {
    const districtId = await readableDistrict(ctx, studentId);
    if (districtId) return { districtId, educator: true };
  } else if (viewer.kind === "person") {
    const educatorDistrict = await readableDistrict({ ...ctx, viewer: asEducator(viewer) }, studentId);
    if (educatorDistrict) return { districtId: educatorDistrict, educator: true };
    const districtId = await readableDistrict(ctx, studentId);
    if (districtId) return { districtId, educator: false };
  }
  throw new CairnError("not_found", "student not found");
}

/** Only an educator of the student validates or voids; others who may read the student are told so. */
export async function requireEducator(ctx: DbContext, studentId: string, what: string): Promise<string> {
  const scope = await evidenceScope(ctx, studentId);
  if (!scope.educator) throw new CairnError("forbidden", `only the student's educators can ${what}`);
  return scope.districtId;
}

/** The viewer as written into the ledger: their person id (if any) and their name. */
export async function actorOf(ctx: DbContext): Promise<{ personId: string | null; name: string }> {
  const { viewer } = ctx;
  if (viewer.kind === "operator") return { personId: null, name: `operator ${viewer.name}` };
  if (viewer.kind === "system") return { personId: null, name: `system job ${viewer.job}` };
  if (viewer.kind === "provider") return { personId: null, name: viewer.providerName };
  const [found] = await ctx.db
    .select({ givenName: person.givenName, familyName: person.familyName })
    .from(person)
    .where(eq(person.id, viewer.personId));
  return { personId: viewer.personId, name: found ? `${found.givenName} ${found.familyName}` : viewer.personId };
}
