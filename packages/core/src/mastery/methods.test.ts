import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateMastery, MASTERY_METHODS, type MasteryMethod, methodValue, scoresInDateOrder } from "./methods";
import { parseMasteryMethod } from "./parse-method";

const FOUR = { min: 1, max: 4, mastery: 3 };
const value = (scores: number[], method: MasteryMethod) => evaluateMastery(scores, method, FOUR);

describe("each method on hand-computed examples", () => {
  it("latest, highest and mean", () => {
    expect(value([2, 4, 3], { name: "latest" })).toEqual({ value: 3, mastered: true });
    expect(value([2, 4, 1], { name: "highest" })).toEqual({ value: 4, mastered: true });
    expect(value([1, 2, 3, 4], { name: "mean" })).toEqual({ value: 2.5, mastered: false });
  });

  it("decaying average: weight on the newest, the rest on the mean of all earlier scores", () => {
    // 0.65 × 4 + 0.35 × mean(2, 3) = 2.6 + 0.875
    expect(value([2, 3, 4], { name: "decaying-average" }).value).toBeCloseTo(3.475, 12);
    // 0.5 × 1 + 0.5 × mean(4, 4, 4)
    expect(value([4, 4, 4, 1], { name: "decaying-average", weight: 0.5 })).toEqual({ value: 2.5, mastered: false });
  });

  it("standard decaying average: each score pulls the running value toward it", () => {
    // m1 = 2, m2 = 0.5·3 + 0.5·2 = 2.5, m3 = 0.5·4 + 0.5·2.5 = 3.25
    expect(value([2, 3, 4], { name: "standard-decaying-average", weight: 0.5 })).toEqual({
      value: 3.25,
      mastered: true,
    });
    // m2 = 0.75·4 + 0.25·1 = 3.25
    expect(value([1, 4], { name: "standard-decaying-average", weight: 0.75 }).value).toBeCloseTo(3.25, 12);
  });

  it("n-mastery: mastered when n scores reach the level; value is the mean of the n highest", () => {
    expect(value([2, 3, 4], { name: "n-mastery", n: 2 })).toEqual({ value: 3.5, mastered: true });
    expect(value([2, 3, 2], { name: "n-mastery", n: 2 })).toEqual({ value: 2.5, mastered: false });
    // Fewer scores than n: the mean of all of them, and not mastered.
    expect(value([4, 4], { name: "n-mastery", n: 3 })).toEqual({ value: 4, mastered: false });
  });

  it("power law: the fitted curve at the latest attempt, clamped to the scale", () => {
    // y = x exactly: a = 1, b = 1, value at attempt 3 is 3.
    expect(value([1, 2, 3], { name: "power-law" }).value).toBeCloseTo(3, 12);
    expect(value([2, 2, 2], { name: "power-law" }).value).toBeCloseTo(2, 12);
    // y = x² reaches 9 at attempt 3, clamped to the top of the scale.
    expect(value([1, 4, 9], { name: "power-law" })).toEqual({ value: 4, mastered: true });
    // Fewer than two scores: the latest.
    expect(value([3], { name: "power-law" })).toEqual({ value: 3, mastered: true });
    // A zero on a 0–4 scale is a real score; the fit reads it as a tiny positive number.
    expect(evaluateMastery([0, 4], { name: "power-law" }, { min: 0, max: 4, mastery: 3 }).value).toBe(4);
  });

  it("never says mastered below the minimum number of observations", () => {
    expect(value([4, 4], { name: "latest", minObservations: 3 })).toEqual({ value: 4, mastered: false });
    expect(value([4, 4, 4], { name: "latest", minObservations: 3 })).toEqual({ value: 4, mastered: true });
  });

  it("answers no scores with no value, for every method", () => {
    for (const name of MASTERY_METHODS) {
      const method = name === "n-mastery" ? { name, n: 2 } : ({ name } as MasteryMethod);
      expect(value([], method)).toEqual({ value: null, mastered: false });
    }
  });

  it("counts evidence in the order it happened, whatever order it was recorded in", () => {
    const recorded = [
      { score: 4, at: "2026-10-03T10:00:00Z" },
      { score: 1, at: "2026-09-01T10:00:00Z" },
      { score: 2, at: "2026-10-03T10:00:00Z" },
    ];
    expect(scoresInDateOrder(recorded)).toEqual([1, 4, 2]);
    expect(value(scoresInDateOrder(recorded), { name: "latest" }).value).toBe(2);
  });
});

const scores = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 20 });
const anyMethod = fc.oneof(
  fc.constantFrom<MasteryMethod>({ name: "latest" }, { name: "highest" }, { name: "mean" }, { name: "power-law" }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((weight): MasteryMethod => ({ name: "decaying-average", weight })),
  fc
    .double({ min: 0.5, max: 0.99, noNaN: true })
    .map((weight): MasteryMethod => ({ name: "standard-decaying-average", weight })),
  fc.integer({ min: 1, max: 5 }).map((n): MasteryMethod => ({ name: "n-mastery", n })),
);

describe("what every method promises", () => {
  it("stays on the scale, and between the lowest and highest score except for the power law", () => {
    fc.assert(
      fc.property(scores, anyMethod, (history, method) => {
        const result = value(history, method).value as number;
        expect(result).toBeGreaterThanOrEqual(FOUR.min - 1e-9);
        expect(result).toBeLessThanOrEqual(FOUR.max + 1e-9);
        if (method.name !== "power-law") {
          expect(result).toBeGreaterThanOrEqual(Math.min(...history) - 1e-9);
          expect(result).toBeLessThanOrEqual(Math.max(...history) + 1e-9);
        }
      }),
    );
  });

  it("never loses mastery under highest or n-mastery, whatever comes next", () => {
    fc.assert(
      fc.property(scores, scores, fc.integer({ min: 1, max: 4 }), (before, after, n) => {
        for (const method of [{ name: "highest" }, { name: "n-mastery", n }] as MasteryMethod[]) {
          if (value(before, method).mastered) expect(value([...before, ...after], method).mastered).toBe(true);
        }
      }),
    );
  });

  it("says mastered exactly when the value reaches the level (but n-mastery, which counts)", () => {
    fc.assert(
      fc.property(scores, anyMethod, (history, method) => {
        const result = value(history, method);
        if (method.name !== "n-mastery") expect(result.mastered).toBe((result.value as number) >= FOUR.mastery);
      }),
    );
  });

  it("is the same function whether called for the value alone or with mastery", () => {
    fc.assert(
      fc.property(scores, anyMethod, (history, method) => {
        if (method.name !== "power-law") expect(methodValue(history, method)).toBe(value(history, method).value);
      }),
    );
  });
});

describe("naming a method", () => {
  it("reads names and parameters as written, with defaults", () => {
    expect(parseMasteryMethod("decaying-average")).toEqual({
      name: "decaying-average",
      weight: 0.65,
      minObservations: 1,
    });
    expect(parseMasteryMethod("n-mastery", { n: "3", "min-observations": "2" })).toEqual({
      name: "n-mastery",
      n: 3,
      minObservations: 2,
    });
  });

  it("refuses unknown names and parameters and values out of range, naming them", () => {
    expect(() => parseMasteryMethod("median")).toThrow(/unknown mastery method "median"/);
    expect(() => parseMasteryMethod("latest", { weight: "0.5" })).toThrow(/takes no parameter "weight"/);
    expect(() => parseMasteryMethod("standard-decaying-average", { weight: "0.3" })).toThrow(/from 0.5 to 0.99/);
    expect(() => parseMasteryMethod("n-mastery", { n: "2.5" })).toThrow(/whole number/);
  });
});
