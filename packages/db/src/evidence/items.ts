import { type CfDocument, type ProficiencyScale, type ScaleRange, scaleFor } from "@cairn/core";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../database";
import { framework, frameworkItem } from "../schema";

export interface ScoredItem {
  id: string;
  frameworkId: string;
  frameworkTitle: string;
  frameworkStatus: string;
  districtId: string | null;
  code: string | null;
  statement: string;
  itemType: string | null;
  scale: ProficiencyScale;
  range: ScaleRange;
}

/** The range a scale's scores lie in (its lowest and highest level) and the value that is mastery. */
export function scaleRange(scale: ProficiencyScale): ScaleRange {
  const values = scale.levels.map((level) => level.value);
  const mastery = scale.levels.find((level) => level.code === scale.masteryCode)?.value ?? Math.max(...values);
  return { min: Math.min(...values), max: Math.max(...values), mastery };
}

/** The label of the highest level a value reaches; null below the lowest level, or with no value. */
export function levelLabel(scale: ProficiencyScale, value: number | null): string | null {
  if (value === null) return null;
  const reached = scale.levels.filter((level) => level.value <= value).sort((a, b) => a.value - b.value);
  return reached.at(-1)?.label ?? null;
}

/** Items by id with their framework and the scale they are scored on. */
export async function loadItems(db: Db, itemIds: readonly string[]): Promise<Map<string, ScoredItem>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: frameworkItem.id,
      frameworkId: frameworkItem.frameworkId,
      code: frameworkItem.code,
      statement: frameworkItem.fullStatement,
      itemType: frameworkItem.itemType,
      caseJson: frameworkItem.caseJson,
      frameworkTitle: framework.title,
      frameworkStatus: framework.status,
      districtId: framework.districtId,
      document: framework.document,
    })
    .from(frameworkItem)
    .innerJoin(framework, eq(framework.id, frameworkItem.frameworkId))
    .where(inArray(frameworkItem.id, [...new Set(itemIds)]));
  return new Map(
    rows.map((row) => {
      const scale = scaleFor(row.document as CfDocument, row.caseJson as { extensions?: unknown });
      const { caseJson: _caseJson, document: _document, ...item } = row;
      return [row.id, { ...item, scale, range: scaleRange(scale) }];
    }),
  );
}
