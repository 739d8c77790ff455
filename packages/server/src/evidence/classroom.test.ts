import { schema } from "@cairn/db";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/server";

let server: TestServer;
let teacher: string;
let student: string;
let guardian: string;
let studentId: string;
let sectionId: string;
let items: { id: string; code: string | null }[];

const send = (method: string, path: string, cookie: string, body?: unknown) =>
  fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** The named student's section taught by the named teacher, aligned (as a district would) to six grade-6 math targets. */
beforeAll(async () => {
  server = await startTestServer({ students: 150 });
  const db = server.database.db;
  const mateo = server.accounts.find((account) => account.name === "Mateo Martinez");
  if (!mateo) throw new Error("no demo account for Mateo");
  studentId = mateo.personId;
  const [taught] = await db
    .select({ id: schema.section.id, courseCode: schema.section.courseCode, districtId: schema.section.districtId })
    .from(schema.section)
    .innerJoin(schema.sectionStaff, eq(schema.sectionStaff.sectionId, schema.section.id))
    .innerJoin(schema.enrollment, eq(schema.enrollment.sectionId, schema.section.id))
    .where(
      and(
        eq(schema.sectionStaff.personId, server.account("teacher").personId),
        eq(schema.enrollment.studentId, studentId),
      ),
    )
    .limit(1);
  if (!taught) throw new Error("the named teacher does not teach the named student");
  sectionId = taught.id;
  items = await db
    .select({ id: schema.frameworkItem.id, code: schema.frameworkItem.code })
    .from(schema.frameworkItem)
    .innerJoin(schema.framework, eq(schema.framework.id, schema.frameworkItem.frameworkId))
    .where(
      and(
        eq(schema.framework.title, "Mathematics K–8 (Common Core)"),
        eq(schema.frameworkItem.itemType, "Learning target"),
      ),
    )
    .orderBy(asc(schema.frameworkItem.position))
    .limit(6);
  await db
    .delete(schema.courseItem)
    .where(
      and(eq(schema.courseItem.districtId, taught.districtId), eq(schema.courseItem.courseCode, taught.courseCode)),
    );
  await db.insert(schema.courseItem).values(
    items.map((item, position) => ({
      districtId: taught.districtId,
      courseCode: taught.courseCode,
      itemId: item.id,
      position,
    })),
  );
  teacher = await server.signIn("teacher");
  student = await server.signIn(mateo);
  guardian = await server.signIn("guardian");
});
afterAll(async () => server.close());

const body = (itemId: string, entry: { score?: number; level?: string }, more: Record<string, unknown> = {}) => ({
  kind: "performance_task",
  setting: "classroom",
  title: "Recipe scaling task",
  occurredAt: "2026-10-28T10:00:00Z",
  scores: [{ itemId, ...entry }],
  ...more,
});

