// Aggregates per industry x region x role cell: the unit the findings engine adds up into segments.
// Sums of counts, sums and sums of squares are additive, so any segment (an industry, a region,
// a combination, "everyone else") is the sum of its cells and needs no further query.
import type { TallyRow } from "@/lib/engine/types";
import type { Moments } from "@/lib/stats/tests";
import type { WeightedCell } from "@/lib/weighting/cells";

export interface SegmentAggregate {
  n: number;
  /** Single-choice counts: question id -> option id -> respondents. */
  single: Record<string, Record<string, number>>;
  /** Multi-select and ranking counts: question id -> option id -> respondents choosing it. */
  multi: Record<string, Record<string, number>>;
  /** Scale moments: question id -> n, sum, sum of squares. */
  scales: Record<string, Moments>;
}

export interface CellAggregate extends SegmentAggregate {
  industry: string;
  region: string;
  role: string;
  /**
   * On a weighted view: the cell's tallies per profile cell (industry x region x company size x
   * role) with their raking weights, from which the weighted figures follow. Counts above stay the
   * unweighted sums (suppression and the minimum sizes read them).
   */
  weighted?: WeightedCell[];
}

/** The question ids a findings tally measures, by how they are counted. */
export interface MeasuredQuestions {
  singles: string[];
  /** Multi-select and ranking questions. */
  multis: string[];
  scales: string[];
}

/** A findings cell from its tally row (keyed industry, region, role) and, when weighted, its profile cells. */
export function cellOf(row: TallyRow, questions: MeasuredQuestions, weighted: WeightedCell[] | null): CellAggregate {
  // Option counts as the findings engine reads them: only options chosen at least once.
  const chosen = (ids: string[]) =>
    Object.fromEntries(
      ids.flatMap((id) => {
        const counts = Object.entries(row.options[id] ?? {}).filter(([, n]) => n > 0);
        return counts.length ? [[id, Object.fromEntries(counts)]] : [];
      }),
    );
  return {
    industry: String(row.key[0]),
    region: String(row.key[1]),
    role: String(row.key[2]),
    n: row.n,
    single: chosen(questions.singles),
    multi: chosen(questions.multis),
    scales: Object.fromEntries(questions.scales.map((id) => [id, row.scales[id] ?? { n: 0, sum: 0, sumSquares: 0 }])),
    ...(weighted ? { weighted } : {}),
  };
}

export function emptyAggregate(): SegmentAggregate {
  return { n: 0, single: {}, multi: {}, scales: {} };
}

function addCounts(into: Record<string, Record<string, number>>, from: Record<string, Record<string, number>>, sign: 1 | -1) {
  for (const [question, options] of Object.entries(from)) {
    const target = (into[question] ??= {});
    for (const [option, n] of Object.entries(options)) target[option] = (target[option] ?? 0) + sign * n;
  }
}

/** The sum of cells (sign -1 subtracts, for "everyone else" = total minus segment). */
export function combine(parts: SegmentAggregate[], signs: (1 | -1)[] = parts.map(() => 1)): SegmentAggregate {
  const out = emptyAggregate();
  parts.forEach((part, i) => {
    const sign = signs[i] ?? 1;
    out.n += sign * part.n;
    addCounts(out.single, part.single, sign);
    addCounts(out.multi, part.multi, sign);
    for (const [question, m] of Object.entries(part.scales)) {
      const t = (out.scales[question] ??= { n: 0, sum: 0, sumSquares: 0 });
      t.n += sign * m.n;
      t.sum += sign * m.sum;
      t.sumSquares += sign * m.sumSquares;
    }
  });
  return out;
}
