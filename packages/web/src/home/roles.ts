import type { Me, Role } from "@cairn/core";

/** The order in which a person's roles choose their home page: the first one wins. */
export const HOME_ROLE_ORDER: readonly Role[] = [
  "teacher",
  "paraprofessional",
  "school_leader",
  "district_admin",
  "state_analyst",
  "mentor",
  "guardian",
  "student",
  "system_admin",
];

/** The person's distinct roles, in home order. */
export function homeRoles(me: Me): Role[] {
  const held = new Set(me.roles.map((grant) => grant.role));
  return HOME_ROLE_ORDER.filter((role) => held.has(role));
}

export function hasAnyRole(me: Me, roles: readonly Role[]): boolean {
  return me.roles.some((grant) => roles.includes(grant.role));
}

export const SECTION_ROLES: readonly Role[] = ["teacher", "paraprofessional", "school_leader", "district_admin"];
export const SCHOOL_ROLES: readonly Role[] = ["school_leader", "district_admin", "state_analyst"];
export const STUDENT_BROWSER_ROLES: readonly Role[] = ["school_leader", "district_admin"];
