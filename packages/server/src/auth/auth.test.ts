import { schema } from "@cairn/db";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("sign-in", () => {
  it("sets an HTTP-only session cookie and returns the person, roles and scope", async () => {
    const teacher = server.account("teacher");
    const response = await post("/api/v1/auth/sign-in", { email: teacher.email.toUpperCase(), password: "cairn-demo" });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie()[0] ?? "";
    expect(cookie).toMatch(/^cairn_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await response.json();
    expect(me.person.id).toBe(teacher.personId);
    expect(me.roles.map((grant: { role: string }) => grant.role)).toEqual(["teacher"]);
    expect(me.scope.sectionIds.length).toBeGreaterThan(0);
  });

  it("answers /me for the session and 401 without one", async () => {
    const cookie = await server.signIn("guardian");
    const me = await (await server.get("/api/v1/me", cookie)).json();
    expect(me.person.id).toBe(server.account("guardian").personId);
    expect([...me.scope.studentIds].sort()).toEqual([...server.account("guardian").linkedPersonIds].sort());
    const anonymous = await server.get("/api/v1/me");
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthenticated");
  });

  it("refuses a wrong password and an unknown email alike, without a session", async () => {
    for (const body of [
      { email: server.account("student").email, password: "wrong" },
      { email: "nobody@maplewood.example", password: "cairn-demo" },
    ]) {
      const response = await post("/api/v1/auth/sign-in", body);
      expect(response.status).toBe(401);
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(await response.json()).toEqual({
        error: { code: "unauthenticated", message: "the email or password is not right" },
      });
    }
  });

  it("ends the session on sign-out", async () => {
    const cookie = await server.signIn("student");
    const out = await post("/api/v1/auth/sign-out", {}, { cookie });
    expect(out.status).toBe(204);
    expect((await server.get("/api/v1/me", cookie)).status).toBe(401);
  });

  it("locks an account after repeated failures, even for the right password", async () => {
    const mentor = server.account("mentor");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await post("/api/v1/auth/sign-in", { email: mentor.email, password: `wrong-${attempt}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const right = await post("/api/v1/auth/sign-in", { email: mentor.email, password: "cairn-demo" });
    expect(right.status).toBe(429);
    expect((await right.json()).error.code).toBe("too_many_attempts");
  });

  it("does not accept an expired session", async () => {
    const cookie = await server.signIn("teacher");
    const token = cookie.split("=")[1] ?? "";
    const { createHash } = await import("node:crypto");
    await server.database.db
      .update(schema.session)
      .set({ expiresAt: new Date("2000-01-01T00:00:00Z") })
      .where(eq(schema.session.tokenHash, createHash("sha256").update(token).digest("hex")));
    expect((await server.get("/api/v1/me", cookie)).status).toBe(401);
  });

  it("stores only a hash of the session token", async () => {
    const cookie = await server.signIn("district_admin");
    const token = cookie.split("=")[1] ?? "";
    const [stored] = await server.database.db
      .select({ n: count() })
      .from(schema.session)
      .where(eq(schema.session.tokenHash, token));
    expect(stored?.n).toBe(0);
  });
});

describe("session rotation", () => {
  it("ends the session a browser held before signing in again", async () => {
    const first = await server.signIn("teacher");
    const again = await post(
      "/api/v1/auth/sign-in",
      { email: server.account("teacher").email, password: "cairn-demo" },
      { cookie: first },
    );
    expect(again.status).toBe(200);
    const second = again.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    expect(second).not.toBe(first);
    expect((await server.get("/api/v1/me", first)).status).toBe(401);
    expect((await server.get("/api/v1/me", second)).status).toBe(200);
  });
});
