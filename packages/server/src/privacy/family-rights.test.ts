import type { CorrectionRequest, PrivacyNotice } from "@cairn/core";
import { schema } from "@cairn/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../app";
import { startTestServer, type TestServer } from "../testing/server";

let server: TestServer;
let child: string;
beforeAll(async () => {
  server = await startTestServer({ students: 150 });
  const teacher = server.account("teacher");
  child = server.account("guardian").linkedPersonIds.find((id) => teacher.linkedPersonIds.includes(id)) ?? "";
});
afterAll(async () => server.close());

const hostile = `<script>alert("x")</script>'; drop table student; --`;

async function send(method: string, path: string, cookie: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe("correction requests over HTTP", () => {
  it("refuses a bad request with a located 422, and a cross-site one with 403, filing nothing", async () => {
    const cookie = await server.signIn("guardian");
    const path = `/api/v1/students/${child}/correction-requests`;
    const tooLong = await send("POST", path, cookie, { dataElement: "profile", description: "x".repeat(2001) });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.details[0].path).toEqual(["body", "description"]);
    const unknown = await send("POST", path, cookie, { dataElement: "grades", description: "wrong" });
    expect(unknown.body.error.details[0].path).toEqual(["body", "dataElement"]);
    const forged = await send(
      "POST",
      path,
      cookie,
      { dataElement: "profile", description: "x" },
      {
        origin: "https://evil.example",
      },
    );
    expect(forged.status).toBe(403);
    expect(await server.database.db.select().from(schema.correctionRequest)).toEqual([]);
  });

  it("takes a guardian's request, lets the district admin answer it once, and shows the family the answer", async () => {
    const guardian = await server.signIn("guardian");
    const admin = await server.signIn("district_admin");
    const filed = await send("POST", `/api/v1/students/${child}/correction-requests`, guardian, {
      dataElement: "guardians",
      description: hostile,
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: "open", description: hostile, dataElement: "guardians" });

    const queue = await (await server.get("/api/v1/correction-requests?status=open", admin)).json();
    expect(queue.correctionRequests.map((request: CorrectionRequest) => request.id)).toContain(filed.body.id);
    expect((await server.get("/api/v1/correction-requests?status=maybe", admin)).status).toBe(422);
    expect((await server.get("/api/v1/correction-requests", guardian)).status).toBe(403);

    const path = `/api/v1/correction-requests/${filed.body.id}/resolution`;
    expect((await send("POST", path, guardian, { status: "accepted", resolution: "mine" })).status).toBe(403);
    const answered = await send("POST", path, admin, { status: "accepted", resolution: "Fixed the spelling." });
    expect(answered).toMatchObject({ status: 200, body: { status: "accepted", resolution: "Fixed the spelling." } });
    const again = await send("POST", path, admin, { status: "rejected", resolution: "No." });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");

    const seen = await (await server.get(`/api/v1/students/${child}/correction-requests`, guardian)).json();
    expect(seen.correctionRequests[0]).toMatchObject({
      id: filed.body.id,
      status: "accepted",
      resolution: "Fixed the spelling.",
      resolvedBy: server.account("district_admin").name,
    });
    expect(
      (await server.get(`/api/v1/students/${child}/correction-requests`, await server.signIn("teacher"))).status,
    ).toBe(404);
  });
});

describe("the readable copy of the full record", () => {
  it("is one escaped HTML page with no script or inline style, logged as an export", async () => {
    const guardian = await server.signIn("guardian");
    const response = await server.get(`/api/v1/students/${child}/record.html`, guardian);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(SECURITY_HEADERS["content-security-policy"]);
    const page = await response.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("Full record of");
    expect(page).toContain('<link rel="stylesheet" href="/api/v1/privacy/record.css">');
    // The correction filed above carries markup; it arrives as text.
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;; drop table student; --");
    expect(page).not.toMatch(/<script|\sstyle=|<style|\son\w+=/i);

    const log = await (await server.get(`/api/v1/students/${child}/access-log`, guardian)).json();
    expect(log.entries[0]).toMatchObject({
      action: "export_student_record",
      actor: { name: server.account("guardian").name },
    });
  });

  it("speaks Spanish when asked, is not found for a teacher, and has a stylesheet anyone may load", async () => {
    const spanish = await server.get(
      `/api/v1/students/${child}/record.html?language=es`,
      await server.signIn("guardian"),
    );
    expect(await spanish.text()).toContain("Expediente completo de");
    expect((await server.get(`/api/v1/students/${child}/record.html`, await server.signIn("teacher"))).status).toBe(
      404,
    );
    expect((await server.get(`/api/v1/students/${child}/record.html`)).status).toBe(401);
    const css = await server.get("/api/v1/privacy/record.css");
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await css.text()).toContain("@media print");
  });
});

describe("the annual privacy notice over HTTP", () => {
  it("is published by the district admin and read by a guardian in Spanish", async () => {
    const admin = await server.signIn("district_admin");
    const bad = await send("PUT", "/api/v1/privacy-notice/2026-2028", admin, { en: "x" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toEqual(["params", "schoolYear"]);
    const teacher = await send("PUT", "/api/v1/privacy-notice/2027-2028", await server.signIn("teacher"), { en: "x" });
    expect(teacher.status).toBe(403);

    const published = await send("PUT", "/api/v1/privacy-notice/2027-2028", admin, {
      en: "What we collect, 2027.",
      es: "Lo que recopilamos, 2027.",
    });
    expect(published).toMatchObject({ status: 200, body: { schoolYear: "2027-2028", languages: ["en", "es"] } });
    const read: PrivacyNotice = await (
      await server.get("/api/v1/privacy-notice?language=es", await server.signIn("guardian"))
    ).json();
    expect(read.notice).toMatchObject({ schoolYear: "2027-2028", language: "es", body: "Lo que recopilamos, 2027." });
    expect(Array.isArray(read.providers)).toBe(true);
    expect((await server.get("/api/v1/privacy-notice", await server.signIn("state_analyst"))).status).toBe(404);
  });
});
