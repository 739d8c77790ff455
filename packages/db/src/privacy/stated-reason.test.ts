import type { Role, Viewer } from "@cairn/core";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "../auth/viewer";
import { type DemoAccount, listDemoAccounts } from "../demo/demo-accounts";
import { getStudent } from "../people/get-student";
import { accessLog, auditEvent } from "../schema";
import { contextFor, loadTestDemo, openTestDatabase, TEST_NOW, type TestDatabase } from "../testing";
import { listAccessLog } from "./list-access-log";
import { openStudentForStatedReason } from "./stated-reason";

let database: TestDatabase;
let accounts: DemoAccount[];
const viewers = new Map<Role, Viewer>();
beforeAll(async () => {
  database = await openTestDatabase();
  await loadTestDemo(database, { students: 150 });
  accounts = await listDemoAccounts(database.db, TEST_NOW);
  for (const account of accounts) viewers.set(account.role, await loadViewer(database.db, account.personId));
});
afterAll(async () => database.destroy());

const ctx = (role: Role) => contextFor(database, viewers.get(role) as Viewer);
const child = () => accounts.find((account) => account.role === "guardian")?.linkedPersonIds[0] ?? "";
const REASON = "Support ticket 4411: the family reports a wrong birth date";

describe("a system admin opening a record for a stated reason", () => {
  it("still gets not found without a reason", async () => {
    await expect(getStudent(ctx("system_admin"), child())).rejects.toMatchObject({ code: "not_found" });
  });

  it("gets the same record a guardian reads, logged with the reason and audited", async () => {
    const opened = await openStudentForStatedReason(ctx("system_admin"), child(), REASON);
    expect(opened).toEqual(await getStudent(ctx("guardian"), child()));
    const [entry] = await database.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.purpose, "stated_reason"))
      .orderBy(desc(accessLog.sequence));
    expect(entry).toMatchObject({
      studentId: child(),
      actorName: "Jordan Lee",
      action: "read_student_record",
      purposeDetail: REASON,
    });
    const [event] = await database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "student_record.opened_for_stated_reason"));
    expect(event).toMatchObject({ subjectId: child(), actorName: "Jordan Lee", details: { reason: REASON } });
    // The family sees the visit and why.
    const log = await listAccessLog(ctx("guardian"), child());
    expect(log.find((row) => row.purpose === "stated_reason")?.actor.name).toBe("Jordan Lee");
  });

  it("refuses a reason too short or too long, logging nothing", async () => {
    const before = (await database.db.select().from(accessLog)).length;
    for (const reason of ["", "too short", "x".repeat(501), "          padded   "]) {
      await expect(openStudentForStatedReason(ctx("system_admin"), child(), reason)).rejects.toMatchObject({
        code: "validation",
        details: [{ path: ["reason"] }],
      });
    }
    expect((await database.db.select().from(accessLog)).length).toBe(before);
  });

  it("is not found for every other role, even with a reason, and for a student who does not exist", async () => {
    for (const role of ["teacher", "guardian", "district_admin", "state_analyst", "school_leader"] as const) {
      await expect(openStudentForStatedReason(ctx(role), child(), REASON), role).rejects.toMatchObject({
        code: "not_found",
      });
    }
    await expect(
      openStudentForStatedReason(ctx("system_admin"), "00000000-0000-4000-8000-000000000000", REASON),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
