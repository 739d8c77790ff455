import type { Role, Viewer } from "@cairn/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "../auth/viewer";
import { listDemoAccounts } from "../demo/demo-accounts";
import { contextFor, loadTestDemo, openTestDatabase, TEST_NOW, type TestDatabase } from "../testing";
import { listSchools } from "./list-schools";

let database: TestDatabase;
const viewers = new Map<Role, Viewer>();
beforeAll(async () => {
  database = await openTestDatabase();
  await loadTestDemo(database, { students: 200 });
  for (const account of await listDemoAccounts(database.db, TEST_NOW)) {
    viewers.set(account.role, await loadViewer(database.db, account.personId));
  }
});
afterAll(async () => database.destroy());

const schoolsOf = async (role: Role) => listSchools(contextFor(database, viewers.get(role) as Viewer));

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
