import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erasureDueOn, isPastRetention, pastStudentCutoff } from "./retention";

const day = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe("retention dates", () => {
  it("makes a record due on the exit day plus the retention years, leap days included", () => {
    expect(erasureDueOn("2020-06-01", 5)).toBe("2025-06-01");
    expect(erasureDueOn("2024-02-29", 1)).toBe("2025-03-01");
    expect(erasureDueOn("2024-02-29", 4)).toBe("2028-02-29");
  });

  it("is past retention from the due day on, and never before it", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 50 }), (exitedOn, years) => {
        const due = erasureDueOn(exitedOn, years);
        expect(isPastRetention(exitedOn, years, due)).toBe(true);
        expect(isPastRetention(exitedOn, years, pastStudentCutoff(due, 1))).toBe(false);
        expect(due > exitedOn).toBe(true);
      }),
    );
  });

  it("counts the past-student window back from today, day by day", () => {
    expect(pastStudentCutoff("2027-06-12", 0)).toBe("2027-06-12");
    expect(pastStudentCutoff("2027-07-11", 30)).toBe("2027-06-11");
    expect(pastStudentCutoff("2024-03-01", 1)).toBe("2024-02-29");
  });
});
