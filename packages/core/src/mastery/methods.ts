/**
 * Mastery methods: how a student's scores on one item, oldest first, become a level and a
 * yes/no for mastery. Pure functions of the scores, so the same history always gives the
 * same answer, and the web app's live example and the stored values cannot disagree.
 *
 * Whether mastery can be lost depends on the method: `highest` never goes down, and
 * `n-mastery` never loses a count once reached; the others follow the latest evidence, so
 * a later low score can take mastery away (the record keeps both events).
 */
export const MASTERY_METHODS = [
  "latest",
  "highest",
  "mean",
  "decaying-average",
  "standard-decaying-average",
  "n-mastery",
  "power-law",
] as const;
export type MasteryMethodName = (typeof MASTERY_METHODS)[number];

export type MasteryMethod =
  | { name: "latest" | "highest" | "mean" | "power-law"; minObservations?: number }
  | { name: "decaying-average"; weight?: number; minObservations?: number }
  | { name: "standard-decaying-average"; weight?: number; minObservations?: number }
  | { name: "n-mastery"; n: number; minObservations?: number };

/** The numeric range of the scale scores are on, and the value that counts as mastery. */
export interface ScaleRange {
  min: number;
  max: number;
  mastery: number;
}

export interface MasteryResult {
  /** The method's value on the scale; null with no scores. */
  value: number | null;
  mastered: boolean;
}

export const DEFAULT_DECAY_WEIGHT = 0.65;

/**
 * Below this, a score is read as this for the power-law fit, whose logarithm needs a
 * positive number (a 0 on a 0–4 scale is a real score, not a missing one).
 */
export const POWER_LAW_FLOOR = 1e-6;

/** The method's value for scores in date order (oldest first). */
export function methodValue(scores: readonly number[], method: MasteryMethod): number | null {
  const count = scores.length;
  if (count === 0) return null;
  const last = scores[count - 1] as number;
  switch (method.name) {
    case "latest":
      return last;
    case "highest":
      return maximum(scores);
    case "mean":
      return sum(scores, 0, count) / count;
    case "decaying-average": {
      if (count === 1) return last;
      const weight = method.weight ?? DEFAULT_DECAY_WEIGHT;
      return weight * last + (1 - weight) * (sum(scores, 0, count - 1) / (count - 1));
    }
    case "standard-decaying-average": {
      const weight = method.weight ?? 0.5;
      let value = scores[0] as number;
      for (let index = 1; index < count; index++) value = weight * (scores[index] as number) + (1 - weight) * value;
      return value;
    }
    case "n-mastery":
      return meanOfHighest(scores, Math.min(method.n, count));
    case "power-law":
      return count < 2 ? last : powerLawAtLatest(scores);
  }
}

/**
 * The value and whether it is mastery. Every method needs at least `minObservations`
 * scores (default 1) before it can say mastered; `n-mastery` is mastered when at least n
 * scores reach the mastery level, the others when the value does.
 */
export function evaluateMastery(scores: readonly number[], method: MasteryMethod, scale: ScaleRange): MasteryResult {
  const raw = methodValue(scores, method);
  if (raw === null) return { value: null, mastered: false };
  const value = method.name === "power-law" ? clamp(raw, scale.min, scale.max) : raw;
  if (scores.length < (method.minObservations ?? 1)) return { value, mastered: false };
  const mastered =
    method.name === "n-mastery"
      ? scores.filter((score) => score >= scale.mastery).length >= method.n
      : value >= scale.mastery;
  return { value, mastered };
}

/**
 * Least-squares fit of ln y = ln a + b ln x over attempts x = 1…k, evaluated at the
 * latest attempt: a·kᵇ (clamping to the scale is the caller's, with the scale in hand).
 */
function powerLawAtLatest(scores: readonly number[]): number {
  const count = scores.length;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let index = 0; index < count; index++) {
    const x = Math.log(index + 1);
    const y = Math.log(Math.max(scores[index] as number, POWER_LAW_FLOOR));
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const b = (count * sxy - sx * sy) / (count * sxx - sx * sx);
  const lnA = (sy - b * sx) / count;
  return Math.exp(lnA + b * Math.log(count));
}

/** The mean of the n highest scores, kept in a small sorted buffer rather than sorting the whole history. */
function meanOfHighest(scores: readonly number[], n: number): number {
  const top: number[] = [];
  for (const score of scores) {
    if (top.length === n && score <= (top[n - 1] as number)) continue;
    let position = top.length < n ? top.length : n - 1;
    while (position > 0 && (top[position - 1] as number) < score) {
      top[position] = top[position - 1] as number;
      position--;
    }
    top[position] = score;
  }
  return sum(top, 0, top.length) / top.length;
}

function sum(values: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let index = from; index < to; index++) total += values[index] as number;
  return total;
}

function maximum(values: readonly number[]): number {
  let best = values[0] as number;
  for (const value of values) if (value > best) best = value;
  return best;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Scores in date order; evidence recorded out of order counts in the order it happened (ties keep their order). */
export function scoresInDateOrder(evidence: readonly { score: number; at: string }[]): number[] {
  return evidence
    .map((entry, index) => ({ ...entry, index }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.index - b.index))
    .map((entry) => entry.score);
}
