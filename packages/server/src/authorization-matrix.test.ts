import { everyFeaturePackage, type Role, syntheticPackage } from "@cairn/core";
import {
  addExemplar,
  addPrerequisite,
  createAgreement,
  createProvider,
  diskFileStore,
  importCasePackage,
  issueProviderToken,
  loadViewer,
  recordEvidence,
  requestReassessment,
  saveItemRubric,
  schema,
  setItemScale,
  uploadAttachment,
} from "@cairn/db";
import { contextFor, TEST_NOW } from "@cairn/db/testing";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MATRIX } from "./testing/authorization-matrix";
import { startTestServer, type TestServer } from "./testing/server";

/** Valid bodies for writes, so each request reaches the route's own checks rather than failing validation. */
const BODIES: Record<string, unknown> = {
  "PUT /api/v1/mastery-methods": { scope: "district", method: "decaying-average", params: { weight: "0.65" } },
  "POST /api/v1/frameworks/case": everyFeaturePackage(),
  "POST /api/v1/students/{id}/correction-requests": { dataElement: "profile", description: "The birth date is wrong." },
  "POST /api/v1/correction-requests/{id}/resolution": { status: "accepted", resolution: "Corrected." },
  "PUT /api/v1/privacy-notice/{schoolYear}": { en: "What we collect.", es: "Lo que recopilamos." },
  // The defaults, so saving them changes nothing the other rows depend on.
  "PUT /api/v1/districts/{id}/privacy-settings": {
    minimumGroupSize: 10,
    pastStudentAccessDays: 0,
    retentionYearsAfterExit: 5,
  },
  "POST /api/v1/students/{id}/stated-reason-access": { reason: "Support ticket 17: checking a reported import error" },
};

