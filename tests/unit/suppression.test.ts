import { describe, expect, it } from "vitest";
import { suppressDistribution, suppressIndependent, suppressTable } from "@/lib/analytics/suppression";

describe("small-cell suppression (k = 5)", () => {
  it("withholds counts of 1 to 4, keeps zeros and counts of 5 or more", () => {
    expect(suppressIndependent([0, 1, 4, 5, 120], 5)).toEqual([0, null, null, 5, 120]);
  });

  it("withholds a second cell in a distribution so the lone small one cannot be subtracted out", () => {
    // total 141 is published: with only "3" hidden, 141 - 138 would reveal it.
    expect(suppressDistribution([3, 40, 90, 8], 5)).toEqual([null, 40, 90, null]);
    expect(suppressDistribution([3, 2, 90, 8], 5)).toEqual([null, null, 90, 8]);
    expect(suppressDistribution([30, 40, 90], 5)).toEqual([30, 40, 90]);
  });

  it("protects rows and columns of a two-way table, cascading as needed", () => {
    const table = [
      [20, 3, 30],
      [25, 40, 50],
      [60, 70, 80],
    ];
    const result = suppressTable(table, 5);
    const hidden = (i: number, j: number) => result[i]![j] === null;
    expect(hidden(0, 1)).toBe(true);
    // No row and no column holds exactly one withheld cell.
    for (let i = 0; i < 3; i++) expect(result[i]!.filter((v) => v === null).length).not.toBe(1);
    for (let j = 0; j < 3; j++) expect(result.map((r) => r[j]).filter((v) => v === null).length).not.toBe(1);
    // Visible cells keep their true values.
    result.forEach((row, i) => row.forEach((v, j) => v !== null && expect(v).toBe(table[i]![j])));
  });

  it("cannot be undone by subtracting visible cells from row and column totals", () => {
    const table = [
      [12, 2, 0, 33],
      [7, 9, 1, 14],
      [0, 22, 6, 18],
    ];
    const result = suppressTable(table, 5);
    const rowTotals = table.map((r) => r.reduce((s, v) => s + v, 0));
    const colTotals = table[0]!.map((_, j) => table.reduce((s, r) => s + r[j]!, 0));
    // For every withheld cell, its row and column each hide at least one other non-empty cell.
    result.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null) return;
        expect(row.filter((x, jj) => x === null && jj !== j).length).toBeGreaterThan(0);
        expect(result.filter((r, ii) => r[j] === null && ii !== i).length).toBeGreaterThan(0);
        // And the subtraction attack gives only a sum of several hidden cells, never this one.
        const visibleInRow = row.reduce<number>((s, x) => s + (x ?? 0), 0);
        expect(rowTotals[i]! - visibleInRow).toBeGreaterThan(table[i]![j]! - 1);
        expect(colTotals[j]).toBeGreaterThanOrEqual(table[i]![j]!);
      }),
    );
  });
});
