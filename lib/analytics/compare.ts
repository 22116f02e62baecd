import "server-only";
import { analyticsDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  benjaminiHochberg,
  chiSquareIndependence,
  meanInterval,
  twoProportionZTest,
  welchTTest,
  wilsonInterval,
  type Interval,
  type Moments,
} from "@/lib/stats/tests";
import { allQuestions, optionsOf, type Instrument, type Question } from "@/lib/survey/instrument-schema";
import { likertTo100 } from "@/lib/survey/scoring";
import { SEGMENT_FILTERS, SEGMENT_KEYS, type Filters } from "./filters";
import { suppressIndependent, suppressTable } from "./suppression";
import { differencingRisks } from "./differencing";
import { chosenOptions, momentsAt, questionList, scaleMoments } from "./sql";
import { whereFor } from "./where";

export interface SideFigure {
  /** Respondents (mean) or respondents choosing the option (proportion); null when withheld. */
  n: number | null;
  value: number | null;
  interval: Interval | null;
}

export interface ComparisonRow {
  questionId: string;
  questionLabel: string;
  /** Option id for proportions; null for a scale's mean. */
  optionId: string | null;
  label: string;
  kind: "proportion" | "mean";
  test: "chi-square" | "two-proportion z" | "Welch t";
  a: SideFigure;
  b: SideFigure;
  /** A minus B, in percentage points (proportions) or 0-100 scale points (means). */
  difference: number | null;
  p: number | null;
  q: number | null;
  significant: boolean;
}

export interface Comparison {
  k: number;
  differencing: string[];
  nA: number | null;
  nB: number | null;
  reportable: boolean;
  rows: ComparisonRow[];
}

const q = <T>(sql: Prisma.Sql) => analyticsDb().$queryRaw<T[]>(sql);

interface SegmentAggregates {
  n: number;
  single: Map<string, Map<string, number>>;
  multi: Map<string, Map<string, number>>;
  moments: Map<string, Moments>;
}

async function aggregate(where: Prisma.Sql, instrument: Instrument): Promise<SegmentAggregates> {
  const questions = allQuestions(instrument);
  const singles = questions.filter((x) => x.type === "single").map((x) => x.id);
  const multis = questions.filter((x) => x.type === "multi" || x.type === "rank").map((x) => x.id);
  const likerts = questions.filter((x) => x.type === "likert").map((x) => x.id);
  const likertSql = scaleMoments(likerts);
  const [totals, singleRows, multiRows] = await Promise.all([
    q<Record<string, number>>(Prisma.sql`SELECT count(*)::int AS n, ${likertSql} FROM response WHERE ${where}`),
    singles.length
      ? q<{ question: string; option: string; n: number }>(Prisma.sql`
          SELECT src.question, r.answers->>src.question AS option, count(*)::int AS n
          FROM response r CROSS JOIN ${questionList(singles)} AS src(question)
          WHERE ${where} AND r.answers ? src.question GROUP BY 1, 2`)
      : Promise.resolve([]),
    multis.length
      ? q<{ question: string; option: string; n: number }>(Prisma.sql`
          SELECT src.question, o.value AS option, count(*)::int AS n
          FROM response r CROSS JOIN ${questionList(multis)} AS src(question)
          CROSS JOIN LATERAL ${chosenOptions} AS o(value)
          WHERE ${where} GROUP BY 1, 2`)
      : Promise.resolve([]),
  ]);
  const toMap = (rows: { question: string; option: string; n: number }[]) => {
    const map = new Map<string, Map<string, number>>();
    for (const row of rows) {
      const inner = map.get(row.question) ?? new Map<string, number>();
      inner.set(row.option, row.n);
      map.set(row.question, inner);
    }
    return map;
  };
  const total = totals[0] ?? {};
  return {
    n: Number(total.n ?? 0),
    single: toMap(singleRows),
    multi: toMap(multiRows),
    moments: new Map(likerts.map((id, i) => [id, momentsAt(total, i)])),
  };
}

function proportion(n: number | null, total: number): SideFigure {
  if (n === null) return { n: null, value: null, interval: null };
  return { n, value: n / total, interval: wilsonInterval(n, total) };
}

function scaled(m: Moments, k: number): SideFigure {
  if (m.n < k) return { n: null, value: null, interval: null };
  const i = meanInterval(m);
  return { n: m.n, value: likertTo100(i.mean), interval: { lower: likertTo100(i.lower), upper: likertTo100(i.upper) } };
}

/**
 * Segment A against segment B (or everyone else in the same wave and dates) on every question.
 * p-values: chi-square of independence per single-choice question, two-proportion z per option
 * of multi-selects and rankings (chosen in the top N), Welch's t per scale; then
 * Benjamini-Hochberg across all tests shown. Sorted by absolute difference.
 */
