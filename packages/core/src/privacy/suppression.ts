import { CairnError } from "../errors";

/**
 * Small-group suppression for every aggregate Cairn publishes: public reports must never
 * "compromise the privacy of individual students" (seeds 001:2589).
 *
 * A table of counts is published with its row, column and grand totals. A count from 1 to
 * `minimumSize - 1` is hidden (primary suppression), and so is any total that small.
 * Hiding one cell is not enough when the totals and the other cells give it back, so more
 * cells are hidden (complementary suppression) until no hidden cell can be recomputed.
 *
 * Why the check is a graph question: put the totals in an extra row and column, and make
 * each row and each column a node; every hidden cell is an edge between its row and its
 * column. The published values fix each row's and column's sum, so a hidden cell is
 * recomputable exactly when its edge lies on no cycle of hidden cells (a bridge): along a
 * cycle, adding one to every other cell and taking one from the rest keeps every sum, and
 * keeps every count non-negative because hidden cells are never zero.
 */
export interface SuppressionOptions {
  /** Smallest group shown: counts from 1 to minimumSize − 1 are hidden. */
  minimumSize: number;
  /**
   * The row totals are public anyway (a school's enrolment is published elsewhere), so they
   * are never hidden, and no hidden value may be recomputable from them either. Every row
   * total must then be 0 or at least `minimumSize`: leave smaller rows out of the table.
   */
  rowTotalsPublished?: boolean;
}

export const DEFAULT_MINIMUM_GROUP_SIZE = 10;

export interface SuppressedTable {
  /** `null` where hidden. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  grandTotal: number | null;
  /** How many values (cells and totals) are hidden. */
  hidden: number;
}

type Grid = number[][];

function validate(counts: readonly (readonly number[])[], options: SuppressionOptions): void {
  if (!Number.isInteger(options.minimumSize) || options.minimumSize < 1) {
    throw new CairnError("validation", "the minimum group size must be a whole number of at least 1", [
      { path: ["minimumSize"], message: `got ${options.minimumSize}` },
    ]);
  }
  const width = counts[0]?.length ?? 0;
  if (options.rowTotalsPublished)
    counts.forEach((row, r) => {
      const total = row.reduce((sum, value) => sum + value, 0);
      if (total > 0 && total < options.minimumSize)
        throw new CairnError("validation", "a row total below the minimum cannot be published; leave the row out", [
          { path: [r], message: `row ${r} totals ${total}` },
        ]);
    });
  counts.forEach((row, r) => {
    if (row.length !== width) {
      throw new CairnError("validation", "every row of the table needs the same number of cells", [
        { path: [r], message: `row ${r} has ${row.length} cells, row 0 has ${width}` },
      ]);
    }
    row.forEach((value, c) => {
      if (!Number.isInteger(value) || value < 0) {
        throw new CairnError("validation", "counts must be whole numbers of at least 0", [
          { path: [r, c], message: `got ${value}` },
        ]);
      }
    });
  });
}

/** The table with its totals as an extra last row and column. */
function withTotals(counts: readonly (readonly number[])[]): Grid {
  const columns = counts[0]?.length ?? 0;
  const grid: Grid = counts.map((row) => [...row, row.reduce((sum, value) => sum + value, 0)]);
  const totals = Array.from({ length: columns + 1 }, (_, c) => grid.reduce((sum, row) => sum + (row[c] as number), 0));
  grid.push(totals);
  return grid;
}

/**
 * The rows and columns reachable from row `r` through hidden cells, not using cell (r, c).
 * Hidden cell (r, c) can be recomputed exactly when column `c` is not among them.
 */
function reachableWithout(hidden: boolean[][], r: number, c: number): { rows: Set<number>; columns: Set<number> } {
  const rows = new Set<number>([r]);
  const columns = new Set<number>();
  const queue: ["row" | "column", number][] = [["row", r]];
  while (queue.length > 0) {
    const [kind, index] = queue.pop() as ["row" | "column", number];
    if (kind === "row") {
      hidden[index]?.forEach((isHidden, column) => {
        if (!isHidden || (index === r && column === c) || columns.has(column)) return;
        columns.add(column);
        queue.push(["column", column]);
      });
    } else {
      hidden.forEach((row, rowIndex) => {
        if (!row[index] || (rowIndex === r && index === c) || rows.has(rowIndex)) return;
        rows.add(rowIndex);
        queue.push(["row", rowIndex]);
      });
    }
  }
  return { rows, columns };
}

function firstRecomputable(hidden: boolean[][]): [number, number] | null {
  for (let r = 0; r < hidden.length; r++) {
    const row = hidden[r] as boolean[];
    for (let c = 0; c < row.length; c++) {
      if (row[c] && !reachableWithout(hidden, r, c).columns.has(c)) return [r, c];
    }
  }
  return null;
}

/**
 * The complement to hide for recomputable cell (r, c). Without (r, c), the hidden cells
 * fall into a part around row r and a part around column c. A visible non-zero cell that
 * joins the two closes a cycle through (r, c); failing one, a pair of cells in a fresh
 * column (or row) that meets both parts does. The smallest total is hidden. If neither
 * exists, the smallest visible non-zero cell of row r or column c grows the part instead.
 */
