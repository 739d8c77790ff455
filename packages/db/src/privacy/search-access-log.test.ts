import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStudent } from "../people/get-student";
import { type DemoTestBed, openDemoTestBed } from "../testing";
import { escapeLike, searchAccessLog } from "./search-access-log";

let bed: DemoTestBed;
const at = (iso: string) => new Date(iso);
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 150 });
  const guardian = bed.account("guardian");
  const teacher = bed.account("teacher");
  const inClass = guardian.linkedPersonIds.find((id) => teacher.linkedPersonIds.includes(id)) ?? "";
  // Three reads on three days: the teacher, the guardian, the district admin.
  await getStudent(bed.ctx("teacher", at("2026-10-01T09:00:00Z")), inClass);
  await getStudent(bed.ctx("guardian", at("2026-10-02T09:00:00Z")), inClass);
  await getStudent(bed.ctx("district_admin", at("2026-10-03T23:59:00Z")), inClass);
});
afterAll(async () => bed.destroy());

const search = (query: Partial<Parameters<typeof searchAccessLog>[1]> = {}) =>
  searchAccessLog(bed.ctx("district_admin"), { limit: 50, offset: 0, ...query });

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
    expect((await search({ studentId: bed.account("student").personId })).total).toBe(0);
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
      await expect(searchAccessLog(bed.ctx(role), { limit: 50, offset: 0 }), role).rejects.toMatchObject({
        code: "not_found",
      });
    }
  });
});
