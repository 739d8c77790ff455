import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachmentKey, diskFileStore } from "../evidence/file-store";
import { getStudent } from "../people/get-student";
import { accessLog, auditEvent, correctionRequest, district, erasureRecord, session, student } from "../schema";
import { contextFor, type DemoTestBed, openDemoTestBed, TEST_NOW } from "../testing";
import { PERSONAL_DATA } from "./declarations";
import { eraseExpiredRecords } from "./erase";
import { updatePrivacySettings } from "./settings";
import { verifyAccessLog } from "./verify-access-log";

let bed: DemoTestBed;
let districtId: string;
const operator = () => contextFor(bed.database, { kind: "operator", name: "test" });

/** Ava left long ago; Mateo left recently enough to be kept; another student left in between. */
let ava: string;
let mateo: string;
let between: string;
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 150 });
  [{ id: districtId }] = (await bed.database.db.select({ id: district.id }).from(district)) as [{ id: string }];
  ava = bed.account("student").personId;
  mateo = bed.account("guardian").linkedPersonIds.find((id) => id !== ava) ?? "";
  const [other] = await bed.database.db
    .select({ id: student.personId })
    .from(student)
    .where(sql`${student.personId} not in (${ava}, ${mateo})`)
    .limit(1);
  between = other?.id ?? "";
  // Ava's record is rich: reads in the log, a correction request, a session.
  await getStudent(bed.ctx("guardian"), ava);
  await getStudent(bed.ctx("district_admin"), ava);
  await bed.database.db.insert(correctionRequest).values({
    districtId,
    studentId: ava,
    requestedBy: bed.account("guardian").personId,
    dataElement: "profile",
    description: "Her middle name is missing",
    status: "open",
    createdAt: TEST_NOW,
  });
  await bed.database.db
    .insert(session)
    .values({ tokenHash: "erase-test-token", personId: ava, expiresAt: new Date("2027-01-01T00:00:00Z") });
  const exit = (id: string, exitedOn: string) =>
    bed.database.db.update(student).set({ exitedOn, active: false }).where(eq(student.personId, id));
  await exit(ava, "2020-06-01"); // due 2025-06-01 with the default 5 years
  await exit(between, "2022-06-01"); // due 2027-06-01 with 5 years, 2026-06-01 with 4
  await exit(mateo, "2025-09-01"); // due 2030 (5 years) or 2029 (4 years)
});
afterAll(async () => bed.destroy());

/** For each declared table column, how many rows name this person. */
async function rowsNaming(personId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const module of PERSONAL_DATA) {
    for (const table of module.tables) {
      for (const column of table.personColumns) {
        const result = await bed.database.db.execute(
          sql`select count(*)::int as n from ${sql.identifier(table.table)} where ${sql.identifier(column)} = ${personId}`,
        );
        counts[`${table.table}.${column}`] = (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
      }
    }
  }
  return counts;
}

const keptTables = new Set(
  PERSONAL_DATA.flatMap((module) =>
    module.tables.filter((table) => table.keptAfterErasureBecause).map((table) => table.table),
  ),
);

describe("end-of-retention erasure", () => {
  it("is for the operator and system jobs only", async () => {
    for (const role of ["district_admin", "system_admin"] as const) {
      await expect(eraseExpiredRecords(bed.ctx(role), { dryRun: true }), role).rejects.toMatchObject({
        code: "forbidden",
      });
    }
  });

  it("in a dry run lists the students past retention and erases nothing", async () => {
    const before = await rowsNaming(ava);
    const summary = await eraseExpiredRecords(operator(), { dryRun: true });
    expect(summary.students.map((row) => [row.studentId, row.dueOn])).toEqual([[ava, "2025-06-01"]]);
    expect(await rowsNaming(ava)).toEqual(before);
    expect(await bed.database.db.select().from(erasureRecord)).toEqual([]);
  });

  it("follows the district's retention years", async () => {
    await updatePrivacySettings(bed.ctx("district_admin"), districtId, {
      minimumGroupSize: 10,
      pastStudentAccessDays: 0,
      retentionYearsAfterExit: 4,
    });
    const summary = await eraseExpiredRecords(operator(), { dryRun: true });
    expect(summary.students.map((row) => row.studentId)).toEqual([ava, between]);
  });

  it("removes the student from every declared table but the kept ones, and leaves proof", async () => {
    const before = await rowsNaming(ava);
    // The student's data is really there to begin with, in several modules.
    for (const column of ["person.id", "student.person_id", "enrollment.student_id", "account.person_id"])
      expect(before[column], column).toBeGreaterThan(0);
    expect(before["session.person_id"]).toBeGreaterThan(0);
    expect(before["correction_request.student_id"]).toBe(1);
    expect(before["guardian_link.student_id"]).toBeGreaterThan(0);
    const mateoBefore = await rowsNaming(mateo);

    const files = diskFileStore(mkdtempSync(join(tmpdir(), "cairn-erase-")));
    await files.put(attachmentKey(ava, "00000000-0000-4000-8000-000000000001"), new Uint8Array([1, 2, 3]));
    await files.put(attachmentKey(mateo, "00000000-0000-4000-8000-000000000002"), new Uint8Array([4]));

    const progress: number[] = [];
    const summary = await eraseExpiredRecords(operator(), {
      dryRun: false,
      onProgress: (done) => progress.push(done),
      files,
    });
    // The erased student's files go with the rows; a student kept keeps theirs.
    expect(await files.get(attachmentKey(ava, "00000000-0000-4000-8000-000000000001"))).toBeNull();
    expect(await files.get(attachmentKey(mateo, "00000000-0000-4000-8000-000000000002"))).toEqual(Buffer.from([4]));
    expect(summary.students.map((row) => row.studentId)).toEqual([ava, between]);
    // Reverse order of declaration: rows that point at the student go before the student.
    const erasers = PERSONAL_DATA.filter((module) => module.eraseStudentData).map((module) => module.module);
    expect(summary.students[0]?.modules).toEqual(erasers.reverse());
    expect(summary.students[0]?.modules.at(-1)).toBe("people");
    expect(progress).toEqual([0, 1, 2]);

    const after = await rowsNaming(ava);
    for (const [column, rows] of Object.entries(after)) {
      const table = column.split(".")[0] as string;
      // Kept tables lose nothing (the erasure record itself is one row more).
      if (keptTables.has(table)) expect(rows, column).toBeGreaterThanOrEqual(before[column] ?? 0);
      else expect(rows, column).toBe(0);
    }
    expect(after["access_log.student_id"]).toBe(before["access_log.student_id"]);
    expect(after["erasure_record.student_id"]).toBe(1);

    const [record] = await bed.database.db.select().from(erasureRecord).where(eq(erasureRecord.studentId, ava));
    expect(record).toMatchObject({ districtId, erasedBy: "operator test", modules: summary.students[0]?.modules });
    expect(record?.reason).toContain("2020-06-01");
    const events = await bed.database.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "student_record.erased"));
    expect(events.map((event) => event.subjectId).sort()).toEqual([ava, between].sort());

    // The student inside retention is untouched, row for row.
    expect(await rowsNaming(mateo)).toEqual(mateoBefore);
    // The access log still verifies: erasure never touches it.
    expect((await verifyAccessLog(bed.database.db)).every((report) => report.broken === null)).toBe(true);
    expect((await bed.database.db.select().from(accessLog).where(eq(accessLog.studentId, ava))).length).toBe(2);
  });

  it("has nothing left to erase when run again", async () => {
    expect((await eraseExpiredRecords(operator(), { dryRun: false })).students).toEqual([]);
  });
});
