import { createHash } from "node:crypto";
import type { CreateAgreementInput, Viewer } from "@cairn/core";
import { createAgreementBodySchema } from "@cairn/core";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, dataSharingAgreement, district, providerToken, school } from "../schema";
import { contextFor, openDemoTestBed, TEST_NOW, type TestDatabase } from "../testing";
import { createAgreement } from "./create-agreement";
import { createProvider } from "./create-provider";
import { issueProviderToken } from "./issue-token";
import { getAgreement, listAgreements } from "./list-agreements";
import { listProviders } from "./list-providers";
import { resolveProviderToken } from "./resolve-token";
import { revokeProviderToken } from "./revoke-token";
import { updateAgreement } from "./update-agreement";

let database: TestDatabase;
let admin: Viewer;
let teacher: Viewer;
let otherDistrictAdmin: Viewer;
let districtId: string;
let schoolIds: string[];
let foreignSchoolId: string;
let providerId: string;

beforeAll(async () => {
  const bed = await openDemoTestBed({ students: 120 });
  database = bed.database;
  admin = bed.viewer("district_admin");
  teacher = bed.viewer("teacher");
  const schools = await database.db.select().from(school).orderBy(asc(school.name));
  districtId = schools[0]?.districtId ?? "";
  schoolIds = schools.map((row) => row.id);
  // A second district with a school of its own, and an administrator of only that district.
  const [home] = await database.db.select().from(district).where(eq(district.id, districtId));
  const [other] = await database.db
    .insert(district)
    .values({ stateId: home?.stateId ?? "", code: "OTHER", name: "Other District" })
    .returning();
  const [foreign] = await database.db
    .insert(school)
    .values({
      districtId: other?.id ?? "",
      code: "X1",
      name: "Far School",
      level: "high",
      lowestGrade: "09",
      highestGrade: "12",
    })
    .returning();
  foreignSchoolId = foreign?.id ?? "";
  otherDistrictAdmin = {
    kind: "person",
    personId: bed.account("teacher").personId,
    grants: [{ role: "district_admin", stateId: null, districtId: other?.id ?? "", schoolId: null }],
  };
  providerId = (
    await createProvider(contextFor(database, admin), { name: "Reading Rocket", website: "https://reading.example" })
  ).id;
});
afterAll(async () => database.destroy());

const ctx = (viewer: Viewer, now = TEST_NOW) => contextFor(database, viewer, now);
const terms = (overrides: Partial<CreateAgreementInput> = {}) =>
  createAgreementBodySchema.parse({
    providerId,
    purpose: "Reading practice and progress reports to teachers",
    dataElements: ["profile", "sections"],
    schoolIds: [schoolIds[0]],
    startsOn: "2026-09-01",
    endsOn: "2027-06-30",
    retention: "until the end of the school year",
    destroyBy: "2027-09-30",
    breachContact: "security@reading.example",
    status: "active",
    ...overrides,
  });
const auditOf = (subjectId: string) =>
  database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, subjectId)).orderBy(asc(auditEvent.occurredAt));

