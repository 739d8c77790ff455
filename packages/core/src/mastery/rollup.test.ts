import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { combine, type LeafMastery, leafMastery, type RollupRule, rollUp, standingOf } from "./rollup";

const scale = { min: 1, max: 4, mastery: 3 };
const leaf = (value: number | null, mastered: boolean) => leafMastery(value, mastered, scale);

describe("leafMastery", () => {
  it("places a value on 0–1 with the scale's mastery point", () => {
    expect(leaf(2.5, false)).toEqual({ level: 0.5, masteryPoint: 2 / 3, mastered: false, started: true });
    expect(leaf(null, false)).toEqual({ level: 0, masteryPoint: 2 / 3, mastered: false, started: false });
  });

  it("clamps values outside the scale", () => {
    expect(leaf(9, true).level).toBe(1);
    expect(leaf(-3, false).level).toBe(0);
  });
});

describe("standingOf", () => {
  it("names the three states", () => {
    expect(standingOf({ value: null, mastered: false })).toBe("not_started");
    expect(standingOf({ value: 2, mastered: false })).toBe("in_progress");
    expect(standingOf({ value: 3.5, mastered: true })).toBe("mastered");
  });
});

describe("combine (hand-computed)", () => {
  const children = [leaf(4, true), leaf(3, true), leaf(2, false), leaf(null, false)];

  it("all: mastered only when every child is", () => {
    expect(combine(children, { rule: "all" })).toMatchObject({
      mastered: false,
      masteredChildren: 2,
      totalChildren: 4,
    });
    expect(combine(children.slice(0, 2), { rule: "all" }).mastered).toBe(true);
  });

  it("share: mastered when the share of children mastered reaches it", () => {
    expect(combine(children, { rule: "share", share: 0.5 }).mastered).toBe(true);
    expect(combine(children, { rule: "share", share: 0.75 }).mastered).toBe(false);
  });

  it("mean: the mean level against the mean mastery point", () => {
    // levels 1, 2/3, 1/3, 0 → mean 0.5 < 2/3
    const result = combine(children, { rule: "mean" });
    expect(result.level).toBeCloseTo(0.5, 12);
    expect(result.mastered).toBe(false);
    expect(combine([leaf(4, true), leaf(2.5, false)], { rule: "mean" }).mastered).toBe(true); // (1 + 0.5)/2 = 0.75
  });

  it("an empty list is never mastered", () => {
    for (const rule of [{ rule: "all" }, { rule: "share", share: 0 }, { rule: "mean" }] as RollupRule[])
      expect(combine([], rule).mastered).toBe(false);
  });
});

describe("rollUp", () => {
  const tree = new Map([
    ["trait", ["competency A", "competency B"]],
    ["competency A", ["target 1", "target 2"]],
    ["competency B", ["target 3"]],
  ]);

  it("judges each parent by its children, recursively", () => {
    const leaves = new Map([
      ["target 1", leaf(3, true)],
      ["target 2", leaf(4, true)],
      ["target 3", leaf(2, false)],
      // The competency's own evidence does not override its children.
      ["competency B", leaf(4, true)],
    ]);
    const result = rollUp(tree, leaves, { rule: "all" }, ["trait"]);
    expect(result.get("competency A")?.mastered).toBe(true);
    expect(result.get("competency B")?.mastered).toBe(false);
    expect(result.get("trait")).toMatchObject({ mastered: false, masteredChildren: 1, totalChildren: 2 });
    expect(result.get("target 3")).toMatchObject({ started: true, mastered: false });
  });

  it("treats a child without mastery as not started", () => {
    const result = rollUp(tree, new Map(), { rule: "mean" }, ["trait"]);
    expect(result.get("trait")).toMatchObject({ level: 0, started: false, mastered: false });
  });

  it("stops at a cycle instead of looping", () => {
    const cyclic = new Map([
      ["a", ["b"]],
      ["b", ["a", "c"]],
    ]);
    const result = rollUp(cyclic, new Map([["c", leaf(4, true)]]), { rule: "all" }, ["a"]);
    expect(result.get("a")?.mastered).toBe(true);
  });

  const leafArbitrary: fc.Arbitrary<LeafMastery> = fc
    .option(fc.double({ min: 1, max: 4, noNaN: true }), { nil: null })
    .map((value) => leaf(value, value !== null && value >= 3));
  const rules: fc.Arbitrary<RollupRule> = fc.oneof(
    fc.constant<RollupRule>({ rule: "all" }),
    fc.double({ min: 0.01, max: 1, noNaN: true }).map((share): RollupRule => ({ rule: "share", share })),
    fc.constant<RollupRule>({ rule: "mean" }),
  );

  it("never lowers a parent when a child's mastery rises", () => {
    fc.assert(
      fc.property(fc.array(leafArbitrary, { minLength: 1, maxLength: 8 }), fc.nat(), rules, (children, pick, rule) => {
        const index = pick % children.length;
        const raised = children.map((child, at) => (at === index ? leaf(4, true) : child));
        const before = combine(children, rule);
        const after = combine(raised, rule);
        expect(after.level).toBeGreaterThanOrEqual(before.level - 1e-12);
        if (before.mastered) expect(after.mastered).toBe(true);
      }),
    );
  });

  it("all is the strictest rule: mastered under all implies mastered under any share", () => {
    fc.assert(
      fc.property(
        fc.array(leafArbitrary, { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (children, share) => {
          if (combine(children, { rule: "all" }).mastered)
            expect(combine(children, { rule: "share", share }).mastered).toBe(true);
        },
      ),
    );
  });
});
