export const ROLES = [
  "student",
  "guardian",
  "teacher",
  "paraprofessional",
  "mentor",
  "school_leader",
  "district_admin",
  "state_analyst",
  "system_admin",
] as const;

export type Role = (typeof ROLES)[number];

/** Roles whose holders work in a school with sections of students. */
export const SECTION_STAFF_ROLES = ["teacher", "paraprofessional"] as const satisfies readonly Role[];
export type SectionStaffRole = (typeof SECTION_STAFF_ROLES)[number];

/**
 * A role is granted over a place: a school for school staff, a district for district
 * staff, students and guardians, a state for analysts; nothing for a system admin.
 */
export interface RoleGrant {
  role: Role;
  stateId: string | null;
  districtId: string | null;
  schoolId: string | null;
}