describe("the gradebook", () => {
  it("shows the section's students × the course's items, and a rubric score changes the cell", async () => {
    const item = items[0]?.id ?? "";
    const before = await (await send("GET", `/sections/${sectionId}/gradebook`, teacher)).json();
    expect(before.items.map((entry: { itemId: string }) => entry.itemId)).toEqual(items.map((entry) => entry.id));
    expect(before.students.some((entry: { studentId: string }) => entry.studentId === studentId)).toBe(true);
    expect(before.items[0].levels.map((level: { value: number }) => level.value)).toEqual([1, 2, 3, 4]);
    const cellBefore = before.cells.find(
      (cell: { studentId: string; itemId: string }) => cell.studentId === studentId && cell.itemId === item,
    );

    const scored = await send("POST", `/students/${studentId}/evidence`, teacher, body(item, { level: "4" }));
    expect(scored.status).toBe(201);
    expect((await scored.json()).scores[0]).toMatchObject({ itemId: item, score: 4, level: "4" });

    const after = await (await send("GET", `/sections/${sectionId}/gradebook`, teacher)).json();
    const cell = after.cells.find(
      (entry: { studentId: string; itemId: string }) => entry.studentId === studentId && entry.itemId === item,
    );
    expect(cell).toMatchObject({ mastered: true, level: "Advanced" });
    expect(cell.evidenceCount).toBe((cellBefore?.evidenceCount ?? 0) + 1);
  });

  it("refuses a rubric level the item's scale does not have, and a score with a level, at the right place", async () => {
    const item = items[1]?.id ?? "";
    const unknown = await send("POST", `/students/${studentId}/evidence`, teacher, body(item, { level: "7" }));
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.details[0]).toMatchObject({ path: ["body", "scores", 0, "level"] });
    const both = await send("POST", `/students/${studentId}/evidence`, teacher, body(item, { level: "3", score: 3 }));
    expect(both.status).toBe(422);
  });

  it("is for the section's educators: a student or guardian gets not found", async () => {
    expect((await send("GET", `/sections/${sectionId}/gradebook`, student)).status).toBe(404);
    expect((await send("GET", `/sections/${sectionId}/gradebook`, guardian)).status).toBe(404);
  });

  it("filters by competency", async () => {
    const full = await (await send("GET", `/sections/${sectionId}/gradebook`, teacher)).json();
    const competency = full.competencies[0].itemId;
    const filtered = await (
      await send("GET", `/sections/${sectionId}/gradebook?competency=${competency}`, teacher)
    ).json();
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.every((item: { competencyId: string }) => item.competencyId === competency)).toBe(true);
    expect(filtered.items.length).toBe(
      full.items.filter((item: { competencyId: string }) => item.competencyId === competency).length,
    );
  });
});

