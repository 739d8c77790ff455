import type { CreateAgreementInput, Viewer } from "@cairn/core";
import { createAgreementBodySchema } from "@cairn/core";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, destructionRecord, providerToken, school } from "../schema";
import { contextFor, openDemoTestBed, TEST_NOW, type TestDatabase } from "../testing";
import { createAgreement } from "./create-agreement";
import { createProvider } from "./create-provider";
import { enforceAgreementEnds } from "./enforce-agreement-ends";
import { issueProviderToken } from "./issue-token";
import { getAgreement } from "./list-agreements";
import { resolveProviderToken } from "./resolve-token";
import { updateAgreement } from "./update-agreement";

let database: TestDatabase;
let admin: Viewer;
let schoolId: string;
const system: Viewer = { kind: "system", job: "enforce-agreement-ends" };

beforeAll(async () => {
  const bed = await openDemoTestBed({ students: 60 });
  database = bed.database;
  admin = bed.viewer("district_admin");
  schoolId = (await database.db.select({ id: school.id }).from(school).orderBy(asc(school.name)))[0]?.id ?? "";
});
afterAll(async () => database.destroy());

async function agreementFor(name: string, overrides: Partial<CreateAgreementInput>) {
  const provider = await createProvider(contextFor(database, admin), { name });
  return createAgreement(
    contextFor(database, admin),
    createAgreementBodySchema.parse({
      providerId: provider.id,
      purpose: "Tutoring",
      dataElements: ["profile"],
      schoolIds: [schoolId],
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      retention: "90 days after the end",
      destroyBy: "2027-03-31",
      breachContact: "dpo@tutor.example",
      status: "active",
      ...overrides,
    }),
  );
}

describe("enforcing the end of agreements", () => {
  it("ends access at the destruction date, keeps a destruction record, and does it only once", async () => {
    const due = await agreementFor("Old Tutor", {
      startsOn: "2026-01-01",
      endsOn: "2026-06-30",
      destroyBy: "2026-11-02",
    });
    const later = await agreementFor("Current Tutor", {});
    const dueToken = await issueProviderToken(contextFor(database, admin), due.id, {
      label: "a",
      expiresAt: "2027-01-01T00:00:00Z",
    });
    const laterToken = await issueProviderToken(contextFor(database, admin), later.id, {
      label: "b",
      expiresAt: "2027-01-01T00:00:00Z",
    });

    const ended = await enforceAgreementEnds(contextFor(database, system));
    expect(ended).toEqual([
      {
        agreementId: due.id,
        districtId: due.districtId,
        providerName: "Old Tutor",
        destroyBy: "2026-11-02",
        tokensRevoked: 1,
      },
    ]);
    expect((await getAgreement(contextFor(database, admin), due.id)).status).toBe("destroyed");
    expect((await getAgreement(contextFor(database, admin), later.id)).status).toBe("active");
    const [token] = await database.db.select().from(providerToken).where(eq(providerToken.id, dueToken.id));
    expect(token?.revokedAt?.toISOString()).toBe(TEST_NOW.toISOString());
    expect(await resolveProviderToken(database.db, laterToken.token, TEST_NOW)).not.toBeNull();

    const records = await database.db.select().from(destructionRecord);
    expect(records).toEqual([
      expect.objectContaining({
        agreementId: due.id,
        providerName: "Old Tutor",
        dataElements: ["profile"],
        destroyBy: "2026-11-02",
        recordedBy: "system job enforce-agreement-ends",
      }),
    ]);
    expect(records[0]?.statement).toContain("1 token(s) revoked");
    const events = await database.db.select().from(auditEvent).where(eq(auditEvent.action, "agreement.destroyed"));
    expect(events.map((event) => [event.subjectId, event.actorName])).toEqual([
      [due.id, "system job enforce-agreement-ends"],
    ]);

    expect(await enforceAgreementEnds(contextFor(database, system))).toEqual([]);
    expect(await database.db.select().from(destructionRecord)).toHaveLength(1);
  });

  it("reaches every agreement once its day comes, whatever its status", async () => {
    const draft = await agreementFor("Never Started", {
      status: "draft",
      endsOn: "2027-01-31",
      destroyBy: "2027-02-01",
    });
    expect(await enforceAgreementEnds(contextFor(database, system, new Date("2027-01-31T23:59:00Z")))).toEqual([]);
    const ended = await enforceAgreementEnds(contextFor(database, system, new Date("2027-02-01T00:00:00Z")));
    expect(ended.map((row) => row.agreementId)).toEqual([draft.id]);
  });

  it("freezes a destroyed agreement: no changes, no new tokens", async () => {
    const gone = await agreementFor("Gone", { endsOn: "2026-10-01", destroyBy: "2026-10-31" });
    await enforceAgreementEnds(contextFor(database, system));
    await expect(updateAgreement(contextFor(database, admin), gone.id, { status: "active" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      issueProviderToken(contextFor(database, admin), gone.id, { label: "x", expiresAt: "2027-01-01T00:00:00Z" }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("lets a district admin run it for their district, and nobody else but the operator", async () => {
    await expect(
      enforceAgreementEnds(contextFor(database, { kind: "person", personId: "x", grants: [] })),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await enforceAgreementEnds(contextFor(database, admin))).toEqual([]);
  });
});
