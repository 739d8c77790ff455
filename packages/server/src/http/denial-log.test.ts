import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/server";

const lines: string[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ students: 100, logs: { write: (line) => lines.push(line) } });
});
afterAll(async () => server.close());

describe("denials", () => {
  it("answer 'not found' to the asker and write who asked for what to the server log", async () => {
    const guardian = server.account("guardian");
    const outsider = server.account("teacher").linkedPersonIds.find((id) => !guardian.linkedPersonIds.includes(id));
    const cookie = await server.signIn("guardian");
    const response = await server.get(`/api/v1/students/${outsider}`, cookie);
    expect(response.status).toBe(404);
    const denials = lines.map((line) => JSON.parse(line)).filter((entry) => entry.denial);
    expect(denials).toContainEqual(
      expect.objectContaining({
        level: 40,
        denial: { code: "not_found", viewer: guardian.personId, method: "GET", url: `/api/v1/students/${outsider}` },
      }),
    );
    expect(lines.join("\n")).not.toContain(cookie.split("=")[1] ?? "no cookie");
  });
});