/** Writes that would change what the next call finds get fresh targets before each call. */
const PREPARE: Record<string, () => Promise<void>> = {};
/** Query strings some routes need, filled in as their targets are made. */
const QUERIES: Record<string, string> = {};
let districtId: string;
let roleGrantId: string;
let server: TestServer;
let studentId: string;
let sectionId: string;
let correctionRequestId: string;
let agreementId: string;
let providerTokenId: string;
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
  const [target] = await server.database.db
    .select({ districtId: schema.student.districtId })
    .from(schema.student)
    .where(eq(schema.student.personId, studentId));
  districtId = target?.districtId ?? "";
  const [filed] = await server.database.db
    .insert(schema.correctionRequest)
    .values({
      districtId,
      studentId,
      requestedBy: guardian.personId,
      dataElement: "profile",
      description: "The birth date is wrong.",
      status: "open",
      createdAt: new Date(),
    })
    .returning({ id: schema.correctionRequest.id });
  correctionRequestId = filed?.id ?? "";
  const adminCtx = contextFor(
    server.database,
    await loadViewer(server.database.db, server.account("district_admin").personId),
    TEST_NOW,
  );
  const provider = await createProvider(adminCtx, { name: "Matrix Reading" });
  const [covered] = await server.database.db.select({ id: schema.school.id }).from(schema.school).limit(1);
  const terms = {
    purpose: "Reading practice",
    dataElements: ["profile" as const],
    schoolIds: [covered?.id ?? ""],
    startsOn: "2026-09-01",
    endsOn: "2027-06-30",
    retention: "the school year",
    destroyBy: "2027-09-30",
    breachContact: "security@reading.example",
  };
  agreementId = (await createAgreement(adminCtx, { providerId: provider.id, ...terms, status: "draft" })).id;
  providerTokenId = (
    await issueProviderToken(adminCtx, agreementId, { label: "matrix", expiresAt: "2027-06-01T00:00:00Z" })
  ).id;
  BODIES["POST /api/v1/providers"] = { name: "Another Provider" };
  BODIES["POST /api/v1/agreements"] = { providerId: provider.id, ...terms };
  BODIES["PATCH /api/v1/agreements/{id}"] = { status: "active" };
  BODIES["POST /api/v1/agreements/{id}/tokens"] = { label: "matrix", expiresAt: "2027-06-01T00:00:00Z" };
});
beforeAll(async () => {
  const freshPerson = async () => {
    const [created] = await server.database.db
      .insert(schema.person)
      .values({ districtId, givenName: "Matrix", familyName: "Person" })
      .returning({ id: schema.person.id });
    return created?.id ?? "";
  };
  PREPARE["POST /api/v1/role-grants"] = async () => {
    BODIES["POST /api/v1/role-grants"] = { personId: await freshPerson(), role: "guardian", districtId };
  };
  PREPARE["DELETE /api/v1/role-grants/{id}"] = async () => {
    const [grant] = await server.database.db
      .insert(schema.roleGrant)
      .values({ personId: await freshPerson(), role: "guardian", districtId })
      .returning({ id: schema.roleGrant.id });
    roleGrantId = grant?.id ?? "";
  };
});
let frameworkId: string;
let frameworkItemId: string;
let frameworkAssociationId = "";
beforeAll(async () => {
  const admin = await loadViewer(server.database.db, server.account("district_admin").personId);
  const draft = syntheticPackage({ items: 5, prerequisitesPerItem: 1, name: "matrix" });
  frameworkId = (await importCasePackage(server.database, admin, TEST_NOW, draft)).frameworkId;
  const [item] = await server.database.db
    .select({ id: schema.frameworkItem.id })
    .from(schema.frameworkItem)
    .where(eq(schema.frameworkItem.frameworkId, frameworkId))
    .limit(1);
  frameworkItemId = item?.id ?? "";

  let drafts = 0;
  const adminCtx = contextFor(server.database, admin, TEST_NOW);
  /** A fresh draft with two unlinked items, the target of the next editing call. */
  const freshDraft = async () => {
    const pkg = syntheticPackage({ items: 2, prerequisitesPerItem: 0, name: `matrix-draft-${++drafts}` });
    frameworkId = (await importCasePackage(server.database, admin, TEST_NOW, pkg)).frameworkId;
    const [first, second] = await server.database.db
      .select({ id: schema.frameworkItem.id })
      .from(schema.frameworkItem)
      .where(eq(schema.frameworkItem.frameworkId, frameworkId))
      .orderBy(schema.frameworkItem.position);
    frameworkItemId = first?.id ?? "";
    return { before: first?.id ?? "", after: second?.id ?? "" };
  };
  BODIES["POST /api/v1/frameworks/{id}/versions"] = { version: "2099" };
  BODIES["PATCH /api/v1/frameworks/{id}/items/{itemId}"] = { fullStatement: "Changed by the matrix" };
  PREPARE["POST /api/v1/frameworks/{id}/versions"] = async () => {
    await freshDraft();
  };
  PREPARE["PATCH /api/v1/frameworks/{id}/items/{itemId}"] = async () => {
    await freshDraft();
  };
  PREPARE["POST /api/v1/frameworks/{id}/prerequisites"] = async () => {
    BODIES["POST /api/v1/frameworks/{id}/prerequisites"] = await freshDraft();
  };
  PREPARE["DELETE /api/v1/frameworks/{id}/prerequisites"] = async () => {
    const link = await freshDraft();
    await addPrerequisite(adminCtx, frameworkId, link.before, link.after);
    QUERIES["DELETE /api/v1/frameworks/{id}/prerequisites"] = `?before=${link.before}&after=${link.after}`;
  };
  PREPARE["POST /api/v1/frameworks/{id}/publish"] = async () => {
    await freshDraft();
  };
  const threeLevels = {
    levels: [
      { code: "1", label: "Beginning", descriptor: "", value: 1 },
      { code: "2", label: "Proficient", descriptor: "", value: 2 },
      { code: "3", label: "Advanced", descriptor: "", value: 3 },
    ],
    masteryCode: "2",
  };
  BODIES["POST /api/v1/frameworks"] = { title: "Matrix framework" };
  BODIES["POST /api/v1/frameworks/{id}/items"] = { code: "NEW.1", fullStatement: "Added by the matrix" };
  BODIES["POST /api/v1/frameworks/{id}/items/{itemId}/move"] = { direction: "down" };
  BODIES["PUT /api/v1/frameworks/{id}/scale"] = threeLevels;
  BODIES["PUT /api/v1/frameworks/{id}/items/{itemId}/scale"] = threeLevels;
  BODIES["POST /api/v1/frameworks/{id}/items/{itemId}/exemplars"] = {
    title: "Work sample",
    uri: "https://samples.example.org/matrix",
    levelCode: "3",
  };
  BODIES["POST /api/v1/frameworks/{id}/items/{itemId}/rubric"] = {};
  for (const route of [
    "POST /api/v1/frameworks/{id}/items",
    "DELETE /api/v1/frameworks/{id}/items/{itemId}",
    "POST /api/v1/frameworks/{id}/items/{itemId}/move",
    "PUT /api/v1/frameworks/{id}/scale",
    "PUT /api/v1/frameworks/{id}/items/{itemId}/scale",
    "POST /api/v1/frameworks/{id}/items/{itemId}/exemplars",
    "POST /api/v1/frameworks/{id}/items/{itemId}/rubric",
  ])
    PREPARE[route] = async () => {
      await freshDraft();
    };
  PREPARE["DELETE /api/v1/frameworks/{id}/items/{itemId}/scale"] = async () => {
    await freshDraft();
    await setItemScale(adminCtx, frameworkId, frameworkItemId, threeLevels);
  };
  PREPARE["DELETE /api/v1/frameworks/{id}/items/{itemId}/exemplars/{associationId}"] = async () => {
    await freshDraft();
    frameworkAssociationId = (
      await addExemplar(adminCtx, frameworkId, frameworkItemId, {
        title: "Work sample",
        uri: "https://samples.example.org/matrix",
        levelCode: "3",
      })
    ).associationId;
  };
  PREPARE["DELETE /api/v1/frameworks/{id}/items/{itemId}/rubric"] = async () => {
    await freshDraft();
    await saveItemRubric(adminCtx, frameworkId, frameworkItemId, {});
  };
});
let evidenceId = "";
let reassessmentId = "";
let attachmentId = "";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
/** Routes whose body is a file rather than JSON. */
const RAW_BODIES: Record<string, { type: string; bytes: Buffer }> = {};
beforeAll(async () => {
  // An item of the demo's published mathematics framework, and fresh pending evidence for each decision.
  const [item] = await server.database.db
    .select({ id: schema.frameworkItem.id })
    .from(schema.frameworkItem)
    .innerJoin(schema.framework, eq(schema.framework.id, schema.frameworkItem.frameworkId))
    .where(and(eq(schema.framework.title, "Mathematics K–8 (Common Core)"), eq(schema.framework.status, "published")))
    .limit(1);
  const body = {
    kind: "observation" as const,
    setting: "home" as const,
    title: "Matrix evidence",
    occurredAt: "2026-10-30T16:00:00Z",
    scores: [{ itemId: item?.id ?? "", score: 3 }],
  };
  BODIES["POST /api/v1/students/{id}/evidence"] = body;
  BODIES["POST /api/v1/evidence/batch"] = { records: [{ ...body, studentId }] };
  BODIES["POST /api/v1/evidence/{id}/validation"] = { decision: "validated" };
  BODIES["POST /api/v1/evidence/{id}/void"] = { reason: "Matrix check" };
  const guardianCtx = contextFor(
    server.database,
    await loadViewer(server.database.db, server.account("guardian").personId),
    TEST_NOW,
  );
  for (const route of ["POST /api/v1/evidence/{id}/validation", "POST /api/v1/evidence/{id}/void"])
    PREPARE[route] = async () => {
      evidenceId = (await recordEvidence(guardianCtx, studentId, body)).id;
    };
  const reassessment = { itemId: item?.id ?? "" };
  BODIES["POST /api/v1/students/{id}/reassessment-requests"] = reassessment;
  BODIES["POST /api/v1/reassessment-requests/{id}/decline"] = { comment: "Next unit instead" };
  BODIES["PUT /api/v1/rollup-rules"] = { frameworkId: null, rule: { rule: "all" } };
  // One open request per student and item: each call starts with none open.
  const closeOpenRequests = () =>
    server.database.db.delete(schema.reassessmentRequest).where(eq(schema.reassessmentRequest.studentId, studentId));
  PREPARE["POST /api/v1/students/{id}/reassessment-requests"] = async () => {
    await closeOpenRequests();
  };
  PREPARE["POST /api/v1/reassessment-requests/{id}/decline"] = async () => {
    await closeOpenRequests();
    reassessmentId = (await requestReassessment(guardianCtx, studentId, reassessment)).id;
  };
  RAW_BODIES["POST /api/v1/students/{id}/attachments"] = { type: "image/png", bytes: PNG };
  QUERIES["POST /api/v1/students/{id}/attachments"] = "?fileName=work.png";
  PREPARE["GET /api/v1/attachments/{id}"] = async () => {
    attachmentId = (
      await uploadAttachment(guardianCtx, diskFileStore(server.filesDir), studentId, {
        fileName: "work.png",
        mediaType: "image/png",
        bytes: PNG,
      })
    ).id;
  };
});
afterAll(async () => server.close());

