import type { EnrollmentReport } from "@cairn/core";
import { schema } from "@cairn/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/server";

let server: TestServer;
let districtId: string;
beforeAll(async () => {
  server = await startTestServer({ students: 300 });
  const [found] = await server.database.db.select({ id: schema.district.id }).from(schema.district);
  districtId = found?.id ?? "";
});
afterAll(async () => server.close());

function numbers(report: EnrollmentReport): number[] {
  return report.districts
    .flatMap((table) => [
      ...table.rows.flatMap((row) => [...row.cells, row.total]),
      ...table.columnTotals,
      table.grandTotal,
    ])
    .filter((value): value is number => value !== null);
}

async function report(cookie: string, query = "attribute=raceEthnicity"): Promise<EnrollmentReport> {
  const response = await fetch(`${server.baseUrl}/api/v1/reports/enrollment?${query}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as EnrollmentReport;
}

describe("GET /api/v1/reports/enrollment", () => {
  it("sends no count below the district's minimum, and hides more when the district raises it", async () => {
    const analyst = await server.signIn("state_analyst");
    const admin = await server.signIn("district_admin");
    const at10 = await report(analyst);
    expect(numbers(at10).every((value) => value === 0 || value >= 10)).toBe(true);
    const hiddenAt10 = at10.districts[0]?.suppressed ?? 0;
    expect(hiddenAt10).toBeGreaterThan(0);
    const saved = await fetch(`${server.baseUrl}/api/v1/districts/${districtId}/privacy-settings`, {
      method: "PUT",
      headers: { cookie: admin, "content-type": "application/json" },
      body: JSON.stringify({ minimumGroupSize: 40, pastStudentAccessDays: 0, retentionYearsAfterExit: 5 }),
    });
    expect(saved.status).toBe(200);
    const at40 = await report(analyst);
    expect(numbers(at40).every((value) => value === 0 || value >= 40)).toBe(true);
    expect(at40.districts[0]?.suppressed ?? 0).toBeGreaterThan(hiddenAt10);
  });

  it("refuses an unknown attribute with 422 and another school with 404", async () => {
    const leader = await server.signIn("school_leader");
    const bad = await fetch(`${server.baseUrl}/api/v1/reports/enrollment?attribute=shoeSize`, {
      headers: { cookie: leader },
    });
    expect(bad.status).toBe(422);
    const elsewhere = await fetch(
      `${server.baseUrl}/api/v1/reports/enrollment?schoolId=00000000-0000-4000-8000-000000000000`,
      { headers: { cookie: leader } },
    );
    expect(elsewhere.status).toBe(404);
  });
});
