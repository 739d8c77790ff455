import type { AccessLogSearch, AuditEventList, PrivacySettings } from "@cairn/core";
import { schema } from "@cairn/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/server";

let server: TestServer;
let districtId: string;
let childId: string;
beforeAll(async () => {
  server = await startTestServer({ students: 150 });
  childId = server.account("guardian").linkedPersonIds[0] ?? "";
  const [found] = await server.database.db
    .select({ districtId: schema.student.districtId })
    .from(schema.student)
    .where(eq(schema.student.personId, childId));
  districtId = found?.districtId ?? "";
});
afterAll(async () => server.close());

async function send(method: string, path: string, cookie: string, body?: unknown) {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

describe("privacy settings over HTTP", () => {
  it("saves valid settings and refuses out-of-range ones with a located 422, changing nothing", async () => {
    const admin = await server.signIn("district_admin");
    const path = `/districts/${districtId}/privacy-settings`;
    const bad = await send("PUT", path, admin, {
      minimumGroupSize: 3,
      pastStudentAccessDays: 0,
      retentionYearsAfterExit: 5,
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details[0].path).toEqual(["body", "minimumGroupSize"]);
    const extra = await send("PUT", path, admin, {
      minimumGroupSize: 10,
      pastStudentAccessDays: 0,
      retentionYearsAfterExit: 5,
      other: 1,
    });
    expect(extra.status).toBe(422);
    expect((await send("GET", path, admin)).json.updatedAt).toBeNull();
    const good = await send("PUT", path, admin, {
      minimumGroupSize: 15,
      pastStudentAccessDays: 14,
      retentionYearsAfterExit: 6,
    });
    expect(good.status).toBe(200);
    expect((await send("GET", path, admin)).json as PrivacySettings).toMatchObject({
      minimumGroupSize: 15,
      pastStudentAccessDays: 14,
    });
  });
});

describe("stated-reason access over HTTP", () => {
  it("gives a system admin the same record as GET /students/{id}, and logs the reason the guardian then sees", async () => {
    const sysadmin = await server.signIn("system_admin");
    expect((await send("GET", `/students/${childId}`, sysadmin)).status).toBe(404);
    const tooShort = await send("POST", `/students/${childId}/stated-reason-access`, sysadmin, { reason: "because" });
    expect(tooShort.status).toBe(422);
    expect(tooShort.json.error.details[0].path).toEqual(["body", "reason"]);
    const reason = "Legal hold request LH-2026-04 from the district counsel";
    const opened = await send("POST", `/students/${childId}/stated-reason-access`, sysadmin, { reason });
    expect(opened.status).toBe(200);
    const guardian = await server.signIn("guardian");
    const asGuardian = await send("GET", `/students/${childId}`, guardian);
    expect(opened.json).toEqual(asGuardian.json);
    const log = await send("GET", `/students/${childId}/access-log`, guardian);
    expect(log.json.entries.map((entry: { purpose: string }) => entry.purpose)).toContain("stated_reason");
    const admin = await server.signIn("district_admin");
    const search = (await send("GET", "/access-log?purpose=stated_reason", admin)).json as AccessLogSearch;
    expect(search.entries[0]).toMatchObject({
      studentId: childId,
      purposeDetail: reason,
      actor: { name: "Jordan Lee" },
    });
  });
});

describe("the district access-log search over HTTP", () => {
  it("filters by actor name with LIKE characters taken literally, and refuses bad filters with 422", async () => {
    const admin = await server.signIn("district_admin");
    const all = (await send("GET", "/access-log?limit=200", admin)).json as AccessLogSearch;
    expect(all.total).toBeGreaterThan(0);
    const lucia = (await send("GET", `/access-log?actor=${encodeURIComponent("lucía")}`, admin))
      .json as AccessLogSearch;
    expect(lucia.entries.every((entry) => entry.actor.name === "Lucía Martinez")).toBe(true);
    expect(((await send("GET", "/access-log?actor=%25", admin)).json as AccessLogSearch).total).toBe(0);
    for (const query of ["purpose=curiosity", "from=yesterday", "limit=0", "studentId=nope", "color=red"]) {
      expect((await send("GET", `/access-log?${query}`, admin)).status, query).toBe(422);
    }
  });
});

describe("role grants and the audit trail over HTTP", () => {
  it("creates and removes a grant, and both changes are in the district admin's audit trail", async () => {
    const admin = await server.signIn("district_admin");
    const mentor = server.account("mentor").personId;
    const created = await send("POST", "/role-grants", admin, { personId: mentor, role: "guardian", districtId });
    expect(created.status).toBe(201);
    expect((await send("POST", "/role-grants", admin, { personId: mentor, role: "guardian", districtId })).status).toBe(
      409,
    );
    expect((await send("POST", "/role-grants", admin, { personId: mentor, role: "system_admin" })).status).toBe(403);
    expect((await send("POST", "/role-grants", admin, { personId: mentor, role: "teacher" })).status).toBe(422);
    expect((await send("DELETE", `/role-grants/${created.json.id}`, admin)).status).toBe(204);
    expect((await send("DELETE", `/role-grants/${created.json.id}`, admin)).status).toBe(404);
    const trail = (await send("GET", "/audit-events", admin)).json as AuditEventList;
    const actions = trail.events.filter((event) => event.subjectId === created.json.id).map((event) => event.action);
    expect(actions.sort()).toEqual(["role_grant.created", "role_grant.revoked"]);
  });
});
