import type { Role, Viewer } from "@cairn/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "../auth/viewer";
import { type DemoAccount, listDemoAccounts } from "../demo/demo-accounts";
import { getStudent } from "../people/get-student";
import { contextFor, loadTestDemo, openTestDatabase, TEST_NOW, type TestDatabase } from "../testing";
import { escapeLike, searchAccessLog } from "./search-access-log";

let database: TestDatabase;
let accounts: DemoAccount[];
const viewers = new Map<Role, Viewer>();
const at = (iso: string) => new Date(iso);
beforeAll(async () => {
  database = await openTestDatabase();
  await loadTestDemo(database, { students: 150 });
  accounts = await listDemoAccounts(database.db, TEST_NOW);
  for (const account of accounts) viewers.set(account.role, await loadViewer(database.db, account.personId));
  const guardian = account("guardian");
  const teacher = account("teacher");
  const inClass = guardian.linkedPersonIds.find((id) => teacher.linkedPersonIds.includes(id)) ?? "";
  // Three reads on three days: the teacher, the guardian, the district admin.
  await getStudent(contextFor(database, viewer("teacher"), at("2026-10-01T09:00:00Z")), inClass);
  await getStudent(contextFor(database, viewer("guardian"), at("2026-10-02T09:00:00Z")), inClass);
  await getStudent(contextFor(database, viewer("district_admin"), at("2026-10-03T23:59:00Z")), inClass);
});
afterAll(async () => database.destroy());

function account(role: Role): DemoAccount {
  return accounts.find((candidate) => candidate.role === role) as DemoAccount;
}
const viewer = (role: Role) => viewers.get(role) as Viewer;
const search = (query: Partial<Parameters<typeof searchAccessLog>[1]> = {}) =>
  searchAccessLog(contextFor(database, viewer("district_admin")), { limit: 50, offset: 0, ...query });

describe("searching the district's access log", () => {
  it("lists the district's entries newest first, with student names and a total", async () => {
    const result = await search();
    expect(result.total).toBe(3);
    expect(result.entries.map((entry) => entry.actor.name)).toEqual(["Priya Shah", "Lucía Martinez", "Daniel Reyes"]);
    expect(result.entries[0]).toMatchObject({ studentName: "Mateo Martinez", purpose: "district_administration" });
  });

  it("matches part of the reader's name in any case, and filters by purpose, action, student and dates", async () => {
    expect((await search({ actor: "REYES" })).entries.map((entry) => entry.actor.name)).toEqual(["Daniel Reyes"]);
    expect((await search({ purpose: "family_access" })).total).toBe(1);
    expect((await search({ action: "export_student_record" })).total).toBe(0);
    expect((await search({ studentId: account("student").personId })).total).toBe(0);
    expect((await search({ from: "2026-10-02", to: "2026-10-02" })).entries.map((e) => e.actor.name)).toEqual([
      "Lucía Martinez",
    ]);
    // A bare day as the upper bound includes the whole day.
    expect((await search({ from: "2026-10-03", to: "2026-10-03" })).total).toBe(1);
    expect((await search({ to: "2026-10-01T08:00:00Z" })).total).toBe(0);
  });

  it("treats LIKE metacharacters in the name as plain text", async () => {
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
    expect((await search({ actor: "%" })).total).toBe(0);
    expect((await search({ actor: "_" })).total).toBe(0);
    expect((await search({ actor: "Reyes%" })).total).toBe(0);
  });

  it("pages with limit and offset while the total stays the whole match", async () => {
    const page = await search({ limit: 1, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.entries.map((entry) => entry.actor.name)).toEqual(["Lucía Martinez"]);
  });

  it("is not found for everyone but district admins", async () => {
    for (const role of ["guardian", "teacher", "school_leader", "state_analyst", "system_admin", "student"] as const) {
      await expect(
        searchAccessLog(contextFor(database, viewer(role)), { limit: 50, offset: 0 }),
        role,
      ).rejects.toMatchObject({ code: "not_found" });
    }
  });
});
