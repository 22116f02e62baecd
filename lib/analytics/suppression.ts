// Small-cell suppression. A count of 1..k-1 is withheld (primary suppression). Where a total is
// published, a lone withheld cell could be recovered by subtraction, so one more cell is withheld
// beside it (complementary suppression), in every row and column of a table. Withheld figures
// are replaced by null before anything leaves the server.
//
// Under protected figures (viewers, the public: lib/engine/figures.ts) the counts arrive already
// perturbed, each cell on its own, with withheld ones below k (lib/privacy/protect.ts): a total
// then gives back no cell by subtraction, so only those are withheld (no complementary cells).
import { currentFigures } from "@/lib/engine/figures";

const primaryOnly = (counts: number[], k: number) => counts.map((n) => (n < k ? null : n));

/**
 * Counts that do not add up to a published total (multi-selects: each option chosen or not).
 * With the group's total published, "not chosen" (total - n) is a figure too, so it must not
 * be 1..k-1 either.
 */
export function suppressIndependent(counts: number[], k: number, total?: number): (number | null)[] {
  if (currentFigures() === "protected") return primaryOnly(counts, k);
  const small = (n: number) => n > 0 && n < k;
  return counts.map((n) => (small(n) || (total !== undefined && small(total - n)) ? null : n));
}

/** Counts of mutually exclusive categories whose total is published (single-choice questions). */
export function suppressDistribution(counts: number[], k: number): (number | null)[] {
  const table = suppressTable([counts], k, { rowTotals: true, columnTotals: false });
  return table[0] ?? [];
}

/**
 * A two-way table whose row and column totals can be seen elsewhere (e.g. by filtering on one
 * dimension). Repeats complementary suppression until no row or column holds exactly one
 * withheld cell among its non-empty cells.
 */
export function suppressTable(
  counts: number[][],
  k: number,
  margins: { rowTotals: boolean; columnTotals: boolean } = { rowTotals: true, columnTotals: true },
): (number | null)[][] {
  if (currentFigures() === "protected") return counts.map((row) => primaryOnly(row, k));
  const hidden = counts.map((row) => row.map((n) => n > 0 && n < k));
  const lines: [number, number][][] = [];
  if (margins.rowTotals) counts.forEach((row, i) => lines.push(row.map((_, j) => [i, j])));
  if (margins.columnTotals) {
    const width = Math.max(0, ...counts.map((row) => row.length));
    for (let j = 0; j < width; j++)
      lines.push(counts.map((_, i) => [i, j] as [number, number]).filter(([i]) => j < (counts[i]?.length ?? 0)));
  }
  for (let changed = true, guard = 0; changed && guard < 1000; guard++) {
    changed = false;
    for (const line of lines) {
      const withheld = line.filter(([i, j]) => hidden[i]?.[j]);
      if (withheld.length !== 1) continue;
      const candidates = line
        .filter(([i, j]) => !hidden[i]?.[j] && (counts[i]?.[j] ?? 0) > 0)
        .sort(([ai, aj], [bi, bj]) => (counts[ai]?.[aj] ?? 0) - (counts[bi]?.[bj] ?? 0));
      const next = candidates[0];
      if (!next) continue;
      const row = hidden[next[0]];
      if (row) row[next[1]] = true;
      changed = true;
    }
  }
  return counts.map((row, i) => row.map((n, j) => (hidden[i]?.[j] ? null : n)));
}
