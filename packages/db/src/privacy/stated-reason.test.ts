import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStudent } from "../people/get-student";
import { accessLog, auditEvent } from "../schema";
import { type DemoTestBed, openDemoTestBed } from "../testing";
import { listAccessLog } from "./list-access-log";
import { openStudentForStatedReason } from "./stated-reason";

let bed: DemoTestBed;
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 150 });
});
afterAll(async () => bed.destroy());

const child = () => bed.account("guardian").linkedPersonIds[0] ?? "";
const REASON = "Support ticket 4411: the family reports a wrong birth date";

describe("a system admin opening a record for a stated reason", () => {
  it("still gets not found without a reason", async () => {
    await expect(getStudent(bed.ctx("system_admin"), child())).rejects.toMatchObject({ code: "not_found" });
  });

  it("gets the same record a guardian reads, logged with the reason and audited", async () => {
    const opened = await openStudentForStatedReason(bed.ctx("system_admin"), child(), REASON);
    expect(opened).toEqual(await getStudent(bed.ctx("guardian"), child()));
    const [entry] = await bed.database.db
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
    const [event] = await bed.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "student_record.opened_for_stated_reason"));
    expect(event).toMatchObject({ subjectId: child(), actorName: "Jordan Lee", details: { reason: REASON } });
    // The family sees the visit and why.
    const log = await listAccessLog(bed.ctx("guardian"), child());
    expect(log.find((row) => row.purpose === "stated_reason")).toMatchObject({
      actor: { name: "Jordan Lee" },
      purposeDetail: REASON,
    });
  });

  it("refuses a reason too short or too long, logging nothing", async () => {
    const before = (await bed.database.db.select().from(accessLog)).length;
    for (const reason of ["", "too short", "x".repeat(501), "          padded   "]) {
      await expect(openStudentForStatedReason(bed.ctx("system_admin"), child(), reason)).rejects.toMatchObject({
        code: "validation",
        details: [{ path: ["reason"] }],
      });
    }
    expect((await bed.database.db.select().from(accessLog)).length).toBe(before);
  });

  it("is not found for every other role, even with a reason, and for a student who does not exist", async () => {
    for (const role of ["teacher", "guardian", "district_admin", "state_analyst", "school_leader"] as const) {
      await expect(openStudentForStatedReason(bed.ctx(role), child(), REASON), role).rejects.toMatchObject({
        code: "not_found",
      });
    }
    await expect(
      openStudentForStatedReason(bed.ctx("system_admin"), "00000000-0000-4000-8000-000000000000", REASON),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
