import type { Viewer } from "@cairn/core";
import { createAgreementBodySchema } from "@cairn/core";
import { asc, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAccessLog } from "../privacy/verify-access-log";
import { accessLog, school, student } from "../schema";
import { contextFor, openDemoTestBed, TEST_NOW, type TestDatabase } from "../testing";
import { createAgreement } from "./create-agreement";
import { createProvider } from "./create-provider";
import { issueProviderToken } from "./issue-token";
import { getProviderStudent, listProviderStudents } from "./provider-students";
import { type ProviderViewer, resolveProviderToken } from "./resolve-token";

let database: TestDatabase;
let provider: ProviderViewer;
let coveredSchoolId: string;
let outsideStudentId: string;

beforeAll(async () => {
  const bed = await openDemoTestBed({ students: 120 });
  database = bed.database;
  const admin = bed.viewer("district_admin");
  const schools = await database.db.select({ id: school.id }).from(school).orderBy(asc(school.name));
  coveredSchoolId = schools[0]?.id ?? "";
  const [outside] = await database.db
    .select({ id: student.personId })
    .from(student)
    .where(eq(student.schoolId, schools[1]?.id ?? ""))
    .limit(1);
  outsideStudentId = outside?.id ?? "";
  const { id: providerId } = await createProvider(contextFor(database, admin), { name: "Math Lab" });
  const agreement = await createAgreement(
    contextFor(database, admin),
    createAgreementBodySchema.parse({
      providerId,
      purpose: "Adaptive math practice",
      dataElements: ["sections", "profile"],
      schoolIds: [coveredSchoolId],
      startsOn: "2026-08-01",
      endsOn: "2027-07-31",
      retention: "the school year",
      destroyBy: "2027-08-31",
      breachContact: "privacy@mathlab.example",
      status: "active",
    }),
  );
  const { token } = await issueProviderToken(contextFor(database, admin), agreement.id, {
    label: "api",
    expiresAt: "2027-06-01T00:00:00Z",
  });
  provider = (await resolveProviderToken(database.db, token, TEST_NOW)) as ProviderViewer;
});
afterAll(async () => database.destroy());

describe("a provider's reads", () => {
  it("lists only the covered school's active students, with only the allowed elements, and logs each one", async () => {
    const [covered] = await database.db
      .select({ n: count() })
      .from(student)
      .where(eq(student.schoolId, coveredSchoolId));
    const page = await listProviderStudents(contextFor(database, provider), { limit: 20, offset: 0 });
    expect(page.total).toBeGreaterThan(0);
    expect(page.total).toBeLessThanOrEqual(covered?.n ?? 0);
    expect(page.students).toHaveLength(Math.min(20, page.total));
    for (const record of page.students) {
      expect(record.schoolId).toBe(coveredSchoolId);
      expect(Object.keys(record).sort()).toEqual(
        ["id", "givenName", "familyName", "schoolId", "schoolName", "gradeLevel", "studentNumber", "sections"].sort(),
      );
    }
    const logged = await database.db
      .select()
      .from(accessLog)
      .where(
        inArray(
          accessLog.studentId,
          page.students.map((record) => record.id),
        ),
      );
    expect(logged).toHaveLength(page.students.length);
    for (const entry of logged) {
      expect(entry).toMatchObject({
        action: "provider_read",
        purpose: "provider_agreement",
        purposeDetail: `agreement ${provider.agreementId}`,
        actorName: "Math Lab",
        dataElements: ["profile", "sections"],
      });
    }
    const [report] = await verifyAccessLog(database.db);
    expect(report?.broken).toBeNull();
  });

  it("reads one covered student, and answers not found outside the agreement's schools, logging nothing", async () => {
    const page = await listProviderStudents(contextFor(database, provider), { limit: 1, offset: 0 });
    const id = page.students[0]?.id ?? "";
    expect((await getProviderStudent(contextFor(database, provider), id)).id).toBe(id);
    const before = (await database.db.select({ n: count() }).from(accessLog))[0]?.n;
    await expect(getProviderStudent(contextFor(database, provider), outsideStudentId)).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await database.db.select({ n: count() }).from(accessLog))[0]?.n).toBe(before);
  });

  it("serves nobody but a provider", async () => {
    const operator: Viewer = { kind: "operator", name: "ops" };
    await expect(listProviderStudents(contextFor(database, operator), { limit: 5, offset: 0 })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
