import type { Gradebook } from "@cairn/core";

/** "6.RP.A.1 Understand the concept of a ratio…": a code never stands without its words. */
export function itemLabel(item: { code: string | null; statement: string }, length = 90): string {
  const words = item.statement.length > length ? `${item.statement.slice(0, length - 1)}…` : item.statement;
  return item.code ? `${item.code} ${words}` : words;
}

/** The heatmap colour of a value: the highest level it reaches (0 the lowest), or none without evidence. */
export function heatClass(item: Pick<Gradebook["items"][number], "levels">, value: number | null): string {
  if (value === null) return "heat-none";
  const reached = [...item.levels].sort((a, b) => a.value - b.value).filter((level) => level.value <= value).length;
  return `heat-${Math.max(0, Math.min(4, reached - 1))}`;
}