export async function compareSegments(waveId: string, instrument: Instrument, a: Filters, b: Filters | "rest"): Promise<Comparison> {
  const k = getEnv().SUPPRESSION_K;
  const whereB = b === "rest" ? whereFor(waveId, a, "complete", true) : whereFor(waveId, b);
  const [A, B, risksA, risksB] = await Promise.all([
    aggregate(whereFor(waveId, a), instrument),
    aggregate(whereB, instrument),
    differencingRisks(waveId, a, k),
    b === "rest" ? Promise.resolve([]) : differencingRisks(waveId, b, k),
  ]);
  const differencing = [...new Set([...risksA, ...risksB])];
  if (A.n < k || B.n < k || differencing.length > 0) {
    // Refused views reveal no counts at all (nA against a broader view would undo the refusal).
    const withhold = differencing.length > 0;
    return { k, differencing, nA: withhold || A.n < k ? null : A.n, nB: withhold || B.n < k ? null : B.n, reportable: false, rows: [] };
  }
  const rows: Omit<ComparisonRow, "q" | "significant">[] = [];
  const pushProportions = (question: Question, kind: "single" | "multi") => {
    const options = optionsOf(instrument, question);
    const source = kind === "single" ? "single" : "multi";
    const countsA = options.map((o) => A[source].get(question.id)?.get(o.id) ?? 0);
    const countsB = options.map((o) => B[source].get(question.id)?.get(o.id) ?? 0);
    // A and B are suppressed together: with B = everyone else, A = total - B, so a cell hidden on
    // one side must be hidden on the other too (and every column total is public).
    let shownA: (number | null)[];
    let shownB: (number | null)[];
    if (kind === "single") {
      [shownA = [], shownB = []] = suppressTable([countsA, countsB], k);
    } else {
      const a1 = suppressIndependent(countsA, k, A.n);
      const b1 = suppressIndependent(countsB, k, B.n);
      shownA = countsA.map((n, i) => (a1[i] === null || b1[i] === null ? null : n));
      shownB = countsB.map((n, i) => (a1[i] === null || b1[i] === null ? null : n));
    }
    // A test over a table with withheld cells could be solved for them: no p-value then.
    const complete = [...shownA, ...shownB].every((v) => v !== null);
    const chi = kind === "single" && complete ? chiSquareIndependence([countsA, countsB]) : null;
    options.forEach((option, i) => {
      const fa = proportion(shownA[i] ?? null, A.n);
      const fb = proportion(shownB[i] ?? null, B.n);
      const visible = fa.value !== null && fb.value !== null;
      rows.push({
        questionId: question.id,
        questionLabel: question.label,
        optionId: option.id,
        label: option.label,
        kind: "proportion",
        test: kind === "single" ? "chi-square" : "two-proportion z",
        a: fa,
        b: fb,
        difference: visible ? ((fa.value as number) - (fb.value as number)) * 100 : null,
        // A single-choice question has one test; it is attached to each of its visible options.
        p: !visible ? null : kind === "single" ? (chi ? chi.p : null) : twoProportionZTest(countsA[i] ?? 0, A.n, countsB[i] ?? 0, B.n).p,
      });
    });
  };
  // A question that defines the segments (e.g. industry when A is "Technology") differs by
  // construction; testing it would only crowd out real findings.
  const defining = new Set(
    SEGMENT_KEYS.filter((key) => a.segments[key].length > 0 || (b !== "rest" && b.segments[key].length > 0)).map(
      (key) => instrument.profile[SEGMENT_FILTERS[key].profile],
    ),
  );
  for (const question of allQuestions(instrument)) {
    if (defining.has(question.id)) continue;
    if (question.type === "single") pushProportions(question, "single");
    else if (question.type === "multi" || question.type === "rank") pushProportions(question, "multi");
    else if (question.type === "likert") {
      const ma = A.moments.get(question.id) ?? { n: 0, sum: 0, sumSquares: 0 };
      const mb = B.moments.get(question.id) ?? { n: 0, sum: 0, sumSquares: 0 };
      const fa = scaled(ma, k);
      const fb = scaled(mb, k);
      const visible = fa.value !== null && fb.value !== null;
      rows.push({
        questionId: question.id,
        questionLabel: question.label,
        optionId: null,
        label: question.label,
        kind: "mean",
        test: "Welch t",
        a: fa,
        b: fb,
        difference: visible ? (fa.value as number) - (fb.value as number) : null,
        p: visible ? welchTTest(ma, mb).p : null,
      });
    }
  }
  // One test per single-choice question counts once in the correction.
  const tests = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.p === null) return;
    const key = row.test === "chi-square" ? `chi:${row.questionId}` : `row:${i}`;
    if (!tests.has(key)) tests.set(key, row.p);
  });
  const keys = [...tests.keys()];
  const adjusted = benjaminiHochberg([...tests.values()]);
  const qValues = new Map(keys.map((key, i) => [key, adjusted[i] ?? 1]));
  const withQ = rows.map((row, i) => {
    const key = row.test === "chi-square" ? `chi:${row.questionId}` : `row:${i}`;
    const qv = row.p === null ? null : (qValues.get(key) ?? null);
    return { ...row, q: qv, significant: qv !== null && qv < 0.05 };
  });
  withQ.sort((x, y) => Math.abs(y.difference ?? -1) - Math.abs(x.difference ?? -1));
  return { k, differencing, nA: A.n, nB: B.n, reportable: true, rows: withQ };
}
