import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMastery, levelOf, type ProficiencyScale, scaleProblems } from "./proficiency-scale";

const FOUR_POINT: ProficiencyScale = {
  levels: [
    { code: "1", label: "Beginning", descriptor: "", value: 1 },
    { code: "2", label: "Developing", descriptor: "", value: 2 },
    { code: "3", label: "Proficient", descriptor: "", value: 3 },
    { code: "4", label: "Advanced", descriptor: "", value: 4 },
  ],
  masteryCode: "3",
};

describe("a proficiency scale", () => {
  it("reads scores as levels, with mastery from the proficient level up", () => {
    expect(levelOf(FOUR_POINT, 0.5)).toBeNull();
    expect(levelOf(FOUR_POINT, 2.9)?.label).toBe("Developing");
    expect(levelOf(FOUR_POINT, 3)?.label).toBe("Proficient");
    expect(isMastery(FOUR_POINT, 2.99)).toBe(false);
    expect(isMastery(FOUR_POINT, 3)).toBe(true);
  });

  it("never lowers the level as the score rises, and mastery agrees with the level reached", () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 6, noNaN: true }), fc.double({ min: -2, max: 6, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(levelOf(FOUR_POINT, low)?.value ?? 0).toBeLessThanOrEqual(levelOf(FOUR_POINT, high)?.value ?? 0);
        expect(isMastery(FOUR_POINT, high)).toBe((levelOf(FOUR_POINT, high)?.value ?? 0) >= 3);
      }),
    );
  });

  it("reports each problem with where it is", () => {
    expect(scaleProblems(FOUR_POINT)).toEqual([]);
    expect(
      scaleProblems({
        levels: [
          { code: "A", label: "a", descriptor: "", value: 2 },
          { code: "A", label: "b", descriptor: "", value: 1 },
        ],
        masteryCode: "Z",
      }),
    ).toEqual([
      { path: "levels[1].code", message: 'code "A" is used twice' },
      { path: "levels[1].value", message: 'levels must rise: 1 does not exceed 2 of "A"' },
      { path: "masteryCode", message: '"Z" is not one of the scale\'s levels' },
    ]);
  });
});
