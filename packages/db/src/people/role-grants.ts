import {
  CairnError,
  type CreatedRoleGrant,
  districtAdminMayGrant,
  grantPlaceOf,
  grantsOf,
  hasRole,
  type Role,
  type RoleGrantBody,
} from "@cairn/core";
import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { DbContext } from "../context";
import { recordAuditEvent } from "../privacy/audit";
import { district, person, roleGrant, school, state } from "../schema";

interface Place {
  stateId: string | null;
  districtId: string | null;
  schoolId: string | null;
}

/** The districts a viewer administers; empty for anyone who is not a district admin. */
function administeredDistricts(ctx: DbContext): string[] {
  return grantsOf(ctx.viewer, "district_admin")
    .map((grant) => grant.districtId)
    .filter((id): id is string => id !== null);
}

function isSystemAdmin(ctx: DbContext): boolean {
  return ctx.viewer.kind === "operator" || hasRole(ctx.viewer, "system_admin");
}

/**
 * Who may change whose roles: a system admin (or the operator) any role anywhere; a district
 * admin only the roles of a school or district, only inside their own district, never the
 * roles above a district. Everyone else may change nothing.
 */
function requireMayChange(ctx: DbContext, role: Role): "system" | "district" {
  if (isSystemAdmin(ctx)) return "system";
  if (administeredDistricts(ctx).length === 0) throw new CairnError("forbidden", "you may not change roles");
  if (!districtAdminMayGrant(role)) {
    throw new CairnError("forbidden", `a district admin may not grant or revoke the ${role} role`, [
      { path: ["role"], message: "state analysts and system admins are granted by a system admin" },
    ]);
  }
  return "district";
}

/** The place the body names, checked to exist and to fit the role; the district of a school comes from the school. */
async function resolvePlace(ctx: DbContext, body: RoleGrantBody): Promise<Place> {
  const needs = grantPlaceOf(body.role);
  const missing = (field: string) =>
    new CairnError("validation", `the ${body.role} role is granted over a ${needs}`, [
      { path: [field], message: `required for ${body.role}` },
    ]);
  const extra = (["schoolId", "districtId", "stateId"] as const).filter(
    (field) =>
      body[field] !== undefined &&
      !(needs === "school" && field === "schoolId") &&
      !(needs === "district" && field === "districtId") &&
      !(needs === "state" && field === "stateId"),
  );
  if (extra.length > 0) {
    throw new CairnError(
      "validation",
      `the ${body.role} role is granted over ${needs === "none" ? "no place" : `a ${needs}`}`,
      extra.map((field) => ({ path: [field], message: "not used for this role" })),
    );
  }
  if (needs === "school") {
    if (!body.schoolId) throw missing("schoolId");
    const [found] = await ctx.db
      .select({ districtId: school.districtId })
      .from(school)
      .where(eq(school.id, body.schoolId));
    if (!found) throw new CairnError("not_found", "school not found");
    return { stateId: null, districtId: found.districtId, schoolId: body.schoolId };
  }
  if (needs === "district") {
    if (!body.districtId) throw missing("districtId");
    const [found] = await ctx.db.select({ id: district.id }).from(district).where(eq(district.id, body.districtId));
    if (!found) throw new CairnError("not_found", "district not found");
    return { stateId: null, districtId: body.districtId, schoolId: null };
  }
  if (needs === "state") {
    if (!body.stateId) throw missing("stateId");
    const [found] = await ctx.db.select({ id: state.id }).from(state).where(eq(state.id, body.stateId));
    if (!found) throw new CairnError("not_found", "state not found");
    return { stateId: body.stateId, districtId: null, schoolId: null };
  }
  return { stateId: null, districtId: null, schoolId: null };
}

const samePlace = (place: Place): SQL =>
  and(
    place.stateId ? eq(roleGrant.stateId, place.stateId) : isNull(roleGrant.stateId),
    place.districtId ? eq(roleGrant.districtId, place.districtId) : isNull(roleGrant.districtId),
    place.schoolId ? eq(roleGrant.schoolId, place.schoolId) : isNull(roleGrant.schoolId),
  ) as SQL;

/**
 * Gives a person a role over a place, and writes the grant to the audit trail in the same
 * transaction. A district admin reaches only people and places of their own district:
 * anything else is not found. The same grant twice is a conflict.
 */
export async function grantRole(ctx: DbContext, body: RoleGrantBody): Promise<CreatedRoleGrant> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const authority = requireMayChange(inTx, body.role);
    const [target] = await tx
      .select({ districtId: person.districtId })
      .from(person)
      .where(eq(person.id, body.personId));
    const own = administeredDistricts(inTx);
    if (!target || (authority === "district" && !own.includes(target.districtId ?? "")))
      throw new CairnError("not_found", "person not found");
    const place = await resolvePlace(inTx, body);
    if (authority === "district" && !own.includes(place.districtId ?? ""))
      throw new CairnError("not_found", `${grantPlaceOf(body.role)} not found`);
    const existing = await tx
      .select({ id: roleGrant.id })
      .from(roleGrant)
      .where(and(eq(roleGrant.personId, body.personId), eq(roleGrant.role, body.role), samePlace(place)));
    if (existing.length > 0) throw new CairnError("conflict", "the person already holds this role there");
    const [created] = await tx
      .insert(roleGrant)
      .values({ personId: body.personId, role: body.role, ...place })
      .returning();
    const grant = created as CreatedRoleGrant;
    await recordAuditEvent(inTx, {
      action: "role_grant.created",
      subjectKind: "role_grant",
      subjectId: grant.id,
      districtId: place.districtId,
      details: { personId: grant.personId, role: grant.role, ...place },
    });
    return grant;
  });
}

/**
 * Takes a role away, with an audit event. A grant the viewer could not have given (another
 * district's, or a role above a district for a district admin) reads as not found.
 */
export async function revokeRole(ctx: DbContext, grantId: string): Promise<void> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const [grant] = await tx.select().from(roleGrant).where(eq(roleGrant.id, grantId));
    if (!isSystemAdmin(inTx)) {
      const own = administeredDistricts(inTx);
      if (own.length === 0) throw new CairnError("forbidden", "you may not change roles");
      if (!grant || !districtAdminMayGrant(grant.role) || !own.includes(grant.districtId ?? ""))
        throw new CairnError("not_found", "role grant not found");
    }
    if (!grant) throw new CairnError("not_found", "role grant not found");
    await tx.delete(roleGrant).where(eq(roleGrant.id, grantId));
    await recordAuditEvent(inTx, {
      action: "role_grant.revoked",
      subjectKind: "role_grant",
      subjectId: grant.id,
      districtId: grant.districtId,
      details: {
        personId: grant.personId,
        role: grant.role,
        stateId: grant.stateId,
        districtId: grant.districtId,
        schoolId: grant.schoolId,
      },
    });
  });
}