/** Which target an `{id}` stands for, by the route's prefix; any other `{id}` is the target student. */
const ID_BY_PREFIX: [string, () => string][] = [
  ["/api/v1/frameworks", () => frameworkId],
  ["/api/v1/districts", () => districtId],
  ["/api/v1/role-grants", () => roleGrantId],
  ["/api/v1/sections", () => sectionId],
  ["/api/v1/correction-requests", () => correctionRequestId],
  ["/api/v1/agreements", () => agreementId],
  ["/api/v1/provider-tokens", () => providerTokenId],
  ["/api/v1/evidence", () => evidenceId],
  ["/api/v1/reassessment-requests", () => reassessmentId],
  ["/api/v1/attachments", () => attachmentId],
];

async function statusFor(route: string, role: Role | "anonymous"): Promise<number> {
  const [method, template] = route.split(" ") as [string, string];
  await PREPARE[route]?.();
  const path = template
    .replace("{id}", (ID_BY_PREFIX.find(([prefix]) => template.startsWith(prefix))?.[1] ?? (() => studentId))())
    .replace("{schoolYear}", "2026-2027")
    .replace("{itemId}", frameworkItemId)
    .replace("{associationId}", frameworkAssociationId)
    .concat(QUERIES[route] ?? "");
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
  const raw = RAW_BODIES[route];
  const body = BODIES[route];
  const contentType = raw ? raw.type : body === undefined ? undefined : "application/json";
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(contentType ? { "content-type": contentType } : {}) },
    body: raw ? new Uint8Array(raw.bytes) : body === undefined ? undefined : JSON.stringify(body),
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
