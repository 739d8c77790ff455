import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { publishShare, shareLabel, suppressTable } from "./suppression";

/** The table with totals as a last row and column, as the publication shows it. */
function fullGrid(counts: number[][]): number[][] {
  const grid = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  grid.push(grid[0]?.map((_, c) => grid.reduce((sum, row) => sum + (row[c] as number), 0)) ?? []);
  return grid;
}

function publishedGrid(result: ReturnType<typeof suppressTable>): (number | null)[][] {
  const grid = result.cells.map((row, r) => [...row, result.rowTotals[r] ?? null]);
  grid.push([...result.columnTotals, result.grandTotal]);
  return grid;
}

/** Rank of an integer matrix, exactly (fraction-free elimination on BigInt). */
function rank(matrix: bigint[][]): number {
  const rows = matrix.map((row) => [...row]);
  let rankSoFar = 0;
  const width = rows[0]?.length ?? 0;
  for (let column = 0; column < width && rankSoFar < rows.length; column++) {
    const pivot = rows.findIndex((row, index) => index >= rankSoFar && row[column] !== 0n);
    if (pivot < 0) continue;
    [rows[rankSoFar], rows[pivot]] = [rows[pivot] as bigint[], rows[rankSoFar] as bigint[]];
    const top = rows[rankSoFar] as bigint[];
    for (let index = 0; index < rows.length; index++) {
      if (index === rankSoFar) continue;
      const row = rows[index] as bigint[];
      const factor = row[column] as bigint;
      if (factor === 0n) continue;
      const lead = top[column] as bigint;
      for (let k = 0; k < width; k++) row[k] = (row[k] as bigint) * lead - (top[k] as bigint) * factor;
    }
    rankSoFar++;
  }
  return rankSoFar;
}

/**
 * An independent oracle: the hidden values are the unknowns of the linear system "each row
 * sums to its total, each column to its total"; a hidden value can be recomputed exactly
 * when its unit vector lies in the row space of that system.
 */
function recomputableCells(published: (number | null)[][]): [number, number][] {
  const lastRow = published.length - 1;
  const lastColumn = (published[0]?.length ?? 1) - 1;
  const unknowns: [number, number][] = [];
  published.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null) unknowns.push([r, c]);
    });
  });
  const index = new Map(unknowns.map(([r, c], i) => [`${r},${c}`, i]));
  const equations: bigint[][] = [];
  const coefficient = (r: number, c: number, sign: bigint, row: bigint[]) => {
    const i = index.get(`${r},${c}`);
    if (i !== undefined) row[i] = (row[i] as bigint) + sign;
  };
  for (let r = 0; r <= lastRow; r++) {
    const row = unknowns.map(() => 0n);
    for (let c = 0; c < lastColumn; c++) coefficient(r, c, 1n, row);
    coefficient(r, lastColumn, -1n, row);
    equations.push(row);
  }
  for (let c = 0; c <= lastColumn; c++) {
    const row = unknowns.map(() => 0n);
    for (let r = 0; r < lastRow; r++) coefficient(r, c, 1n, row);
    coefficient(lastRow, c, -1n, row);
    equations.push(row);
  }
  const base = rank(equations);
  return unknowns.filter((_, i) => rank([...equations, unknowns.map((__, j) => (i === j ? 1n : 0n))]) === base);
}

const tables = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), columns: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, columns }) =>
    fc.array(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 })), {
        minLength: columns,
        maxLength: columns,
      }),
      {
        minLength: rows,
        maxLength: rows,
      },
    ),
  );