function chooseComplement(
  grid: Grid,
  hidden: boolean[][],
  r: number,
  c: number,
  locked: (row: number, column: number) => boolean,
): [number, number][] {
  const rowSide = reachableWithout(hidden, r, c);
  const columnSide = reachableWithout(transpose(hidden), c, r);
  const value = ([row, column]: [number, number]) => grid[row]?.[column] as number;
  const visible = (cell: [number, number]) =>
    value(cell) > 0 && !hidden[cell[0]]?.[cell[1]] && !locked(cell[0], cell[1]);
  const cheapest = (options: [number, number][][]) =>
    options
      .filter((cells) => cells.every(visible))
      .sort((a, b) => a.reduce((sum, cell) => sum + value(cell), 0) - b.reduce((sum, cell) => sum + value(cell), 0))[0];

  const rowsOfColumnSide = columnSide.columns;
  const columnsOfColumnSide = columnSide.rows;
  const single: [number, number][][] = [];
  for (const row of rowSide.rows) for (const column of columnsOfColumnSide) single.push([[row, column]]);
  for (const row of rowsOfColumnSide) for (const column of rowSide.columns) single.push([[row, column]]);
  const joined = cheapest(single);
  if (joined) return joined;

  const pairs: [number, number][][] = [];
  const allColumns = grid[0]?.map((_, column) => column) ?? [];
  const allRows = grid.map((_, row) => row);
  for (const column of allColumns) {
    for (const row of rowSide.rows)
      for (const other of rowsOfColumnSide)
        pairs.push([
          [row, column],
          [other, column],
        ]);
  }
  for (const row of allRows) {
    for (const column of rowSide.columns)
      for (const other of columnsOfColumnSide)
        pairs.push([
          [row, column],
          [row, other],
        ]);
  }
  const paired = cheapest(pairs);
  if (paired) return paired;

  const growing: [number, number][][] = [
    ...allColumns.map((column): [number, number][] => [[r, column]]),
    ...allRows.map((row): [number, number][] => [[row, c]]),
  ];
  return cheapest(growing) ?? [];
}

function transpose(hidden: boolean[][]): boolean[][] {
  return (hidden[0] ?? []).map((_, column) => hidden.map((row) => row[column] as boolean));
}

export function suppressTable(
  counts: readonly (readonly number[])[],
  options: SuppressionOptions = { minimumSize: DEFAULT_MINIMUM_GROUP_SIZE },
): SuppressedTable {
  validate(counts, options);
  const grid = withTotals(counts);
  const totalsColumn = (grid[0]?.length ?? 1) - 1;
  // Published row totals (and so their sum, the grand total) are never hidden.
  const locked = (_row: number, column: number) => options.rowTotalsPublished === true && column === totalsColumn;
  const hidden = grid.map((row, r) => row.map((value, c) => value > 0 && value < options.minimumSize && !locked(r, c)));
  for (;;) {
    const recomputable = firstRecomputable(hidden);
    if (!recomputable) break;
    const complement = chooseComplement(grid, hidden, recomputable[0], recomputable[1], locked);
    if (complement.length === 0) {
      // Nothing left to hide beside it: the only safe table is an empty one (but for what is public anyway).
      for (const [r, row] of hidden.entries()) for (let c = 0; c < row.length; c++) row[c] = !locked(r, c);
      break;
    }
    for (const [row, column] of complement) (hidden[row] as boolean[])[column] = true;
  }
  const shown = grid.map((row, r) => row.map((value, c) => (hidden[r]?.[c] ? null : value)));
  const totalsRow = shown.pop() as (number | null)[];
  return {
    cells: shown.map((row) => row.slice(0, -1)),
    rowTotals: shown.map((row) => row.at(-1) as number | null),
    columnTotals: totalsRow.slice(0, -1),
    grandTotal: totalsRow.at(-1) as number | null,
    hidden: hidden.flat().filter(Boolean).length,
  };
}

/** A share for publication: hidden for small groups, top- and bottom-coded near 0 and 100 %. */
export type PublishedShare =
  | { kind: "hidden" }
  | { kind: "at_least"; percent: number }
  | { kind: "at_most"; percent: number }
  | { kind: "value"; percent: number };

export function publishShare(
  part: number,
  whole: number,
  options: SuppressionOptions & { topCode?: number; bottomCode?: number } = {
    minimumSize: DEFAULT_MINIMUM_GROUP_SIZE,
  },
): PublishedShare {
  const topCode = options.topCode ?? 95;
  const bottomCode = options.bottomCode ?? 5;
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0 || part > whole) {
    throw new CairnError("validation", `a share needs 0 ≤ part ≤ whole in whole numbers, got ${part} of ${whole}`);
  }
  if (whole < options.minimumSize) return { kind: "hidden" };
  // Coded on the rounded value, so that no shown percent reaches either end.
  const percent = Math.round((100 * part) / whole);
  if (percent >= topCode) return { kind: "at_least", percent: topCode };
  if (percent <= bottomCode) return { kind: "at_most", percent: bottomCode };
  return { kind: "value", percent };
}

export function shareLabel(share: PublishedShare): string {
  switch (share.kind) {
    case "hidden":
      return "*";
    case "at_least":
      return `≥${share.percent}%`;
    case "at_most":
      return `≤${share.percent}%`;
    case "value":
      return `${share.percent}%`;
  }
}
