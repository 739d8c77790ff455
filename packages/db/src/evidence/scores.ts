import { CairnError, type RecordEvidenceBody } from "@cairn/core";
import type { DbContext } from "../context";
import { readableFrameworks } from "../framework/access";
import { framework } from "../schema";
import { loadItems } from "./items";

export interface ResolvedScore {
  itemId: string;
  score: number;
  rubricLevel: string | null;
}

type Path = (string | number)[];

/** Evidence may not be dated after now. */
export function checkOccurredAt(occurredAt: string, now: Date, path: Path): Date {
  const when = new Date(occurredAt);
  if (when > now)
    throw new CairnError("validation", "evidence cannot be dated in the future", [
      { path, message: "must not be later than now" },
    ]);
  return when;
}

/**
 * Loads the items once and returns the check for one piece of evidence's scores: each item
 * once, in a framework the viewer reads that is published or deprecated, each scored on its
 * scale or with one of its rubric levels (which gives the level's value). Errors name the
 * place under `path`.
 */
export async function scoreResolver(
  ctx: DbContext,
  itemIds: readonly string[],
): Promise<(scores: RecordEvidenceBody["scores"], path: Path) => ResolvedScore[]> {
  const items = await loadItems(ctx.db, itemIds);
  const readable = new Set(
    (await ctx.db.select({ id: framework.id }).from(framework).where(readableFrameworks(ctx.viewer))).map(
      (row) => row.id,
    ),
  );
  return (scores, path) => {
    const seen = new Set<string>();
    return scores.map(({ itemId, score, level }, index) => {
      const at = (field: string) => [...path, index, field];
      const item = items.get(itemId);
      if (seen.has(itemId))
        throw new CairnError("validation", "an item is scored twice", [
          { path: at("itemId"), message: "already scored above" },
        ]);
      seen.add(itemId);
      if (!item || item.frameworkStatus === "draft" || !readable.has(item.frameworkId))
        throw new CairnError("validation", "no such item in a published framework", [
          { path: at("itemId"), message: "not an item of a published framework" },
        ]);
      if (level !== undefined) {
        const found = item.scale.levels.find((candidate) => candidate.code === level);
        if (!found)
          throw new CairnError("validation", "no such level on the item's rubric", [
            {
              path: at("level"),
              message: `must be one of ${item.scale.levels.map((candidate) => candidate.code).join(", ")}`,
            },
          ]);
        return { itemId, score: found.value, rubricLevel: found.code };
      }
      const value = score as number;
      if (value < item.range.min || value > item.range.max)
        throw new CairnError(
          "validation",
          `the score is not on the item's scale (${item.range.min}–${item.range.max})`,
          [{ path: at("score"), message: `must be between ${item.range.min} and ${item.range.max}` }],
        );
      return { itemId, score: value, rubricLevel: null };
    });
  };
}
