import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "../schema";
import { type DemoTestBed, openDemoTestBed } from "../testing";
import { PERSONAL_DATA } from "./declarations";
import { exportStudentRecord } from "./export-record";
import { listAccessLog } from "./list-access-log";

/** Column names that say "this row is about a person". */
const PERSON_COLUMNS = [
  "person_id",
  "student_id",
  "guardian_id",
  "mentor_id",
  "mentee_id",
  "actor_person_id",
  "requested_by",
  "resolved_by",
  "published_by",
  "created_by",
  "recorded_by",
  "uploaded_by",
];

let bed: DemoTestBed;
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 150 });
});
afterAll(async () => bed.destroy());

const child = () => bed.account("guardian").linkedPersonIds[0] ?? "";

describe("the personal-data registry", () => {
  it("declares every table that names a person, column by column", async () => {
    const result = await bed.database.db.execute(
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public'
            and (column_name::text = any(string_to_array(${PERSON_COLUMNS.join(",")}, ','))
              or (table_name = 'person' and column_name = 'id'))
          order by table_name, column_name`,
    );
    const inDatabase = (result as unknown as { rows: { table_name: string; column_name: string }[] }).rows.map(
      (row) => `${row.table_name}.${row.column_name}`,
    );
    const declared = PERSONAL_DATA.flatMap((module) =>
      module.tables.flatMap((table) => table.personColumns.map((column) => `${table.table}.${column}`)),
    ).sort();
    expect(inDatabase.length).toBeGreaterThan(5);
    expect(declared).toEqual(inDatabase);
  });

  it("gives a reason for every module that keeps nothing, and an export for every one that keeps something", () => {
    for (const module of PERSONAL_DATA) {
      if (module.tables.length === 0) expect(module.holdsNothingBecause, module.module).toBeTruthy();
      else if (!module.holdsNothingBecause) expect(module.exportStudentData, module.module).toBeDefined();
    }
  });

  it("erases every table that may hold a student's rows, or says why the table is kept", () => {
    const uncovered = PERSONAL_DATA.flatMap((module) =>
      module.eraseStudentData
        ? []
        : module.tables
            .filter((table) => !table.keptAfterErasureBecause)
            .map((table) => `${module.module}: ${table.table} has neither an eraser nor keptAfterErasureBecause`),
    );
    expect(uncovered).toEqual([]);
  });
});

describe("the full-record download", () => {
  it("gives a guardian everything about their child, module by module, with no secrets", async () => {
    // Ava has an account of her own, so the export has sign-in data to leave secrets out of.
    const ava = bed.account("student").personId;
    const record = await exportStudentRecord(bed.ctx("guardian"), ava);
    expect(Object.keys(record.modules).sort()).toEqual(["auth", "evidence", "people", "privacy", "sections"]);
    const people = record.modules.people?.data as { student: { personId: string }; guardians: unknown[] };
    expect(people.student.personId).toBe(ava);
    expect(people.guardians.length).toBeGreaterThan(0);
    const sections = record.modules.sections?.data as { enrollments: unknown[] };
    expect(sections.enrollments.length).toBeGreaterThan(0);
    const signIn = record.modules.auth?.data as { account: { email: string } };
    expect(signIn.account.email).toBe("ava.martinez@maplewood.example");
    const [stored] = await bed.database.db
      .select({ hash: schema.account.passwordHash })
      .from(schema.account)
      .where(eq(schema.account.personId, ava));
    expect(stored?.hash).toBeTruthy();
    expect(JSON.stringify(record)).not.toContain(stored?.hash ?? "no hash");
    expect(JSON.stringify(record)).not.toMatch(/passwordHash|tokenHash/);
  });

  it("is itself written to the access log as an export", async () => {
    await exportStudentRecord(bed.ctx("district_admin"), child());
    const log = await listAccessLog(bed.ctx("guardian"), child());
    expect(log[0]).toMatchObject({ action: "export_student_record", actor: { name: "Priya Shah" } });
    expect(log[0]?.dataElements.sort()).toEqual(["auth", "evidence", "people", "privacy", "sections"]);
  });

  it("is not found for anyone without rights over the record", async () => {
    for (const role of ["teacher", "school_leader", "mentor", "state_analyst", "system_admin", "student"] as const) {
      await expect(exportStudentRecord(bed.ctx(role), child()), role).rejects.toMatchObject({ code: "not_found" });
    }
  });
});
