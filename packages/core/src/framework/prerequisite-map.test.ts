import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allPrerequisites,
  allUnlocked,
  buildPrerequisiteMap,
  cycleIfAdded,
  findCycle,
  neighbourhood,
  type Precedence,
  readyToLearn,
} from "./prerequisite-map";

/** A random acyclic map: edges only go from a lower to a higher position in a shuffled order. */
const acyclicMap = fc
  .integer({ min: 2, max: 40 })
  .chain((size) =>
    fc.record({
      order: fc.shuffledSubarray(
        Array.from({ length: size }, (_, index) => `item-${index}`),
        { minLength: size, maxLength: size },
      ),
      pairs: fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 3 }),
    }),
  )
  .map(({ order, pairs }) => ({
    items: order,
    edges: pairs
      .filter(([a, b]) => a !== b)
      .map(
        ([a, b]): Precedence => ({ before: order[Math.min(a, b)] as string, after: order[Math.max(a, b)] as string }),
      ),
  }));

function isRealCycle(edges: Precedence[], cycle: string[]): boolean {
  if (cycle.length < 2 || cycle[0] !== cycle.at(-1)) return false;
  return cycle
    .slice(1)
    .every((node, index) => edges.some((edge) => edge.before === cycle[index] && edge.after === node));
}

describe("the prerequisite map", () => {
  it("finds no cycle in an acyclic map", () => {
    fc.assert(fc.property(acyclicMap, ({ edges }) => findCycle(buildPrerequisiteMap(edges)) === null));
  });

  it("names a real cycle whenever an edge closes one, and agrees with the check before adding", () => {
    fc.assert(
      fc.property(acyclicMap, fc.nat(), fc.nat(), ({ items, edges }, i, j) => {
        const edge = { before: items[i % items.length] as string, after: items[j % items.length] as string };
        const predicted = cycleIfAdded(buildPrerequisiteMap(edges), edge);
        const found = findCycle(buildPrerequisiteMap([...edges, edge]));
        expect(predicted === null).toBe(found === null);
        if (predicted) expect(isRealCycle([...edges, edge], predicted)).toBe(true);
        if (found) expect(isRealCycle([...edges, edge], found)).toBe(true);
      }),
    );
  });

  it("reads prerequisites and unlocks as mirror images", () => {
    fc.assert(
      fc.property(acyclicMap, ({ items, edges }) => {
        const map = buildPrerequisiteMap(edges);
        for (const a of items) for (const b of allPrerequisites(map, a)) expect(allUnlocked(map, b)).toContain(a);
      }),
    );
  });

  it("walks chains of any depth without recursion", () => {
    const edges = Array.from({ length: 50_000 }, (_, index) => ({ before: `s${index}`, after: `s${index + 1}` }));
    const map = buildPrerequisiteMap(edges);
    expect(findCycle(map)).toBeNull();
    expect(allPrerequisites(map, "s50000")).toHaveLength(50_000);
    expect(cycleIfAdded(map, { before: "s50000", after: "s0" })).toHaveLength(50_002);
  });

  it("names the cycle a district would create, in order", () => {
    const map = buildPrerequisiteMap([
      { before: "6.RP.A.1", after: "6.RP.A.2" },
      { before: "6.RP.A.2", after: "6.RP.A.3" },
    ]);
    expect(cycleIfAdded(map, { before: "6.RP.A.3", after: "6.RP.A.1" })).toEqual([
      "6.RP.A.3",
      "6.RP.A.1",
      "6.RP.A.2",
      "6.RP.A.3",
    ]);
    expect(cycleIfAdded(map, { before: "6.RP.A.1", after: "6.RP.A.1" })).toEqual(["6.RP.A.1", "6.RP.A.1"]);
  });

  it("is ready for exactly the unmastered items whose direct prerequisites are all mastered", () => {
    fc.assert(
      fc.property(acyclicMap, fc.array(fc.boolean()), ({ items, edges }, flags) => {
        const map = buildPrerequisiteMap(edges);
        const mastered = new Set(items.filter((_, index) => flags[index]));
        const ready = new Set(readyToLearn(map, items, mastered));
        for (const item of items) {
          const prerequisitesMet = edges.filter((e) => e.after === item).every((e) => mastered.has(e.before));
          expect(ready.has(item)).toBe(!mastered.has(item) && prerequisitesMet);
        }
      }),
    );
  });

  it("keeps a neighbourhood within its depth, nearest first, and within its limit", () => {
    fc.assert(
      fc.property(
        acyclicMap,
        fc.nat(),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 10 }),
        ({ items, edges }, i, depth, limit) => {
          const map = buildPrerequisiteMap(edges);
          const item = items[i % items.length] as string;
          const near = neighbourhood(map, item, { depth, limit });
          const all = allPrerequisites(map, item);
          expect(near.prerequisites.length).toBeLessThanOrEqual(limit);
          // Nearest first: the neighbourhood is a prefix of the full breadth-first walk.
          expect(all.slice(0, near.prerequisites.length)).toEqual(near.prerequisites);
          if (depth === 1) {
            const direct = map.prerequisitesOf.get(item) ?? [];
            expect(near.prerequisites).toHaveLength(Math.min(limit, direct.length));
            for (const prerequisite of near.prerequisites) expect(direct).toContain(prerequisite);
          }
        },
      ),
    );
  });
});
