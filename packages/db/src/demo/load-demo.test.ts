import { DEMO_DISTRICT_CODE } from "@cairn/core";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { district, enrollment, framework, frameworkItem, guardianLink, person, school, student } from "../schema";
import { loadTestDemo, openTestDatabase, type TestDatabase } from "../testing";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.destroy());

describe("loadDemoDistrict", () => {
  it("loads a district with three schools and the asked-for number of students", async () => {
    const counts = await loadTestDemo(database, { students: 300 });
    expect(counts.students).toBe(300);
    const [students] = await database.db.select({ n: count() }).from(student);
    expect(students?.n).toBe(300);
    const schools = await database.db.select({ level: school.level }).from(school);
    expect(schools.map((row) => row.level).sort()).toEqual(["elementary", "high", "middle"]);
  });

  it("gives every student at least one enrolment and one guardian", async () => {
    const [orphans] = await database.db
      .select({ n: count() })
      .from(student)
      .where(sql`not exists (select 1 from ${enrollment} e where e.student_id = ${student.personId})
        or not exists (select 1 from ${guardianLink} g where g.student_id = ${student.personId})`);
    expect(orphans?.n).toBe(0);
  });

  it("carries district_id on every student-level row", async () => {
    for (const table of ["student", "enrollment", "guardian_link", "mentorship", "section_staff", "section"]) {
      const result = await database.db.execute(
        sql.raw(`select count(*)::int as n from ${table} where district_id is null`),
      );
      expect((result as unknown as { rows: { n: number }[] }).rows[0]?.n, table).toBe(0);
    }
  });

  it("refuses to load the demo twice, and changes nothing", async () => {
    await expect(loadTestDemo(database)).rejects.toMatchObject({ code: "conflict" });
    const [people] = await database.db.select({ n: count() }).from(person);
    const [students] = await database.db.select({ n: count() }).from(student);
    expect(students?.n).toBe(300);
    expect(people?.n).toBeGreaterThan(300);
  });

  it("replaces the demo district when asked, leaving one district", async () => {
    const { loadDemoDistrict } = await import("./load-demo");
    await loadDemoDistrict(database, {
      students: 120,
      seed: 7,
      schoolYear: 2026,
      replace: true,
      hashPassword: async (p) => p,
    });
    const districts = await database.db.select().from(district).where(eq(district.code, DEMO_DISTRICT_CODE));
    expect(districts).toHaveLength(1);
    const [students] = await database.db.select({ n: count() }).from(student);
    expect(students?.n).toBe(120);
    // The frameworks were replaced with the district, through the importer again.
    const frameworks = await database.db
      .select({ title: framework.title, districtId: framework.districtId, status: framework.status })
      .from(framework);
    expect(frameworks).toHaveLength(4);
    expect(new Set(frameworks.map((row) => row.districtId))).toEqual(new Set([districts[0]?.id]));
  });

  it("loads the district's frameworks through the CASE importer, published", async () => {
    const rows = await database.db
      .select({ title: framework.title, status: framework.status, items: count(frameworkItem.id) })
      .from(framework)
      .leftJoin(frameworkItem, eq(frameworkItem.frameworkId, framework.id))
      .groupBy(framework.id, framework.title, framework.status)
      .orderBy(framework.title);
    expect(rows.map((row) => row.title)).toEqual([
      "English Language Arts Competencies, Grades 6–8",
      "Habits of Success",
      "Mathematics K–8 (Common Core)",
      "Portrait of a Maplewood Graduate",
    ]);
    expect(rows.every((row) => row.status === "published")).toBe(true);
    expect(rows.find((row) => row.title.startsWith("Mathematics"))?.items).toBeGreaterThan(300);
  });
});
