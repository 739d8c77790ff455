import { asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStudent } from "../people/get-student";
import { accessLog } from "../schema";
import { type DemoTestBed, openDemoTestBed, TEST_NOW } from "../testing";
import { listAccessLog } from "./list-access-log";
import { verifyAccessLog } from "./verify-access-log";

let bed: DemoTestBed;
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 200 });
});
afterAll(async () => bed.destroy());

const childOfGuardian = () =>
  bed.account("guardian").linkedPersonIds.find((id) => id !== bed.account("student").personId) ?? "";
const entries = () => bed.database.db.select().from(accessLog).orderBy(asc(accessLog.sequence));

describe("the access log", () => {
  it("logs every read of a student's record with who, which student, what, when and why", async () => {
    const mateo = childOfGuardian();
    const before = (await entries()).length;
    await getStudent(bed.ctx("teacher"), mateo);
    await getStudent(bed.ctx("guardian"), mateo);
    await getStudent(bed.ctx("district_admin"), mateo);
    await getStudent(bed.ctx("student"), bed.viewer("student").personId);
    const logged = (await entries()).slice(before);
    expect(logged.map((entry) => [entry.actorName, entry.purpose, entry.studentId])).toEqual([
      ["Daniel Reyes", "educational_interest", mateo],
      ["Lucía Martinez", "family_access", mateo],
      ["Priya Shah", "district_administration", mateo],
      ["Ava Martinez", "self_access", bed.viewer("student").personId],
    ]);
    for (const entry of logged) {
      expect(entry.action).toBe("read_student_record");
      expect(entry.dataElements).toContain("demographics");
      expect(entry.occurredAt.toISOString()).toBe(TEST_NOW.toISOString());
    }
  });

  it("logs nothing for a read that is refused", async () => {
    const before = (await entries()).length;
    await expect(getStudent(bed.ctx("mentor"), childOfGuardian())).rejects.toMatchObject({ code: "not_found" });
    expect((await entries()).length).toBe(before);
  });

  it("chains the entries so that verification holds", async () => {
    const reports = await verifyAccessLog(bed.database.db);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.broken).toBeNull();
    expect(reports[0]?.entries).toBe((await entries()).length);
  });

  it("refuses updates and deletes, whoever asks", async () => {
    await expect(bed.database.db.update(accessLog).set({ actorName: "nobody" })).rejects.toThrow();
    await expect(bed.database.db.delete(accessLog)).rejects.toThrow();
    await expect(bed.database.db.execute(sql`truncate access_log`)).rejects.toThrow();
    const [unchanged] = await bed.database.db
      .select({ n: count() })
      .from(accessLog)
      .where(eq(accessLog.actorName, "nobody"));
    expect(unchanged?.n).toBe(0);
  });

  it("shows a guardian and the district admin who read the child's record, and nobody else", async () => {
    const mateo = childOfGuardian();
    const forGuardian = await listAccessLog(bed.ctx("guardian"), mateo);
    expect(forGuardian.map((entry) => entry.actor.name)).toContain("Daniel Reyes");
    expect(forGuardian[0]?.actor.roles).toBeDefined();
    expect((await listAccessLog(bed.ctx("district_admin"), mateo)).length).toBe(forGuardian.length);
    for (const role of ["teacher", "school_leader", "mentor", "state_analyst", "system_admin"] as const) {
      await expect(listAccessLog(bed.ctx(role), mateo), role).rejects.toMatchObject({ code: "not_found" });
    }
    // Ava is 16: her record's log is her guardian's to read, not yet hers.
    await expect(listAccessLog(bed.ctx("student"), bed.viewer("student").personId)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("detects an entry altered behind the trigger's back", async () => {
    await bed.database.db.execute(sql`alter table access_log disable trigger access_log_no_update_or_delete`);
    await bed.database.db.update(accessLog).set({ actorName: "Someone Else" }).where(eq(accessLog.sequence, 2));
    await bed.database.db.execute(sql`alter table access_log enable trigger access_log_no_update_or_delete`);
    const [report] = await verifyAccessLog(bed.database.db);
    expect(report?.broken).toEqual({ sequence: 2, reason: "its contents do not match its hash" });
  });
});
