import { schema } from "@cairn/db";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ students: 100 });
});
afterAll(async () => server.close());

async function signInRaw(body: string, contentType = "application/json") {
  const response = await fetch(`${server.baseUrl}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": contentType },
    body,
  });
  return { status: response.status, body: await response.json() };
}

describe("bad input", () => {
  it("answers malformed JSON with 400 malformed_request", async () => {
    expect(await signInRaw("{not json")).toEqual({
      status: 400,
      body: { error: { code: "malformed_request", message: "the request body is not valid JSON" } },
    });
  });

  it("answers wrong types with 422 and located details", async () => {
    const { status, body } = await signInRaw(JSON.stringify({ email: 42, password: "x" }));
    expect(status).toBe(422);
    expect(body.error.code).toBe("validation");
    expect(body.error.details).toContainEqual(expect.objectContaining({ path: ["body", "email"] }));
  });

  it("refuses unknown fields", async () => {
    const { status, body } = await signInRaw(JSON.stringify({ email: "a@b.example", password: "x", admin: true }));
    expect(status).toBe(422);
    expect(JSON.stringify(body.error.details)).toContain("admin");
  });

  it("answers an oversized body with 413", async () => {
    const { status, body } = await signInRaw(JSON.stringify({ email: "a@b.example", password: "x".repeat(300_000) }));
    expect(status).toBe(413);
    expect(body.error.code).toBe("payload_too_large");
  });

  it("answers a bad id with 422 and an unknown one with 404, writing nothing", async () => {
    const cookie = await server.signIn("district_admin");
    const [before] = await server.database.db.select({ n: count() }).from(schema.student);
    const bad = await server.get("/api/v1/students/not-a-uuid", cookie);
    expect(bad.status).toBe(422);
    const unknown = await server.get("/api/v1/students/00000000-0000-4000-8000-000000000000", cookie);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
    const [after] = await server.database.db.select({ n: count() }).from(schema.student);
    expect(after?.n).toBe(before?.n);
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const response = await server.get("/api/v1/nothing-here");
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });

  it("rejects query values out of range", async () => {
    const cookie = await server.signIn("district_admin");
    const response = await server.get("/api/v1/students?limit=100000", cookie);
    expect(response.status).toBe(422);
    expect((await response.json()).error.details[0].path).toEqual(["querystring", "limit"]);
  });
});

describe("health and docs", () => {
  it("reports health with the database kind", async () => {
    const body = await (await server.get("/api/health")).json();
    expect(body.status).toBe("ok");
    expect(["embedded", "postgres"]).toContain(body.database);
  });

  it("publishes an OpenAPI document listing every route", async () => {
    const document = await (await server.get("/api/docs")).json();
    expect(document.openapi).toMatch(/^3\./);
    for (const path of [
      "/api/v1/auth/sign-in",
      "/api/v1/me",
      "/api/v1/students/{id}",
      "/api/v1/sections",
      "/api/v1/schools",
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
  });
});

describe("security headers", () => {
  it("sends a strict Content-Security-Policy and no referrer on pages and API answers alike", async () => {
    for (const path of ["/", "/students/some-page", "/api/health", "/api/v1/me"]) {
      const response = await server.get(path);
      expect(response.headers.get("content-security-policy"), path).toContain("default-src 'self'");
      expect(response.headers.get("content-security-policy"), path).toContain("script-src 'self';");
      expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
    }
  });

  it("lets no browser or proxy keep a copy of an API answer", async () => {
    const cookie = await server.signIn("guardian");
    const child = server.account("guardian").linkedPersonIds[0];
    for (const path of ["/api/v1/me", `/api/v1/students/${child}`, `/api/v1/students/${child}/record`]) {
      expect((await server.get(path, cookie)).headers.get("cache-control"), path).toBe("no-store");
    }
  });
});

describe("cross-site writes", () => {
  const signInFrom = (headers: Record<string, string>) =>
    fetch(`${server.baseUrl}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ email: server.account("teacher").email, password: "cairn-demo" }),
    });

  it("refuses a write sent from another site, before it is acted on", async () => {
    const attempts: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
    ];
    for (const headers of attempts) {
      const response = await signInFrom(headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect((await response.json()).error.code).toBe("forbidden");
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  it("accepts a write from the same site", async () => {
    const response = await signInFrom({ origin: server.baseUrl, "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(200);
  });
});
