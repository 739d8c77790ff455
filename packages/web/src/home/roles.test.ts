import type { Me, Role } from "@cairn/core";
import { describe, expect, it } from "vitest";
import { HOME_ROLE_ORDER, homeRoles } from "./roles";

function meWith(roles: Role[]): Me {
  return {
    person: {
      id: "00000000-0000-4000-8000-000000000001",
      givenName: "Test",
      familyName: "Person",
      email: null,
      preferredLanguage: "en",
    },
    roles: roles.map((role) => ({ role, stateId: null, districtId: null, schoolId: null })),
    scope: { stateIds: [], districtIds: [], schoolIds: [], sectionIds: [], studentIds: [] },
  };
}

describe("homeRoles", () => {
  it("puts a teacher's classroom before their family roles", () => {
    expect(homeRoles(meWith(["guardian", "student", "teacher"]))).toEqual(["teacher", "guardian", "student"]);
  });

  it("lists a role granted at two places once", () => {
    expect(homeRoles(meWith(["mentor", "school_leader", "mentor"]))).toEqual(["school_leader", "mentor"]);
  });

  it("orders every role, and a system admin comes last", () => {
    const all = [...HOME_ROLE_ORDER].reverse();
    expect(homeRoles(meWith(all))).toEqual(HOME_ROLE_ORDER);
    expect(homeRoles(meWith(all)).at(-1)).toBe("system_admin");
    expect(homeRoles(meWith([]))).toEqual([]);
  });
});
