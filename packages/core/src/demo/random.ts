import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** A seeded random source: the same seed gives the same sequence on every machine. */
export interface Random {
  /** A float in [0, 1). */
  float(): number;
  /** An integer in [from, to], both included. */
  int(from: number, to: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** A version-4-shaped UUID drawn from this source. */
  uuid(): string;
}

export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  const random: Random = {
    float: () => uniformFloat64(rng),
    int: (from, to) => uniformInt(rng, from, to),
    chance: (probability) => uniformFloat64(rng) < probability,
    pick(items) {
      if (items.length === 0) throw new RangeError("cannot pick from an empty list");
      return items[uniformInt(rng, 0, items.length - 1)] as (typeof items)[number];
    },
    weighted(weights) {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = uniformFloat64(rng) * total;
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return (entries.at(-1) as [keyof typeof weights, number])[0];
    },
    uuid() {
      const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
      const a = hex(uniformInt(rng, 0, 0xffffffff));
      const b = hex(uniformInt(rng, 0, 0xffffffff));
      const c = hex(uniformInt(rng, 0, 0xffffffff));
      const d = hex(uniformInt(rng, 0, 0xffffffff));
      const variant = "89ab"[uniformInt(rng, 0, 3)];
      return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
    },
  };
  return random;
}
