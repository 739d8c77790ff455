import { ROLES, type Role } from "@cairn/core";
import { schema } from "@cairn/db";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./testing/server";

/**
 * Every API route × every role (and no session), with real data: the status each must get.
 * The route list comes from the server's own OpenAPI document, so a route added without
 * a row here fails this test.
 *
 * Targets: the guardian's child who is in the teacher's class (a middle-school student),
 * and that class. Denials of individual records are 404, as if the record did not exist.
 */
type Expectation = Record<Role | "anonymous", number>;

const everyRole = (status: number, anonymous: number): Expectation => ({
  ...(Object.fromEntries(ROLES.map((role) => [role, status])) as Record<Role, number>),
  anonymous,
});

const MATRIX: Record<string, Expectation> = {
  "GET /api/health": everyRole(200, 200),
  "POST /api/v1/auth/sign-in": everyRole(200, 401),
  "POST /api/v1/auth/sign-out": everyRole(204, 204),
  "GET /api/v1/me": everyRole(200, 401),
  "GET /api/v1/students": everyRole(200, 401),
  "GET /api/v1/sections": everyRole(200, 401),
  "GET /api/v1/schools": everyRole(200, 401),
  "GET /api/v1/students/{id}": {
    student: 404,
    guardian: 200,
    teacher: 200,
    paraprofessional: 404,
    mentor: 404,
    school_leader: 200,
    district_admin: 200,
    state_analyst: 404,
    system_admin: 404,
    anonymous: 401,
  },
  "GET /api/v1/students/{id}/access-log": {
    student: 404,
    guardian: 200,
    teacher: 404,
    paraprofessional: 404,
    mentor: 404,
    school_leader: 404,
    district_admin: 200,
    state_analyst: 404,
    system_admin: 404,
    anonymous: 401,
  },
  "GET /api/v1/students/{id}/record": {
    student: 404,
    guardian: 200,
    teacher: 404,
    paraprofessional: 404,
    mentor: 404,
    school_leader: 404,
    district_admin: 200,
    state_analyst: 404,
    system_admin: 404,
    anonymous: 401,
  },
  "GET /api/v1/sections/{id}": {
    student: 404,
    guardian: 404,
    teacher: 200,
    paraprofessional: 404,
    mentor: 404,
    school_leader: 200,
    district_admin: 200,
    state_analyst: 404,
    system_admin: 404,
    anonymous: 401,
  },
};

let server: TestServer;
let studentId: string;
let sectionId: string;
beforeAll(async () => {
  server = await startTestServer({ students: 200 });
  const guardian = server.account("guardian");
  const teacher = server.account("teacher");
  studentId = guardian.linkedPersonIds.find((id) => teacher.linkedPersonIds.includes(id)) ?? "";
  const [enrolled] = await server.database.db
    .select({ sectionId: schema.enrollment.sectionId })
    .from(schema.enrollment)
    .innerJoin(schema.sectionStaff, eq(schema.sectionStaff.sectionId, schema.enrollment.sectionId))
    .where(and(eq(schema.enrollment.studentId, studentId), inArray(schema.sectionStaff.personId, [teacher.personId])));
  sectionId = enrolled?.sectionId ?? "";
});
afterAll(async () => server.close());

async function statusFor(route: string, role: Role | "anonymous"): Promise<number> {
  const [method, template] = route.split(" ") as [string, string];
  const path = template.replace("{id}", template.startsWith("/api/v1/sections") ? sectionId : studentId);
  if (route === "POST /api/v1/auth/sign-in") {
    const account = role === "anonymous" ? { email: "nobody@maplewood.example", password: "x" } : server.account(role);
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: account.email, password: account.password }),
    });
    return response.status;
  }
  const cookie = role === "anonymous" ? undefined : await server.signIn(role);
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: cookie ? { cookie } : {},
  });
  return response.status;
}

describe("authorization matrix", () => {
  it("has a row for every route the server serves", async () => {
    const document = await (await server.get("/api/docs")).json();
    const served = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(served.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it("the target student and section are real", () => {
    expect(studentId).not.toBe("");
    expect(sectionId).not.toBe("");
  });

  for (const [route, expected] of Object.entries(MATRIX)) {
    it(`${route}: each role gets what it may`, async () => {
      const actual: Record<string, number> = {};
      for (const role of Object.keys(expected) as (Role | "anonymous")[]) actual[role] = await statusFor(route, role);
      expect(actual).toEqual(expected);
    });
  }
});
