import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ students: 150 });
});
afterAll(async () => server.close());

const json = async (response: Response) => ({ status: response.status, body: await response.json() });

describe("students over HTTP", () => {
  it("lists a guardian's children with relation=child", async () => {
    const cookie = await server.signIn("guardian");
    const { status, body } = await json(await server.get("/api/v1/students?relation=child", cookie));
    expect(status).toBe(200);
    expect(body.students.map((row: { id: string }) => row.id).sort()).toEqual(
      [...server.account("guardian").linkedPersonIds].sort(),
    );
  });

  it("logs a teacher's read and shows it to the guardian, but not the log to the teacher", async () => {
    const guardian = server.account("guardian");
    const teacher = server.account("teacher");
    const child = guardian.linkedPersonIds.find((id) => teacher.linkedPersonIds.includes(id)) ?? "";
    const teacherCookie = await server.signIn("teacher");
    expect((await server.get(`/api/v1/students/${child}`, teacherCookie)).status).toBe(200);
    expect((await server.get(`/api/v1/students/${child}/access-log`, teacherCookie)).status).toBe(404);

    const { status, body } = await json(
      await server.get(`/api/v1/students/${child}/access-log`, await server.signIn("guardian")),
    );
    expect(status).toBe(200);
    expect(body.entries[0]).toMatchObject({
      actor: { name: teacher.name, roles: ["teacher"] },
      action: "read_student_record",
      purpose: "educational_interest",
    });
  });

  it("answers another family's child as not found, for the record and its log", async () => {
    const cookie = await server.signIn("guardian");
    const other = server
      .account("teacher")
      .linkedPersonIds.find((id) => !server.account("guardian").linkedPersonIds.includes(id));
    for (const path of [`/api/v1/students/${other}`, `/api/v1/students/${other}/access-log`]) {
      const { status, body } = await json(await server.get(path, cookie));
      expect(status).toBe(404);
      expect(body).toEqual({ error: { code: "not_found", message: "student not found" } });
    }
  });
});
