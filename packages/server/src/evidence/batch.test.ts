import { rebuildMastery, schema } from "@cairn/db";
import { TEST_NOW } from "@cairn/db/testing";
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/server";

let server: TestServer;
let teacher: string;
let guardian: string;
let students: string[];
let items: string[];

const post = (cookie: string, body: unknown) =>
  fetch(`${server.baseUrl}/api/v1/evidence/batch`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const record = (studentId: string, itemId: string, score: number) => ({
  studentId,
  kind: "assessment",
  setting: "classroom",
  title: "Unit 3 quiz",
  occurredAt: "2026-10-29T10:00:00Z",
  scores: [{ itemId, score }],
});
const evidenceCount = async () =>
  (await server.database.db.select({ id: schema.evidence.id }).from(schema.evidence)).length;

beforeAll(async () => {
  server = await startTestServer({ students: 150 });
  students = server.account("teacher").linkedPersonIds.slice(0, 5);
  items = (
    await server.database.db
      .select({ id: schema.frameworkItem.id })
      .from(schema.frameworkItem)
      .innerJoin(schema.framework, eq(schema.framework.id, schema.frameworkItem.frameworkId))
      .where(
        and(
          eq(schema.framework.title, "Mathematics K–8 (Common Core)"),
          eq(schema.frameworkItem.itemType, "Learning target"),
        ),
      )
      .orderBy(asc(schema.frameworkItem.position))
      .limit(3)
  ).map((row) => row.id);
  teacher = await server.signIn("teacher");
  guardian = await server.signIn("guardian");
});
afterAll(async () => server.close());

describe("recording evidence in bulk", () => {
  it("records every row for the teacher's students and keeps mastery exactly as a rebuild would", async () => {
    const records = students.flatMap((studentId) => items.map((itemId, index) => record(studentId, itemId, 2 + index)));
    const answer = await post(teacher, { records });
    expect(answer.status).toBe(201);
    const result = await answer.json();
    expect(result).toMatchObject({ recorded: records.length });
    expect(result.evidenceIds).toHaveLength(records.length);
    const stored = await server.database.db
      .select()
      .from(schema.mastery)
      .where(and(inArray(schema.mastery.studentId, students), inArray(schema.mastery.itemId, items)));
    expect(stored).toHaveLength(students.length * items.length);
    expect(await rebuildMastery(server.database, TEST_NOW, { verify: true })).toEqual([]);
  });

  it("is all or nothing: one bad row is located and nothing is written", async () => {
    const before = await evidenceCount();
    const records = [record(students[0] ?? "", items[0] ?? "", 3), record(students[1] ?? "", items[1] ?? "", 9)];
    const answer = await post(teacher, { records });
    expect(answer.status).toBe(422);
    expect((await answer.json()).error.details[0].path).toEqual(["body", "records", 1, "scores", 0, "score"]);
    const future = await post(teacher, {
      records: [{ ...record(students[0] ?? "", items[0] ?? "", 3), occurredAt: "2027-01-01T00:00:00Z" }],
    });
    expect((await future.json()).error.details[0].path).toEqual(["body", "records", 0, "occurredAt"]);
    expect(await evidenceCount()).toBe(before);
  });

  it("refuses students the viewer does not teach, by place, and a guardian's bulk records", async () => {
    const before = await evidenceCount();
    const stranger = server.account("student").personId;
    const answer = await post(teacher, {
      records: [record(students[0] ?? "", items[0] ?? "", 3), record(stranger, items[0] ?? "", 3)],
    });
    expect(answer.status).toBe(422);
    expect((await answer.json()).error.details[0].path).toEqual(["body", "records", 1, "studentId"]);
    expect((await post(guardian, { records: [record(students[0] ?? "", items[0] ?? "", 3)] })).status).toBe(422);
    expect(await evidenceCount()).toBe(before);
  });

  it("refuses more than 5,000 records", async () => {
    const records = Array.from({ length: 5001 }, () => record(students[0] ?? "", items[0] ?? "", 3));
    expect((await post(teacher, { records })).status).toBe(422);
  });
});
