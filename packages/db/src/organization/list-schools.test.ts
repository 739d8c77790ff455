import type { Role } from "@cairn/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updatePrivacySettings } from "../privacy/settings";
import { type DemoTestBed, openDemoTestBed } from "../testing";
import { listSchools } from "./list-schools";

let bed: DemoTestBed;
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 200 });
});
afterAll(async () => bed.destroy());

const schoolsOf = async (role: Role) => listSchools(bed.ctx(role));

describe("listSchools", () => {
  it("shows a district admin and a state analyst every school, with counts adding up to the district", async () => {
    for (const role of ["district_admin", "state_analyst"] as const) {
      const schools = await schoolsOf(role);
      expect(schools.map((school) => school.level).sort()).toEqual(["elementary", "high", "middle"]);
      expect(schools.reduce((sum, school) => sum + (school.studentCount ?? 0), 0)).toBe(200);
    }
  });

  it("hides from a state analyst, and only from them, a school smaller than the district's minimum group size", async () => {
    const [admin] = await schoolsOf("district_admin");
    await updatePrivacySettings(bed.ctx("district_admin"), admin?.districtId ?? "", {
      minimumGroupSize: 100,
      pastStudentAccessDays: 0,
      retentionYearsAfterExit: 5,
    });
    try {
      const exact = await schoolsOf("district_admin");
      const small = exact.filter((school) => (school.studentCount ?? 0) > 0 && (school.studentCount ?? 0) < 100);
      expect(small.length).toBeGreaterThan(0);
      const analyst = await schoolsOf("state_analyst");
      for (const school of analyst) {
        const truth = exact.find((row) => row.id === school.id)?.studentCount ?? 0;
        expect(school.studentCount).toBe(truth > 0 && truth < 100 ? null : truth);
      }
    } finally {
      await updatePrivacySettings(bed.ctx("district_admin"), admin?.districtId ?? "", {
        minimumGroupSize: 10,
        pastStudentAccessDays: 0,
        retentionYearsAfterExit: 5,
      });
    }
  });

  it("shows a school leader and a teacher only their own school", async () => {
    const [leaderSchool] = await schoolsOf("school_leader");
    expect(await schoolsOf("school_leader")).toHaveLength(1);
    expect(leaderSchool?.name).toBe("Fernwood Middle School");
    expect((await schoolsOf("teacher")).map((school) => school.name)).toEqual(["Fernwood Middle School"]);
  });

  it("shows students, guardians, mentors and system admins no school list", async () => {
    for (const role of ["student", "guardian", "mentor", "system_admin"] as const) {
      expect(await schoolsOf(role), role).toEqual([]);
    }
  });
});
