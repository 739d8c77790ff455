import { evaluateMastery, type MasteryMethod, type ScaleRange } from "../mastery/methods";

/**
 * The evidence ledger's rules, as pure functions of its rows: which evidence counts, in
 * which order, and what each piece contributed to a mastery value. The database keeps the
 * rows; these decide what they mean, so the stored values and a full recompute agree.
 */
export const EVIDENCE_KINDS = [
  "assessment",
  "performance_task",
  "project",
  "portfolio",
  "observation",
  "work_based_learning",
  "course",
  "extended_learning",
  "prior_learning",
  "external_app",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_SETTINGS = ["classroom", "online", "home", "community", "workplace", "college"] as const;
export type EvidenceSetting = (typeof EVIDENCE_SETTINGS)[number];

export const EVIDENCE_EVENT_KINDS = ["validated", "rejected", "voided"] as const;
export type EvidenceEventKind = (typeof EVIDENCE_EVENT_KINDS)[number];

export type EvidenceStatus = "pending" | "validated" | "counted" | "rejected" | "voided" | "superseded";

export interface LedgerEntry {
  id: string;
  occurredAt: string;
  recordedAt: string;
  /** Recorded by a student, guardian, mentor or app: counts only once an educator validates it. */
  needsValidation: boolean;
  supersedesId: string | null;
  scores: readonly { itemId: string; score: number }[];
  events: readonly { kind: EvidenceEventKind; occurredAt: string }[];
}

/**
 * Where a piece of evidence stands. Voided is final. A newer revision supersedes it. Else
 * the latest validation or rejection decides; evidence an educator recorded counts at once
 * ("counted"), evidence from others is "pending" until validated.
 */
export function evidenceStatus(entry: LedgerEntry, supersededIds: ReadonlySet<string>): EvidenceStatus {
  if (entry.events.some((event) => event.kind === "voided")) return "voided";
  if (supersededIds.has(entry.id)) return "superseded";
  const decision = [...entry.events]
    .filter((event) => event.kind !== "voided")
    .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0))
    .at(-1);
  if (decision) return decision.kind === "validated" ? "validated" : "rejected";
  return entry.needsValidation ? "pending" : "counted";
}

/** Evidence superseded by a revision (a revision that is itself voided still supersedes: re-record instead). */
export function supersededIds(entries: readonly LedgerEntry[]): Set<string> {
  return new Set(entries.flatMap((entry) => (entry.supersedesId ? [entry.supersedesId] : [])));
}

export interface CountingScore {
  evidenceId: string;
  score: number;
  occurredAt: string;
}

/** The scores that count toward one item, in the order the evidence happened (ties: the order recorded). */
export function countingScores(entries: readonly LedgerEntry[], itemId: string): CountingScore[] {
  const superseded = supersededIds(entries);
  return entries
    .filter((entry) => {
      const status = evidenceStatus(entry, superseded);
      return status === "validated" || status === "counted";
    })
    .flatMap((entry) =>
      entry.scores
        .filter((score) => score.itemId === itemId)
        .map((score) => ({
          evidenceId: entry.id,
          score: score.score,
          occurredAt: entry.occurredAt,
          recordedAt: entry.recordedAt,
        })),
    )
    .sort((a, b) =>
      a.occurredAt < b.occurredAt
        ? -1
        : a.occurredAt > b.occurredAt
          ? 1
          : a.recordedAt < b.recordedAt
            ? -1
            : a.recordedAt > b.recordedAt
              ? 1
              : 0,
    )
    .map(({ recordedAt: _recordedAt, ...score }) => score);
}

/** The ledger as it stood at the end of a past moment: rows and events recorded by then. */
export function ledgerAsOf(entries: readonly LedgerEntry[], moment: string): LedgerEntry[] {
  return entries
    .filter((entry) => entry.recordedAt <= moment)
    .map((entry) => ({ ...entry, events: entry.events.filter((event) => event.occurredAt <= moment) }));
}

export interface MasteryExplanation {
  value: number | null;
  mastered: boolean;
  method: MasteryMethod;
  /** Each counting score and its share of the value (shares sum to 1; the power law fits them all equally). */
  contributions: (CountingScore & { weight: number })[];
}

/** The value, the verdict and why: which evidence counted, with what weight, by which method. */
export function explainMastery(
  scores: readonly CountingScore[],
  method: MasteryMethod,
  scale: ScaleRange,
): MasteryExplanation {
  const values = scores.map((score) => score.score);
  const result = evaluateMastery(values, method, scale);
  const weights = contributionWeights(values, method);
  return {
    ...result,
    method,
    contributions: scores.map((score, index) => ({ ...score, weight: weights[index] ?? 0 })),
  };
}

function contributionWeights(values: readonly number[], method: MasteryMethod): number[] {
  const count = values.length;
  const weights = new Array<number>(count).fill(0);
  if (count === 0) return weights;
  switch (method.name) {
    case "latest":
      weights[count - 1] = 1;
      return weights;
    case "highest":
      weights[values.lastIndexOf(Math.max(...values))] = 1;
      return weights;
    case "mean":
    case "power-law":
      return weights.fill(1 / count);
    case "decaying-average": {
      if (count === 1) return [1];
      const weight = method.weight ?? 0.65;
      return weights.map((_, index) => (index === count - 1 ? weight : (1 - weight) / (count - 1)));
    }
    case "standard-decaying-average": {
      const weight = method.weight ?? 0.5;
      // m_k = w·s_k + (1 − w)·m_{k−1}, m_1 = s_1: score i carries w(1 − w)^(k−1−i), the first (1 − w)^(k−1).
      return weights.map((_, index) =>
        index === 0 ? (1 - weight) ** (count - 1) : weight * (1 - weight) ** (count - 1 - index),
      );
    }
    case "n-mastery": {
      const take = Math.min(method.n, count);
      const order = values
        .map((value, index) => ({ value, index }))
        .sort((a, b) => b.value - a.value || b.index - a.index);
      for (const { index } of order.slice(0, take)) weights[index] = 1 / take;
      return weights;
    }
  }
}

/** The method that applies to an item: its own setting, else its framework's, else the district's, else the default. */
export function methodFor(
  settings: readonly { frameworkId: string | null; itemId: string | null; method: MasteryMethod }[],
  item: { id: string; frameworkId: string },
): MasteryMethod {
  return (
    settings.find((setting) => setting.itemId === item.id)?.method ??
    settings.find((setting) => setting.itemId === null && setting.frameworkId === item.frameworkId)?.method ??
    settings.find((setting) => setting.itemId === null && setting.frameworkId === null)?.method ??
    DEFAULT_MASTERY_METHOD
  );
}

export const DEFAULT_MASTERY_METHOD: MasteryMethod = { name: "decaying-average", weight: 0.65, minObservations: 1 };
