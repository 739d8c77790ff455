import type { Role, Viewer } from "@cairn/core";
import { asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "../auth/viewer";
import { type DemoAccount, listDemoAccounts } from "../demo/demo-accounts";
import { getStudent } from "../people/get-student";
import { accessLog } from "../schema";
import { contextFor, loadTestDemo, openTestDatabase, TEST_NOW, type TestDatabase } from "../testing";
import { listAccessLog } from "./list-access-log";
import { verifyAccessLog } from "./verify-access-log";

let database: TestDatabase;
let accounts: DemoAccount[];
const viewers = new Map<Role, Viewer>();
beforeAll(async () => {
  database = await openTestDatabase();
  await loadTestDemo(database, { students: 200 });
  accounts = await listDemoAccounts(database.db, TEST_NOW);
  for (const account of accounts) viewers.set(account.role, await loadViewer(database.db, account.personId));
});
afterAll(async () => database.destroy());

const viewer = (role: Role) => viewers.get(role) as Viewer & { kind: "person" };
const ctx = (role: Role) => contextFor(database, viewer(role));
const childOfGuardian = () => {
  const guardian = accounts.find((account) => account.role === "guardian");
  const student = accounts.find((account) => account.role === "student");
  return guardian?.linkedPersonIds.find((id) => id !== student?.personId) ?? "";
};
const entries = () => database.db.select().from(accessLog).orderBy(asc(accessLog.sequence));

describe("the access log", () => {
  it("logs every read of a student's record with who, which student, what, when and why", async () => {
    const mateo = childOfGuardian();
    const before = (await entries()).length;
    await getStudent(ctx("teacher"), mateo);
    await getStudent(ctx("guardian"), mateo);
    await getStudent(ctx("district_admin"), mateo);
    await getStudent(ctx("student"), viewer("student").personId);
    const logged = (await entries()).slice(before);
    expect(logged.map((entry) => [entry.actorName, entry.purpose, entry.studentId])).toEqual([
      ["Daniel Reyes", "educational_interest", mateo],
      ["Lucía Martinez", "family_access", mateo],
      ["Priya Shah", "district_administration", mateo],
      ["Ava Martinez", "self_access", viewer("student").personId],
    ]);
    for (const entry of logged) {
      expect(entry.action).toBe("read_student_record");
      expect(entry.dataElements).toContain("demographics");
      expect(entry.occurredAt.toISOString()).toBe(TEST_NOW.toISOString());
    }
  });

  it("logs nothing for a read that is refused", async () => {
    const before = (await entries()).length;
    await expect(getStudent(ctx("mentor"), childOfGuardian())).rejects.toMatchObject({ code: "not_found" });
    expect((await entries()).length).toBe(before);
  });

  it("chains the entries so that verification holds", async () => {
    const reports = await verifyAccessLog(database.db);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.broken).toBeNull();
    expect(reports[0]?.entries).toBe((await entries()).length);
  });

  it("refuses updates and deletes, whoever asks", async () => {
    await expect(database.db.update(accessLog).set({ actorName: "nobody" })).rejects.toThrow();
    await expect(database.db.delete(accessLog)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate access_log`)).rejects.toThrow();
    const [unchanged] = await database.db
      .select({ n: count() })
      .from(accessLog)
      .where(eq(accessLog.actorName, "nobody"));
    expect(unchanged?.n).toBe(0);
  });

  it("shows a guardian and the district admin who read the child's record, and nobody else", async () => {
    const mateo = childOfGuardian();
    const forGuardian = await listAccessLog(ctx("guardian"), mateo);
    expect(forGuardian.map((entry) => entry.actor.name)).toContain("Daniel Reyes");
    expect(forGuardian[0]?.actor.roles).toBeDefined();
    expect((await listAccessLog(ctx("district_admin"), mateo)).length).toBe(forGuardian.length);
    for (const role of ["teacher", "school_leader", "mentor", "state_analyst", "system_admin"] as const) {
      await expect(listAccessLog(ctx(role), mateo), role).rejects.toMatchObject({ code: "not_found" });
    }
    // Ava is 16: her record's log is her guardian's to read, not yet hers.
    await expect(listAccessLog(ctx("student"), viewer("student").personId)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("detects an entry altered behind the trigger's back", async () => {
    await database.db.execute(sql`alter table access_log disable trigger access_log_no_update_or_delete`);
    await database.db.update(accessLog).set({ actorName: "Someone Else" }).where(eq(accessLog.sequence, 2));
    await database.db.execute(sql`alter table access_log enable trigger access_log_no_update_or_delete`);
    const [report] = await verifyAccessLog(database.db);
    expect(report?.broken).toEqual({ sequence: 2, reason: "its contents do not match its hash" });
  });
});
