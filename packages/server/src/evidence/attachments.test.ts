import { readdirSync } from "node:fs";
import { join } from "node:path";
import { schema } from "@cairn/db";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/server";

let server: TestServer;
let student: string;
let teacher: string;
let guardian: string;
let studentId: string;
let itemId: string;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);

const upload = (cookie: string, bytes: Buffer, type: string, fileName: string, student = studentId) =>
  fetch(`${server.baseUrl}/api/v1/students/${student}/attachments?fileName=${encodeURIComponent(fileName)}`, {
    method: "POST",
    headers: { cookie, "content-type": type },
    body: new Uint8Array(bytes),
  });
const send = (method: string, path: string, cookie: string, body?: unknown) =>
  fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const storedFiles = () => readdirSync(server.filesDir, { recursive: true }).length;

beforeAll(async () => {
  server = await startTestServer({ students: 150 });
  const mateo = server.accounts.find((account) => account.name === "Mateo Martinez");
  if (!mateo) throw new Error("no demo account for Mateo");
  studentId = mateo.personId;
  const [item] = await server.database.db
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
    .limit(1);
  itemId = item?.id ?? "";
  student = await server.signIn(mateo);
  teacher = await server.signIn("teacher");
  guardian = await server.signIn("guardian");
});
afterAll(async () => server.close());

describe("evidence attachments", () => {
  it("a student uploads a photo, attaches it to evidence, and the family and teacher can download it", async () => {
    const uploaded = await upload(student, PNG, "image/png", "poster.png");
    expect(uploaded.status).toBe(201);
    const attachment = await uploaded.json();
    expect(attachment).toMatchObject({ fileName: "poster.png", mediaType: "image/png", sizeBytes: PNG.length });
    const recorded = await send("POST", `/students/${studentId}/evidence`, student, {
      kind: "portfolio",
      setting: "home",
      title: "Ratio poster",
      occurredAt: "2026-10-25T18:00:00Z",
      scores: [{ itemId, score: 3 }],
      attachmentIds: [attachment.id],
    });
    expect(recorded.status).toBe(201);
    expect((await recorded.json()).attachments).toEqual([attachment]);
    for (const cookie of [guardian, teacher]) {
      const download = await send("GET", `/attachments/${attachment.id}`, cookie);
      expect(download.status).toBe(200);
      expect(download.headers.get("content-type")).toBe("image/png");
      expect(download.headers.get("content-disposition")).toContain("poster.png");
      expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG);
    }
  });

  it("refuses a forbidden type, bytes that lie about their type, and a file over 10 MB, storing nothing", async () => {
    const before = storedFiles();
    const html = await upload(student, Buffer.from("<script>alert(1)</script>"), "text/html", "page.html");
    expect(html.status).toBe(415);
    expect((await html.json()).error.details[0].path).toEqual(["mediaType"]);
    const exe = await upload(student, Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), "image/png", "photo.png");
    expect(exe.status).toBe(422);
    expect((await exe.json()).error.message).toContain("not a image/png file");
    const huge = await upload(student, Buffer.alloc(10 * 1024 * 1024 + 2, 0x41), "text/plain", "big.txt");
    expect(huge.status).toBe(413);
    expect(storedFiles()).toBe(before);
  });

  it("an attachment is attached once, only by whoever uploaded it, only to that student's evidence", async () => {
    const attachment = await (await upload(student, PNG, "image/png", "second.png")).json();
    const evidence = (ids: string[]) => ({
      kind: "observation",
      setting: "classroom",
      title: "Observed",
      occurredAt: "2026-10-26T10:00:00Z",
      scores: [{ itemId, score: 2 }],
      attachmentIds: ids,
    });
    const byTeacher = await send("POST", `/students/${studentId}/evidence`, teacher, evidence([attachment.id]));
    expect(byTeacher.status).toBe(422);
    expect((await byTeacher.json()).error.details[0].path).toEqual(["body", "attachmentIds", 0]);
    expect((await send("POST", `/students/${studentId}/evidence`, student, evidence([attachment.id]))).status).toBe(
      201,
    );
    expect((await send("POST", `/students/${studentId}/evidence`, student, evidence([attachment.id]))).status).toBe(
      422,
    );
  });

  it("someone who may not read the student cannot upload or download", async () => {
    const attachment = await (await upload(student, PNG, "image/png", "third.png")).json();
    const analyst = await server.signIn("state_analyst");
    expect((await send("GET", `/attachments/${attachment.id}`, analyst)).status).toBe(404);
    expect((await upload(analyst, PNG, "image/png", "x.png")).status).toBe(404);
  });

  it("keeps each student's files under the student, so erasure removes them together", () => {
    expect(readdirSync(join(server.filesDir, "students"))).toEqual([studentId]);
  });
});
