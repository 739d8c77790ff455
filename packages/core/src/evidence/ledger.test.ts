import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MasteryMethod } from "../mastery/methods";
import {
  countingScores,
  DEFAULT_MASTERY_METHOD,
  evidenceStatus,
  explainMastery,
  type LedgerEntry,
  ledgerAsOf,
  methodFor,
  supersededIds,
} from "./ledger";

const ITEM = "item-1";
const entry = (id: string, day: number, score: number, more: Partial<LedgerEntry> = {}): LedgerEntry => ({
  id,
  occurredAt: `2026-09-${String(day).padStart(2, "0")}T10:00:00Z`,
  recordedAt: `2026-09-${String(day).padStart(2, "0")}T12:00:00Z`,
  needsValidation: false,
  supersedesId: null,
  scores: [{ itemId: ITEM, score }],
  events: [],
  ...more,
});
const FOUR = { min: 1, max: 4, mastery: 3 };

describe("the ledger", () => {
  it("counts an educator's evidence at once, and others' only once validated", () => {
    const teacher = entry("t", 1, 2);
    const student = entry("s", 2, 4, { needsValidation: true });
    expect(countingScores([teacher, student], ITEM).map((score) => score.evidenceId)).toEqual(["t"]);
    const validated = { ...student, events: [{ kind: "validated" as const, occurredAt: "2026-09-03T09:00:00Z" }] };
    expect(countingScores([teacher, validated], ITEM).map((score) => score.evidenceId)).toEqual(["t", "s"]);
    const rejected = { ...student, events: [{ kind: "rejected" as const, occurredAt: "2026-09-03T09:00:00Z" }] };
    expect(evidenceStatus(rejected, new Set())).toBe("rejected");
    expect(countingScores([teacher, rejected], ITEM)).toHaveLength(1);
  });

  it("drops voided and superseded evidence, keeps their rows, and orders by when it happened", () => {
    const first = entry("a", 5, 1);
    const correction = entry("b", 5, 3, { supersedesId: "a", recordedAt: "2026-09-06T08:00:00Z" });
    const early = entry("c", 2, 2, { recordedAt: "2026-09-07T08:00:00Z" });
    const voided = entry("d", 6, 4, { events: [{ kind: "voided", occurredAt: "2026-09-07T00:00:00Z" }] });
    const ledger = [first, correction, early, voided];
    expect(evidenceStatus(first, supersededIds(ledger))).toBe("superseded");
    expect(evidenceStatus(voided, supersededIds(ledger))).toBe("voided");
    expect(countingScores(ledger, ITEM).map((score) => [score.evidenceId, score.score])).toEqual([
      ["c", 2],
      ["b", 3],
    ]);
  });

  it("shows the ledger as it stood on a past day", () => {
    const student = entry("s", 2, 4, {
      needsValidation: true,
      events: [{ kind: "validated", occurredAt: "2026-09-10T00:00:00Z" }],
    });
    const later = entry("l", 20, 1);
    expect(countingScores(ledgerAsOf([student, later], "2026-09-05T00:00:00Z"), ITEM)).toEqual([]);
    expect(countingScores(ledgerAsOf([student, later], "2026-09-15T00:00:00Z"), ITEM).map((s) => s.evidenceId)).toEqual(
      ["s"],
    );
  });
});

describe("explaining a mastery value", () => {
  it("names each piece of evidence with its weight, by method", () => {
    const scores = [
      { evidenceId: "a", score: 2, occurredAt: "1" },
      { evidenceId: "b", score: 3, occurredAt: "2" },
      { evidenceId: "c", score: 4, occurredAt: "3" },
    ];
    const explained = explainMastery(scores, { name: "decaying-average", weight: 0.65 }, FOUR);
    expect(explained.value).toBeCloseTo(3.475, 12);
    expect(explained.contributions.map((c) => [c.evidenceId, Number(c.weight.toFixed(3))])).toEqual([
      ["a", 0.175],
      ["b", 0.175],
      ["c", 0.65],
    ]);
    expect(explainMastery(scores, { name: "highest" }, FOUR).contributions.map((c) => c.weight)).toEqual([0, 0, 1]);
  });

  it("gives weights that sum to one and rebuild the value, for every linear method", () => {
    const methods = fc.oneof(
      fc.constantFrom<MasteryMethod>({ name: "latest" }, { name: "highest" }, { name: "mean" }),
      fc.double({ min: 0, max: 1, noNaN: true }).map((weight): MasteryMethod => ({ name: "decaying-average", weight })),
      fc
        .double({ min: 0.5, max: 0.99, noNaN: true })
        .map((weight): MasteryMethod => ({ name: "standard-decaying-average", weight })),
      fc.integer({ min: 1, max: 5 }).map((n): MasteryMethod => ({ name: "n-mastery", n })),
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 15 }),
        methods,
        (values, method) => {
          const scores = values.map((score, index) => ({
            evidenceId: String(index),
            score,
            occurredAt: String(index),
          }));
          const explained = explainMastery(scores, method, FOUR);
          const total = explained.contributions.reduce((sum, c) => sum + c.weight, 0);
          const rebuilt = explained.contributions.reduce((sum, c) => sum + c.weight * c.score, 0);
          expect(total).toBeCloseTo(1, 9);
          expect(rebuilt).toBeCloseTo(explained.value as number, 9);
        },
      ),
    );
  });
});

describe("which method applies", () => {
  it("is the item's own, else its framework's, else the district's, else the default", () => {
    const item = { id: "i", frameworkId: "f" };
    const district = { frameworkId: null, itemId: null, method: { name: "mean" } as MasteryMethod };
    const framework = { frameworkId: "f", itemId: null, method: { name: "highest" } as MasteryMethod };
    const own = { frameworkId: "f", itemId: "i", method: { name: "latest" } as MasteryMethod };
    expect(methodFor([], item)).toEqual(DEFAULT_MASTERY_METHOD);
    expect(methodFor([district], item).name).toBe("mean");
    expect(methodFor([district, framework], item).name).toBe("highest");
    expect(methodFor([district, framework, own], item).name).toBe("latest");
  });
});
