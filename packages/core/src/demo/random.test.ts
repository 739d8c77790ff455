import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom } from "./random";

describe("seeded random source", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return [random.float(), random.int(0, 1000), random.uuid()];
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("draws integers inside the bounds and floats in [0, 1)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, from, width) => {
        const random = createRandom(seed);
        const value = random.int(from, from + width);
        expect(value).toBeGreaterThanOrEqual(from);
        expect(value).toBeLessThanOrEqual(from + width);
        const float = random.float();
        expect(float).toBeGreaterThanOrEqual(0);
        expect(float).toBeLessThan(1);
      }),
    );
  });

  it("makes version-4 UUIDs", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(createRandom(seed).uuid()).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
      }),
    );
  });

  it("picks weighted keys in proportion to their weights", () => {
    const random = createRandom(1);
    let heavy = 0;
    for (let index = 0; index < 10_000; index++) if (random.weighted({ heavy: 3, light: 1 }) === "heavy") heavy++;
    expect(heavy / 10_000).toBeGreaterThan(0.72);
    expect(heavy / 10_000).toBeLessThan(0.78);
  });
});