describe("providers and agreements", () => {
  it("records a provider and an agreement in the admin's district, with an audit event for each", async () => {
    const agreement = await createAgreement(ctx(admin), terms());
    expect(agreement).toMatchObject({
      districtId,
      provider: { id: providerId, name: "Reading Rocket" },
      dataElements: ["profile", "sections"],
      schools: [{ id: schoolIds[0] }],
      status: "active",
      inForce: true,
      tokens: [],
    });
    expect((await auditOf(providerId)).map((event) => event.action)).toEqual(["provider.created"]);
    const [created] = await auditOf(agreement.id);
    expect(created).toMatchObject({ action: "agreement.created", districtId, actorName: "Priya Shah" });
    expect(created?.details).toMatchObject({ provider: "Reading Rocket", dataElements: ["profile", "sections"] });
    expect((await listAgreements(ctx(admin))).map((row) => row.id)).toContain(agreement.id);
    expect((await listProviders(ctx(admin))).map((row) => row.name)).toEqual(["Reading Rocket"]);
  });

  it("refuses anyone but a district admin, and hides one district's agreements from another's admin", async () => {
    const agreement = await createAgreement(ctx(admin), terms());
    await expect(listAgreements(ctx(teacher))).rejects.toMatchObject({ code: "forbidden" });
    await expect(createProvider(ctx(teacher), { name: "Sneaky" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await listAgreements(ctx(otherDistrictAdmin))).toEqual([]);
    expect(await listProviders(ctx(otherDistrictAdmin))).toEqual([]);
    await expect(getAgreement(ctx(otherDistrictAdmin), agreement.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(
      updateAgreement(ctx(otherDistrictAdmin), agreement.id, { status: "terminated" }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(createAgreement(ctx(otherDistrictAdmin), terms())).rejects.toMatchObject({ code: "not_found" });
    expect((await getAgreement(ctx(admin), agreement.id)).status).toBe("active");
  });

  it("refuses a school of another district, at its place in the list, and writes nothing", async () => {
    const before = (await listAgreements(ctx(admin))).length;
    const refused = createAgreement(ctx(admin), terms({ schoolIds: [schoolIds[0] ?? "", foreignSchoolId] }));
    await expect(refused).rejects.toMatchObject({
      code: "validation",
      details: [{ path: ["body", "schoolIds", 1] }],
    });
    expect((await listAgreements(ctx(admin))).length).toBe(before);
  });

  it("refuses a second provider of the same name in the district", async () => {
    await expect(createProvider(ctx(admin), { name: "Reading Rocket" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("audits each change with the values before and after, and refuses dates out of order", async () => {
    const agreement = await createAgreement(ctx(admin), terms({ status: "draft" }));
    const changed = await updateAgreement(ctx(admin), agreement.id, {
      status: "active",
      schoolIds: [schoolIds[0] ?? "", schoolIds[1] ?? ""],
    });
    expect(changed.status).toBe("active");
    expect(changed.schools).toHaveLength(2);
    const events = await auditOf(agreement.id);
    expect(events.map((event) => event.action)).toEqual(["agreement.created", "agreement.updated"]);
    expect(events[1]?.details).toMatchObject({
      changes: { status: { before: "draft", after: "active" }, schoolIds: { before: [schoolIds[0]] } },
    });
    await expect(updateAgreement(ctx(admin), agreement.id, { destroyBy: "2027-06-30" })).rejects.toMatchObject({
      code: "validation",
      details: [{ path: ["body", "destroyBy"] }],
    });
    expect((await getAgreement(ctx(admin), agreement.id)).destroyBy).toBe("2027-09-30");
    expect(await auditOf(agreement.id)).toHaveLength(2);
  });
});

describe("the order of an agreement's statuses", () => {
  it("goes draft → active ⇄ suspended → terminated, and never back from terminated", async () => {
    const agreement = await createAgreement(ctx(admin), terms({ status: "draft" }));
    await updateAgreement(ctx(admin), agreement.id, { status: "active" });
    await updateAgreement(ctx(admin), agreement.id, { status: "suspended" });
    await updateAgreement(ctx(admin), agreement.id, { status: "active" });
    await updateAgreement(ctx(admin), agreement.id, { status: "terminated" });
    for (const status of ["active", "suspended", "draft"] as const)
      await expect(updateAgreement(ctx(admin), agreement.id, { status })).rejects.toMatchObject({ code: "conflict" });
    expect((await getAgreement(ctx(admin), agreement.id)).status).toBe("terminated");
  });
});

describe("provider tokens", () => {
  const expiresAt = "2027-05-01T00:00:00Z";

  it("shows the token once and keeps only its SHA-256", async () => {
    const agreement = await createAgreement(ctx(admin), terms());
    const issued = await issueProviderToken(ctx(admin), agreement.id, { label: "production", expiresAt });
    expect(issued.token).toMatch(/^cairn_pt_[A-Za-z0-9_-]{43}$/);
    const [stored] = await database.db.select().from(providerToken).where(eq(providerToken.id, issued.id));
    expect(stored?.tokenHash).toBe(createHash("sha256").update(issued.token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(issued.token);
    const listed = await getAgreement(ctx(admin), agreement.id);
    expect(listed.tokens).toEqual([expect.objectContaining({ id: issued.id, label: "production", revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(stored?.tokenHash);
    const [event] = (await auditOf(issued.id)).map((row) => row.details);
    expect(JSON.stringify(event)).not.toContain(issued.token);
  });

  it("requires an expiry in the future and at most a year away", async () => {
    const agreement = await createAgreement(ctx(admin), terms());
    for (const late of ["2026-11-01T00:00:00Z", "2027-11-03T00:00:00Z"]) {
      await expect(issueProviderToken(ctx(admin), agreement.id, { label: "x", expiresAt: late })).rejects.toMatchObject(
        { code: "validation", details: [{ path: ["body", "expiresAt"] }] },
      );
    }
    expect((await getAgreement(ctx(admin), agreement.id)).tokens).toEqual([]);
  });

  it("resolves to the agreement's scope while it is in force, and to nothing otherwise", async () => {
    const agreement = await createAgreement(ctx(admin), terms());
    const { token } = await issueProviderToken(ctx(admin), agreement.id, { label: "api", expiresAt });
    const viewer = await resolveProviderToken(database.db, token, TEST_NOW);
    expect(viewer).toEqual({
      kind: "provider",
      providerId,
      providerName: "Reading Rocket",
      agreementId: agreement.id,
      districtId,
      schoolIds: [schoolIds[0]],
      dataElements: ["profile", "sections"],
    });
    const at = (iso: string) => resolveProviderToken(database.db, token, new Date(iso));
    expect(await at("2026-08-31T12:00:00Z")).toBeNull(); // before the start
    expect(await at("2027-05-02T00:00:00Z")).toBeNull(); // after the token's expiry
    expect(await resolveProviderToken(database.db, `${token}x`, TEST_NOW)).toBeNull();
    expect(await resolveProviderToken(database.db, "", TEST_NOW)).toBeNull();
    await updateAgreement(ctx(admin), agreement.id, { status: "suspended" });
    expect(await resolveProviderToken(database.db, token, TEST_NOW)).toBeNull();
  });

  it("stops at the end date and at the destruction date even when the token lives on", async () => {
    const agreement = await createAgreement(
      ctx(admin),
      terms({ startsOn: "2026-09-01", endsOn: "2026-11-05", destroyBy: "2026-11-10" }),
    );
    const { token } = await issueProviderToken(ctx(admin), agreement.id, { label: "api", expiresAt });
    const at = (iso: string) => resolveProviderToken(database.db, token, new Date(iso));
    expect(await at("2026-11-05T23:00:00Z")).not.toBeNull();
    expect(await at("2026-11-06T00:00:00Z")).toBeNull();
    await updateAgreement(ctx(admin), agreement.id, { endsOn: "2026-12-31", destroyBy: "2027-01-01" });
    expect(await at("2026-12-31T12:00:00Z")).not.toBeNull();
    expect(await at("2027-01-01T00:00:00Z")).toBeNull();
  });

  it("revokes a token at once, once, with an audit event", async () => {
    const agreement = await createAgreement(ctx(admin), terms());
    const issued = await issueProviderToken(ctx(admin), agreement.id, { label: "old", expiresAt });
    await expect(revokeProviderToken(ctx(otherDistrictAdmin), issued.id)).rejects.toMatchObject({ code: "not_found" });
    const revoked = await revokeProviderToken(ctx(admin), issued.id);
    expect(revoked.revokedAt).toBe(TEST_NOW.toISOString());
    expect(await resolveProviderToken(database.db, issued.token, TEST_NOW)).toBeNull();
    await revokeProviderToken(ctx(admin), issued.id);
    expect((await auditOf(issued.id)).map((event) => event.action)).toEqual([
      "provider_token.issued",
      "provider_token.revoked",
    ]);
  });

  it("records who issued a token", async () => {
    const agreement = await createAgreement(ctx(admin), terms());
    const issued = await issueProviderToken(ctx(admin), agreement.id, { label: "who", expiresAt });
    const [row] = await database.db
      .select({ createdBy: providerToken.createdBy })
      .from(providerToken)
      .innerJoin(dataSharingAgreement, eq(dataSharingAgreement.id, providerToken.agreementId))
      .where(and(eq(providerToken.id, issued.id)));
    expect(row?.createdBy).toBe(admin.kind === "person" ? admin.personId : null);
  });
});
