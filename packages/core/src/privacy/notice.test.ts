import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../people/vocabulary";
import { chooseNoticeLanguage, latestSchoolYear } from "./notice";
import { publishNoticeBodySchema, schoolYearSchema } from "./notice-schemas";

describe("the annual privacy notice", () => {
  it("accepts a school year of two consecutive years, and nothing else", () => {
    expect(schoolYearSchema.safeParse("2026-2027").success).toBe(true);
    for (const bad of ["2026-2028", "2026/2027", "2026", "26-27", "2026-2027x", "2027-2026"]) {
      expect(schoolYearSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("shows the reader's language when published, else English, else whatever exists", () => {
    expect(chooseNoticeLanguage(["en", "es"], "es")).toBe("es");
    expect(chooseNoticeLanguage(["en"], "es")).toBe("en");
    expect(chooseNoticeLanguage(["es"], "en")).toBe("es");
    expect(chooseNoticeLanguage([], "es")).toBeNull();
    fc.assert(
      fc.property(fc.subarray([...LANGUAGES]), fc.constantFrom(...LANGUAGES), (published, wanted) => {
        const chosen = chooseNoticeLanguage(published, wanted);
        if (published.length === 0) expect(chosen).toBeNull();
        else expect(published).toContain(chosen);
        if (published.includes(wanted)) expect(chosen).toBe(wanted);
      }),
    );
  });

  it("takes the latest school year by time", () => {
    expect(latestSchoolYear(["2025-2026", "2027-2028", "2026-2027"])).toBe("2027-2028");
    expect(latestSchoolYear([])).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2000, max: 2098 }), { minLength: 1 }), (starts) => {
        const latest = latestSchoolYear(starts.map((start) => `${start}-${start + 1}`));
        expect(latest).toBe(`${Math.max(...starts)}-${Math.max(...starts) + 1}`);
      }),
    );
  });

  it("needs English to publish; Spanish may follow", () => {
    expect(publishNoticeBodySchema.safeParse({ en: "We collect…" }).success).toBe(true);
    expect(publishNoticeBodySchema.safeParse({ es: "Recopilamos…" }).error?.issues[0]?.path).toEqual(["en"]);
    expect(publishNoticeBodySchema.safeParse({ en: " ", es: "x" }).error?.issues[0]?.path).toEqual(["en"]);
  });
});
