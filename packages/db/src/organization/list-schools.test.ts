import type { Role } from "@cairn/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
      expect(schools.reduce((sum, school) => sum + school.studentCount, 0)).toBe(200);
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