describe("out-of-school evidence and the validation queue", () => {
  it("a student's evidence waits in the teacher's queue; one validation wins, the other is a conflict", async () => {
    const item = items[2]?.id ?? "";
    const submitted = await send(
      "POST",
      `/students/${studentId}/evidence`,
      student,
      body(
        item,
        { score: 3 },
        {
          kind: "extended_learning",
          setting: "community",
          title: "Food bank volunteering",
          reflection: "I scaled recipes for 40 people.",
        },
      ),
    );
    expect(submitted.status).toBe(201);
    const entry = await submitted.json();
    expect(entry.status).toBe("pending");
    const queue = await (await send("GET", `/evidence/pending?section=${sectionId}`, teacher)).json();
    expect(queue.entries.find((pending: { id: string }) => pending.id === entry.id)).toMatchObject({
      studentName: "Mateo Martinez",
      reflection: "I scaled recipes for 40 people.",
    });
    const gradebook = await (await send("GET", `/sections/${sectionId}/gradebook`, teacher)).json();
    expect(gradebook.pendingCount).toBeGreaterThan(0);

    const [first, second] = await Promise.all([
      send("POST", `/evidence/${entry.id}/validation`, teacher, {
        decision: "validated",
        comment: "Confirmed with the coordinator",
      }),
      send("POST", `/evidence/${entry.id}/validation`, teacher, { decision: "rejected", comment: "Not enough detail" }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const after = await (await send("GET", `/evidence/pending`, teacher)).json();
    expect(after.entries.some((pending: { id: string }) => pending.id === entry.id)).toBe(false);
  });

  it("the queue is empty for someone who teaches no one", async () => {
    const queue = await send("GET", "/evidence/pending", guardian);
    expect(queue.status).toBe(200);
    expect((await queue.json()).entries).toEqual([]);
  });
});

describe("reassessment requests", () => {
  it("a student asks, the teacher's queue shows it, and new evidence on the item answers it", async () => {
    const item = items[3]?.id ?? "";
    const asked = await send("POST", `/students/${studentId}/reassessment-requests`, student, {
      itemId: item,
      note: "I practised more",
    });
    expect(asked.status).toBe(201);
    const request = await asked.json();
    expect(request).toMatchObject({ status: "open", item: { id: item } });
    expect((await send("POST", `/students/${studentId}/reassessment-requests`, student, { itemId: item })).status).toBe(
      409,
    );
    const queue = await (await send("GET", "/reassessment-requests", teacher)).json();
    expect(queue.requests.some((entry: { id: string }) => entry.id === request.id)).toBe(true);
    const evidence = await (
      await send("POST", `/students/${studentId}/evidence`, teacher, body(item, { score: 3 }))
    ).json();
    const mine = await (await send("GET", `/students/${studentId}/reassessment-requests`, guardian)).json();
    expect(mine.requests.find((entry: { id: string }) => entry.id === request.id)).toMatchObject({
      status: "reassessed",
      evidenceId: evidence.id,
    });
  });

  it("only an educator declines, with a reason, once", async () => {
    const item = items[4]?.id ?? "";
    const request = await (
      await send("POST", `/students/${studentId}/reassessment-requests`, guardian, { itemId: item })
    ).json();
    expect(
      (await send("POST", `/reassessment-requests/${request.id}/decline`, student, { comment: "No thanks" })).status,
    ).toBe(403);
    expect((await send("POST", `/reassessment-requests/${request.id}/decline`, teacher, { comment: "" })).status).toBe(
      422,
    );
    const declined = await send("POST", `/reassessment-requests/${request.id}/decline`, teacher, {
      comment: "Scheduled for next unit instead",
    });
    expect(declined.status).toBe(200);
    expect((await declined.json()).status).toBe("declined");
    expect(
      (await send("POST", `/reassessment-requests/${request.id}/decline`, teacher, { comment: "Again" })).status,
    ).toBe(409);
  });
});

describe("progress and roll-ups", () => {
  it("counts the course's items by standing and rolls targets up to their competency", async () => {
    const progress = await (await send("GET", `/students/${studentId}/progress`, guardian)).json();
    const course = progress.courses.find((entry: { sectionId: string }) => entry.sectionId === sectionId);
    expect(course.total).toBe(items.length);
    expect(course.mastered + course.inProgress + course.notStarted).toBe(items.length);
    expect(course.mastered).toBeGreaterThanOrEqual(2);
    expect(course.recentlyMastered.length).toBeGreaterThan(0);
    const domain = progress.rollups.find((entry: { itemType: string }) => entry.itemType === "Domain");
    expect(domain).toBeDefined();
    expect(domain.totalChildren).toBeGreaterThanOrEqual(domain.masteredChildren);
    expect(domain.rule).toEqual({ rule: "all" });
  });

  it("follows the district's roll-up rule", async () => {
    const admin = await server.signIn("district_admin");
    const before = await (await send("GET", `/students/${studentId}/progress`, teacher)).json();
    const domain = before.rollups.find(
      (entry: { itemType: string; masteredChildren: number }) =>
        entry.itemType === "Domain" && entry.masteredChildren > 0,
    );
    expect(domain.standing).not.toBe("mastered");
    const share = domain.masteredChildren / domain.totalChildren;
    expect(
      (await send("PUT", "/rollup-rules", admin, { frameworkId: null, rule: { rule: "share", share } })).status,
    ).toBe(204);
    const rules = await (await send("GET", "/rollup-rules", admin)).json();
    expect(rules.rules).toMatchObject([{ frameworkId: null, rule: { rule: "share", share } }]);
    const after = await (await send("GET", `/students/${studentId}/progress`, teacher)).json();
    expect(after.rollups.find((entry: { itemId: string }) => entry.itemId === domain.itemId).standing).toBe("mastered");
    expect(
      (await send("PUT", "/rollup-rules", admin, { frameworkId: null, rule: { rule: "share", share: 0 } })).status,
    ).toBe(422);
    expect((await send("PUT", "/rollup-rules", teacher, { frameworkId: null, rule: { rule: "all" } })).status).toBe(
      403,
    );
    expect((await send("PUT", "/rollup-rules", admin, { frameworkId: null, rule: null })).status).toBe(204);
  });
});