describe("suppressTable", () => {
  it("hides every count and total from 1 to n − 1 and shows every other value as it is", () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 2, max: 15 }), (counts, minimumSize) => {
        const original = fullGrid(counts);
        const published = publishedGrid(suppressTable(counts, { minimumSize }));
        original.forEach((row, r) => {
          row.forEach((value, c) => {
            const shown = published[r]?.[c];
            if (value > 0 && value < minimumSize) expect(shown).toBeNull();
            if (shown !== null) expect(shown).toBe(value);
          });
        });
      }),
    );
  });

  it("leaves no hidden value that the published totals and cells give back", () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 2, max: 15 }), (counts, minimumSize) => {
        const published = publishedGrid(suppressTable(counts, { minimumSize }));
        expect(recomputableCells(published)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("hides only non-zero values unless it has to hide the whole table", () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 2, max: 15 }), (counts, minimumSize) => {
        const original = fullGrid(counts);
        const published = publishedGrid(suppressTable(counts, { minimumSize }));
        const everythingHidden = published.flat().every((value) => value === null);
        if (everythingHidden) return;
        original.forEach((row, r) => {
          row.forEach((value, c) => {
            if (published[r]?.[c] === null) expect(value).toBeGreaterThan(0);
          });
        });
      }),
    );
  });

  it("hides nothing when no group is small", () => {
    fc.assert(
      fc.property(tables, (counts) => {
        const large = counts.map((row) => row.map((value) => (value === 0 ? 0 : value + 10)));
        expect(suppressTable(large, { minimumSize: 10 }).hidden).toBe(0);
      }),
    );
  });

  it("never hides the whole of a table of at least 2 × 2 non-zero counts with a large total", () => {
    const nonZeroTables = fc
      .record({ rows: fc.integer({ min: 2, max: 5 }), columns: fc.integer({ min: 2, max: 5 }) })
      .chain(({ rows, columns }) =>
        fc.array(fc.array(fc.integer({ min: 1, max: 14 }), { minLength: columns, maxLength: columns }), {
          minLength: rows,
          maxLength: rows,
        }),
      );
    fc.assert(
      fc.property(nonZeroTables, (counts) => {
        fc.pre(counts.flat().reduce((sum, value) => sum + value, 0) >= 10);
        const result = suppressTable(counts, { minimumSize: 10 });
        expect(result.grandTotal).not.toBeNull();
        expect(result.hidden).toBeLessThan((counts.length + 1) * ((counts[0]?.length ?? 0) + 1));
      }),
      { numRuns: 300 },
    );
  });

  it("hides a 2 × 2 block around one small cell and keeps the totals of large groups", () => {
    const result = suppressTable([
      [3, 20, 30],
      [15, 40, 25],
      [18, 22, 35],
    ]);
    expect(result.cells.flat().filter((value) => value === null)).toHaveLength(4);
    expect(result.cells[0]?.[0]).toBeNull();
    expect(result.rowTotals).toEqual([53, 80, 75]);
    expect(result.columnTotals).toEqual([36, 82, 90]);
    expect(result.grandTotal).toBe(208);
  });

  it("refuses ragged tables, negative or fractional counts, with the place named", () => {
    expect(() => suppressTable([[1, 2], [3]])).toThrow(/same number of cells/);
    expect(() => suppressTable([[1, -2]])).toThrow(/whole numbers/);
    expect(() => suppressTable([[1.5]])).toThrow(/whole numbers/);
  });
});

describe("publishShare", () => {
  it("hides small groups and codes the ends", () => {
    expect(shareLabel(publishShare(3, 8, { minimumSize: 10 }))).toBe("*");
    expect(shareLabel(publishShare(97, 100, { minimumSize: 10 }))).toBe("≥95%");
    expect(shareLabel(publishShare(2, 100, { minimumSize: 10 }))).toBe("≤5%");
    expect(shareLabel(publishShare(42, 100, { minimumSize: 10 }))).toBe("42%");
  });

  it("never shows a percent within the coded ends", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 10, max: 1000 })
          .chain((whole) => fc.tuple(fc.integer({ min: 0, max: whole }), fc.constant(whole))),
        ([part, whole]) => {
          const share = publishShare(part, whole, { minimumSize: 10 });
          if (share.kind === "value") {
            expect(share.percent).toBeGreaterThan(5);
            expect(share.percent).toBeLessThan(95);
          }
        },
      ),
    );
  });

  it("with row totals published, never hides them and leaves nothing recomputable from them", () => {
    const bigRows = tables
      .filter((counts) => (counts[0]?.length ?? 0) >= 2)
      .map((counts) => counts.filter((row) => row.reduce((sum, value) => sum + value, 0) >= 10));
    fc.assert(
      fc.property(bigRows, (counts) => {
        const result = suppressTable(counts, { minimumSize: 10, rowTotalsPublished: true });
        expect(result.rowTotals).toEqual(counts.map((row) => row.reduce((sum, value) => sum + value, 0)));
        const published = publishedGrid(result);
        expect(recomputableCells(published)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses to publish a row total below the minimum", () => {
    expect(() => suppressTable([[3, 0]], { minimumSize: 10, rowTotalsPublished: true })).toThrow(
      expect.objectContaining({ code: "validation" }),
    );
  });
});
