import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildEnrollmentReport, type EnrollmentCount } from "./enrollment";

const school = (index: number) => ({
  districtId: "d1",
  districtName: "District",
  schoolId: `s${index}`,
  schoolName: `School ${index}`,
});

describe("buildEnrollmentReport", () => {
  it("never publishes a count from 1 to the minimum − 1, whatever the counts and the minimum", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat({ max: 40 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 5, max: 30 }),
        (grid, minimum) => {
          const counts: EnrollmentCount[] = grid.flatMap((row, r) =>
            row.map((students, c) => ({ ...school(r), value: ["female", "male", "nonbinary"][c] as string, students })),
          );
          const report = buildEnrollmentReport("gender", counts, () => minimum);
          for (const table of report.districts) {
            const shown = [
              ...table.rows.flatMap((row) => [...row.cells, row.total]),
              ...table.columnTotals,
              table.grandTotal,
            ].filter((value): value is number => value !== null);
            for (const value of shown) expect(value === 0 || value >= minimum).toBe(true);
          }
        },
      ),
    );
  });

  it("leaves out values no school has, and keeps the attribute's order", () => {
    const report = buildEnrollmentReport(
      "gender",
      [
        { ...school(1), value: "male", students: 30 },
        { ...school(1), value: "female", students: 25 },
      ],
      () => 10,
    );
    expect(report.columns).toEqual(["female", "male"]);
    expect(report.districts[0]?.rows[0]).toMatchObject({ cells: [25, 30], total: 55 });
  });
});
