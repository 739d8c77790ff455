import type { ScaleRange } from "./methods";

/**
 * How a parent's mastery follows from its children's: every child mastered, a share of them,
 * or the mean of their levels reaching the mean mastery point.
 */
export type RollupRule = { rule: "all" } | { rule: "share"; share: number } | { rule: "mean" };

export const ROLLUP_RULES = ["all", "share", "mean"] as const;
export const DEFAULT_ROLLUP_RULE: RollupRule = { rule: "all" };

/** Where a student stands on one item: not started (no counting evidence), in progress, or mastered. */
export type Standing = "not_started" | "in_progress" | "mastered";

export function standingOf(mastery: { value: number | null; mastered: boolean }): Standing {
  if (mastery.mastered) return "mastered";
  return mastery.value === null ? "not_started" : "in_progress";
}

/** An item's stored mastery, placed on 0–1 so items on different scales can be combined. */
export interface LeafMastery {
  /** (value − min) / (max − min); 0 with no evidence. */
  level: number;
  /** Where mastery starts on the same 0–1 line. */
  masteryPoint: number;
  mastered: boolean;
  started: boolean;
}

export function leafMastery(value: number | null, mastered: boolean, range: ScaleRange): LeafMastery {
  const span = range.max - range.min;
  const place = (score: number) => (span > 0 ? (score - range.min) / span : 1);
  return {
    level: value === null ? 0 : Math.min(1, Math.max(0, place(value))),
    masteryPoint: place(range.mastery),
    mastered,
    started: value !== null,
  };
}

export interface RolledUp extends LeafMastery {
  /** Children mastered and children in all (for a leaf: 1 or 0 of 1). */
  masteredChildren: number;
  totalChildren: number;
}

/** A leaf with no stored mastery: not started, with the usual mastery point for an unknown scale. */
const NOT_STARTED: LeafMastery = { level: 0, masteryPoint: 2 / 3, mastered: false, started: false };

/** Combines children by the rule; an empty list is never mastered (nothing to show). */
export function combine(children: readonly LeafMastery[], rule: RollupRule): RolledUp {
  const total = children.length;
  const masteredChildren = children.filter((child) => child.mastered).length;
  const mean = (pick: (child: LeafMastery) => number) =>
    total === 0 ? 0 : children.reduce((sum, child) => sum + pick(child), 0) / total;
  const level = mean((child) => child.level);
  const masteryPoint = total === 0 ? NOT_STARTED.masteryPoint : mean((child) => child.masteryPoint);
  const mastered =
    total > 0 &&
    (rule.rule === "all"
      ? masteredChildren === total
      : rule.rule === "share"
        ? masteredChildren / total >= rule.share
        : level >= masteryPoint);
  return {
    level,
    masteryPoint,
    mastered,
    started: children.some((child) => child.started),
    masteredChildren,
    totalChildren: total,
  };
}

/**
 * Rolls mastery up a tree (parent → children, e.g. learning targets → competency → Portrait
 * of a Graduate trait). A node with children is judged by them, recursively, whatever
 * evidence it has of its own; a node without children by its own mastery (not started when
 * there is none). Each node is computed once; a cycle is cut where it closes.
 */
export function rollUp(
  childrenOf: ReadonlyMap<string, readonly string[]>,
  leaves: ReadonlyMap<string, LeafMastery>,
  rule: RollupRule,
  roots: readonly string[],
): Map<string, RolledUp> {
  const done = new Map<string, RolledUp>();
  const visiting = new Set<string>();
  const visit = (id: string): RolledUp => {
    const known = done.get(id);
    if (known) return known;
    visiting.add(id);
    const children = (childrenOf.get(id) ?? []).filter((child) => !visiting.has(child));
    let result: RolledUp;
    if (children.length === 0) {
      const own = leaves.get(id) ?? NOT_STARTED;
      result = { ...own, masteredChildren: own.mastered ? 1 : 0, totalChildren: 1 };
    } else {
      result = combine(children.map(visit), rule);
    }
    visiting.delete(id);
    done.set(id, result);
    return result;
  };
  for (const root of roots) visit(root);
  return done;
}
