import { randomBytes } from "node:crypto";
import { type CreateAgreementInput, createAgreementBodySchema, type Viewer } from "@cairn/core";
import {
  createAgreement,
  createProvider,
  issueProviderToken,
  loadViewer,
  revokeProviderToken,
  schema,
} from "@cairn/db";
import { contextFor, TEST_NOW } from "@cairn/db/testing";
import { and, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/server";

/**
 * A provider token over HTTP: scope by data element, by school and by date, and every
 * disclosure in the access log. The clock is the server's, moved per test where dates matter.
 */
let server: TestServer;
let clock = TEST_NOW;
const logLines: string[] = [];
let admin: Viewer;
let coveredSchoolId: string;
let outsideStudentId: string;
let agreementId: string;
let token: string;
let providerId: string;

const UNAUTHENTICATED = {
  error: { code: "unauthenticated", message: "a valid provider token is required (Authorization: Bearer …)" },
};

beforeAll(async () => {
  server = await startTestServer({ students: 150, now: () => clock, logs: { write: (line) => logLines.push(line) } });
  admin = await loadViewer(server.database.db, server.account("district_admin").personId);
  const schools = await server.database.db.select({ id: schema.school.id }).from(schema.school);
  coveredSchoolId = schools[0]?.id ?? "";
  const [outside] = await server.database.db
    .select({ id: schema.student.personId })
    .from(schema.student)
    .where(ne(schema.student.schoolId, coveredSchoolId))
    .limit(1);
  outsideStudentId = outside?.id ?? "";
  providerId = (await createProvider(adminCtx(), { name: "Reading Rocket" })).id;
  const agreement = await agreementWith({});
  agreementId = agreement.id;
  token = await tokenFor(agreementId);
});
afterAll(async () => server.close());

function adminCtx() {
  return contextFor(server.database, admin, TEST_NOW);
}

function agreementWith(overrides: Partial<CreateAgreementInput>) {
  return createAgreement(
    adminCtx(),
    createAgreementBodySchema.parse({
      providerId,
      purpose: "Reading practice",
      dataElements: ["profile", "sections"],
      schoolIds: [coveredSchoolId],
      startsOn: "2026-09-01",
      endsOn: "2027-06-30",
      retention: "until the end of the school year",
      destroyBy: "2027-09-30",
      breachContact: "security@reading.example",
      status: "active",
      ...overrides,
    }),
  );
}

async function tokenFor(id: string, expiresAt = "2027-10-01T00:00:00Z"): Promise<string> {
  return (await issueProviderToken(adminCtx(), id, { label: "test", expiresAt })).token;
}

function call(path: string, headers: Record<string, string>) {
  return fetch(`${server.baseUrl}${path}`, { headers });
}
const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
const json = async (response: Response) => ({ status: response.status, body: await response.json() });

describe("a provider token", () => {
  it("lists the covered school's students with only the allowed elements", async () => {
    const { status, body } = await json(await call("/api/v1/provider/students?limit=100", bearer(token)));
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(0);
    expect(body.students.length).toBe(Math.min(100, body.total));
    for (const student of body.students) {
      expect(student.schoolId).toBe(coveredSchoolId);
      expect(Object.keys(student).sort()).toEqual(
        ["familyName", "givenName", "gradeLevel", "id", "schoolId", "schoolName", "sections", "studentNumber"].sort(),
      );
    }
    expect(body.students.map((student: { id: string }) => student.id)).not.toContain(outsideStudentId);
  });

  it("reads one covered student without the elements the agreement leaves out", async () => {
    const list = await json(await call("/api/v1/provider/students?limit=1", bearer(token)));
    const id = list.body.students[0].id;
    const { status, body } = await json(await call(`/api/v1/provider/students/${id}`, bearer(token)));
    expect(status).toBe(200);
    expect(body.id).toBe(id);
    expect(Array.isArray(body.sections)).toBe(true);
    for (const absent of [
      "birthDate",
      "gender",
      "raceEthnicity",
      "disabilityStatus",
      "guardians",
      "mentors",
      "districtId",
    ])
      expect(body).not.toHaveProperty(absent);
  });

  it("answers a student outside the agreement's schools as not found", async () => {
    const { status, body } = await json(await call(`/api/v1/provider/students/${outsideStudentId}`, bearer(token)));
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });

  it("widens with the agreement: add demographics and the fields appear", async () => {
    const wider = await agreementWith({ dataElements: ["profile", "demographics", "guardians"] });
    const widerToken = await tokenFor(wider.id);
    const { body } = await json(await call("/api/v1/provider/students?limit=1", bearer(widerToken)));
    expect(body.students[0]).toHaveProperty("birthDate");
    expect(body.students[0]).toHaveProperty("guardians");
    expect(body.students[0]).not.toHaveProperty("sections");
  });

  it("works only while the agreement is in force: not before it starts, after it ends, or from the destruction date", async () => {
    const path = "/api/v1/provider/students?limit=1";
    const at = async (iso: string) => {
      clock = new Date(iso);
      try {
        return await json(await call(path, bearer(token)));
      } finally {
        clock = TEST_NOW;
      }
    };
    expect((await at("2026-08-31T23:00:00Z")).status).toBe(401);
    expect((await at("2026-09-01T00:00:00Z")).status).toBe(200);
    expect((await at("2027-06-30T23:00:00Z")).status).toBe(200);
    expect(await at("2027-07-01T00:00:00Z")).toEqual({ status: 401, body: UNAUTHENTICATED });
    expect((await at("2027-09-30T00:00:00Z")).status).toBe(401);
  });

  it("is refused, with the same answer, when revoked, expired, forged, malformed or missing", async () => {
    const revoked = await issueProviderToken(adminCtx(), agreementId, {
      label: "r",
      expiresAt: "2027-01-01T00:00:00Z",
    });
    await revokeProviderToken(adminCtx(), revoked.id);
    const expiring = await tokenFor(agreementId, "2026-11-03T00:00:00Z");
    const suspended = await agreementWith({ status: "suspended" });
    const suspendedToken = await tokenFor(suspended.id);
    const path = "/api/v1/provider/students";
    const refusals = [
      await call(path, bearer(revoked.token)),
      await call(path, bearer(`cairn_pt_${randomBytes(32).toString("base64url")}`)),
      await call(path, bearer(suspendedToken)),
      await call(path, { authorization: `Basic ${token}` }),
      await call(path, {}),
    ];
    clock = new Date("2026-11-03T00:00:00Z");
    refusals.push(await call(path, bearer(expiring)));
    clock = TEST_NOW;
    expect((await call(path, bearer(expiring))).status).toBe(200);
    for (const response of refusals) expect(await json(response)).toEqual({ status: 401, body: UNAUTHENTICATED });
  });

  it("opens no other route, and a session cookie does not open the provider API", async () => {
    for (const path of ["/api/v1/students", "/api/v1/me", "/api/v1/agreements"]) {
      expect((await call(path, bearer(token))).status, path).toBe(401);
    }
    const cookie = await server.signIn("district_admin");
    expect((await call("/api/v1/agreements", { cookie })).status).toBe(200);
    const withCookie = await call("/api/v1/provider/students", { cookie });
    expect(await json(withCookie)).toEqual({ status: 401, body: UNAUTHENTICATED });
  });

  it("writes every disclosed student to the access log, with the agreement as the purpose", async () => {
    const before = await server.database.db
      .select({ id: schema.accessLog.id })
      .from(schema.accessLog)
      .where(eq(schema.accessLog.purpose, "provider_agreement"));
    const { body } = await json(await call("/api/v1/provider/students?limit=7&offset=3", bearer(token)));
    const single = body.students[0].id;
    await call(`/api/v1/provider/students/${single}`, bearer(token));
    await call(`/api/v1/provider/students/${outsideStudentId}`, bearer(token));
    const after = await server.database.db
      .select()
      .from(schema.accessLog)
      .where(eq(schema.accessLog.purpose, "provider_agreement"));
    const added = after.filter((entry) => !before.some((row) => row.id === entry.id));
    expect(added.map((entry) => entry.studentId).sort()).toEqual(
      [...body.students.map((student: { id: string }) => student.id), single].sort(),
    );
    for (const entry of added) {
      expect(entry).toMatchObject({
        action: "provider_read",
        purpose: "provider_agreement",
        purposeDetail: `agreement ${agreementId}`,
        actorName: "Reading Rocket",
        actorPersonId: null,
        dataElements: ["profile", "sections"],
      });
    }
    const perStudent = await server.database.db
      .select()
      .from(schema.accessLog)
      .where(
        and(
          eq(schema.accessLog.purpose, "provider_agreement"),
          inArray(schema.accessLog.studentId, [outsideStudentId]),
        ),
      );
    expect(perStudent).toEqual([]);
  });

  it("never writes a token to the server's log", () => {
    expect(logLines.join("\n")).not.toContain(token);
    expect(logLines.length).toBeGreaterThan(0);
  });
});
