import "server-only";
import { aggregates, type AggregateReader, type Selection } from "@/lib/engine";
import { getEnv } from "@/lib/env";
import {
  LIKERT,
  SCALE_0_100,
  benjaminiHochberg,
  compareProportions,
  independenceTest,
  newcombeInterval,
  scaleMeanInterval,
  welchInterval,
  welchTTest,
  wilsonInterval,
  type IndependenceTestName,
  type Interval,
  type Moments,
  type ProportionTestName,
} from "@/lib/stats/tests";
import { allQuestions, findQuestion, optionsOf, type Instrument, type Question } from "@/lib/survey/instrument-schema";
import { PROFILE_ROLES, ROLE_RULES, codeOf, findQuestionByRole, readinessDimensions } from "@/lib/survey/roles";
import { SEGMENT_FILTERS, SEGMENT_KEYS, type Filters } from "./filters";
import { suppressIndependent, suppressTable } from "./suppression";
import { differencingRisks } from "./differencing";
import { comparisonProblem } from "./groups";
import type { ViewWeightingInfo } from "./overview";
import { asBinary, differenceInterval, RATING_TO_100, weightedScale } from "./weighted-figures";
import { svyChisq, svyCiPropLogit, svyMean, svyTTest, type WeightedTable } from "@/lib/stats/weighted";
import { kish, optionClasses, plainRow, scaleClasses, type WeightedCell } from "@/lib/weighting/cells";
import { designN, viewWeighting, weightedTally, type ViewWeighting } from "@/lib/weighting/view";

export interface SideFigure {
  /** Respondents (mean) or respondents choosing the option (proportion); null when withheld. */
  n: number | null;
  value: number | null;
  interval: Interval | null;
  /** Means only: the t interval ran past an end of the 0-100 scale and was cut there. */
  clamped: boolean;
}

/** The test behind a row's p-value: one per option (proportions) or per scale (means). */
export type RowTest = ProportionTestName | "Welch t" | "design-based t";

export interface ComparisonRow {
  questionId: string;
  questionLabel: string;
  /** Option id for proportions; null for a scale's mean. */
  optionId: string | null;
  label: string;
  kind: "proportion" | "mean";
  /** The row's own test (null when a withheld figure leaves nothing to test). */
  test: RowTest | null;
  a: SideFigure;
  b: SideFigure;
  /** A minus B, in percentage points (proportions) or 0-100 scale points (means). */
  difference: number | null;
  /** 95% interval of the difference, in the same units (Newcombe's for proportions, Welch's for means). */
  differenceInterval: Interval | null;
  p: number | null;
  q: number | null;
  /** q < 0.05 for this row's own test (never inherited from its question's test). */
  significant: boolean;
  /** Why the test or interval differs from the usual one (small expected counts, an interval cut at the scale). */
  note: string | null;
}

/** A single-choice question tested as a whole: does the distribution of answers differ between A and B? */
export interface QuestionTest {
  questionId: string;
  questionLabel: string;
  /** Null when withheld cells would let the statistic reveal them. */
  test: IndependenceTestName | "Rao-Scott F" | null;
  statistic: number | null;
  df: number | null;
  p: number | null;
  q: number | null;
  significant: boolean;
  /** Smallest expected count of the A x option table; under 5 the p-value is simulated. */
  minExpected: number | null;
  /** Tables simulated for a Monte Carlo p-value, else null. */
  simulations: number | null;
  note: string | null;
}

export interface Comparison {
  k: number;
  /** Whether the figures are weighted (n: nA + nB, nEff: Kish's over both groups; per side in nEffA, nEffB). */
  weighting: ViewWeightingInfo;
  /** Kish's effective sizes of A and B (nA and nB when unweighted; null when withheld). */
  nEffA: number | null;
  nEffB: number | null;
  differencing: string[];
  /** Why A and B are not separate groups that the tests could compare (the view is refused), or null. */
  problem: string | null;
  /** When B is everyone else: the group it is taken from (A's wave, narrowed by these filters), else null. */
  everyoneElse: { within: Filters } | null;
  nA: number | null;
  nB: number | null;
  reportable: boolean;
  rows: ComparisonRow[];
  questions: QuestionTest[];
  /** Every p-value shown (rows and questions) is adjusted in this one Benjamini-Hochberg family. */
  family: { correction: "Benjamini-Hochberg"; tests: number; stated: number };
  /** B from another wave: what its instrument lacks of A's (questions and options not compared). */
  notes: string[];
}

/** Segment B's wave, as compareSegments takes it (ignored unless B is a custom segment of another wave). */
export const otherWave = (b: { wave: { id: string; code: string; instrument: Instrument } }): OtherWave => ({
  waveId: b.wave.id,
  code: b.wave.code,
  instrument: b.wave.instrument,
});

/** Segment B's wave when it is not A's (b=custom with b_wave). */
export interface OtherWave {
  waveId: string;
  code: string;
  instrument: Instrument;
}

interface SegmentAggregates {
  /** On a weighted view, the segment's profile cells with their weights. */
  cells: WeightedCell[] | null;
  n: number;
  single: Map<string, Map<string, number>>;
  multi: Map<string, Map<string, number>>;
  moments: Map<string, Moments>;
}

/** A segment's size, option counts and scale moments: one tally. */
async function aggregate(
  reader: AggregateReader,
  selection: Selection,
  instrument: Instrument,
  weighting: ViewWeighting | null,
): Promise<SegmentAggregates> {
  const questions = allQuestions(instrument);
  const singles = questions.filter((x) => x.type === "single").map((x) => x.id);
  const multis = questions.filter((x) => x.type === "multi" || x.type === "rank").map((x) => x.id);
  const likerts = questions.filter((x) => x.type === "likert").map((x) => x.id);
  const request = { instrument, selection, measures: { scales: likerts, options: [...singles, ...multis] } };
  // Weighted: the same tally by profile cell (one group: the segment), its plain row their sum.
  const group = weighting?.state === "weighted" ? (await weightedTally(reader, request, weighting))[0] : undefined;
  const [row] = weighting?.state === "weighted" ? (group ? [plainRow(group)] : []) : await reader.tally(request);
  const toMap = (ids: string[]) =>
    new Map(ids.map((id) => [id, new Map(Object.entries(row?.options[id] ?? {}))] as [string, Map<string, number>]));
  return {
    cells: weighting?.state === "weighted" ? (group?.cells ?? []) : null,
    n: row?.n ?? 0,
    single: toMap(singles),
    multi: toMap(multis),
    moments: new Map(likerts.map((id) => [id, row?.scales[id] ?? { n: 0, sum: 0, sumSquares: 0 }])),
  };
}

function proportion(n: number | null, total: number): SideFigure {
  if (n === null) return { n: null, value: null, interval: null, clamped: false };
  return { n, value: n / total, interval: wilsonInterval(n, total), clamped: false };
}

function scaled(m: Moments, k: number): SideFigure {
  if (m.n < k) return { n: null, value: null, interval: null, clamped: false };
  const i = scaleMeanInterval(m, LIKERT, SCALE_0_100);
  return { n: m.n, value: i.mean, interval: { lower: i.lower, upper: i.upper }, clamped: i.clamped };
}

const scaleInterval = (i: Interval, factor: number): Interval => ({ lower: i.lower * factor, upper: i.upper * factor });

/** A question's counterpart in another wave's instrument: same role (a dimension: same code), else same id. */
function counterpart(instrumentB: Instrument, question: Question): Question | undefined {
  const { role } = question;
  if (role === "readiness_dimension") {
    const code = question.dimension?.code ?? question.id;
    return readinessDimensions(instrumentB).find((d) => d.code === code)?.question;
  }
  if (role && !ROLE_RULES[role].many) return findQuestionByRole(instrumentB, role);
  const same = findQuestion(instrumentB, question.id);
  return same && !same.role ? same : undefined;
}

const hasConditions = (f: Filters) =>
  Boolean(f.from || f.to || SEGMENT_KEYS.some((key) => f.segments[key].length > 0) || (f.languages?.length ?? 0) > 0);
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Segment A against segment B, or against everyone else: the complete responses of A's wave
 * (narrowed by `within` when given) that are not in A. The groups must be separate (checked from the
 * filters; otherwise the view is refused with the reason). Each row has its own test: two-proportion
 * z per option (Fisher's exact when an expected count is under 5), Welch's t per scale. Each
 * single-choice question is also tested as a whole (chi-square; a Monte Carlo p-value when an
 * expected count is under 5). All of them form one Benjamini-Hochberg family. Sorted by absolute
 * difference.
 */
export async function compareSegments(
  waveId: string,
  instrument: Instrument,
  a: Filters,
  b: Filters | { within: Filters },
  other: OtherWave | null = null,
  options: { weighted?: boolean | null } = {},
): Promise<Comparison> {
  const k = getEnv().SUPPRESSION_K;
  const rest = "within" in b ? b.within : null;
  const acrossWaves = !rest && other !== null && other.waveId !== waveId;
  // Weighted only within one wave (one design; A and B are domains of it): across waves, unweighted.
  const weighting = await viewWeighting({ id: waveId, code: a.wave ?? "", instrument }, options.weighted ?? null);
  const weights = acrossWaves ? null : weighting.weights;
  const info = (n: number | null, nEff: number | null): ViewWeightingInfo => ({
    state: acrossWaves && weighting.available ? "across_waves" : weighting.state,
    available: weighting.available,
    n,
    nEff,
  });
  const refused = (fields: Partial<Comparison>): Comparison => ({
    k,
    weighting: info(null, null),
    nEffA: null,
    nEffB: null,
    differencing: [],
    problem: null,
    everyoneElse: rest ? { within: rest } : null,
    nA: null,
    nB: null,
    reportable: false,
    rows: [],
    questions: [],
    family: { correction: "Benjamini-Hochberg", tests: 0, stated: 0 },
    notes: [],
    ...fields,
  });
  const problem = comparisonProblem(a, b);
  if (problem) return refused({ problem });
  // B from another wave (only as a segment of its own): its rows, read with its own instrument.
  const waveB = !rest && other && other.waveId !== waveId ? other : null;
  const instrumentB = waveB?.instrument ?? instrument;
  const selectionA: Selection = { waveId, status: "complete", filters: a };
  const selectionB: Selection = rest
    ? { waveId, status: "complete", filters: rest, outside: a }
    : { waveId: waveB?.waveId ?? waveId, status: "complete", filters: b as Filters };
  const reader = await aggregates();
  // With B = everyone else in a group, nA + nB is that group's size: the group must pass the same check.
  const groupB = rest ? (hasConditions(rest) ? rest : null) : (b as Filters);
  const [A, B, risksA, risksB] = await Promise.all([
    aggregate(reader, selectionA, instrument, weights ? weighting : null),
    aggregate(reader, selectionB, instrumentB, weights ? weighting : null),
    differencingRisks(reader, waveId, a, k),
    groupB ? differencingRisks(reader, waveB?.waveId ?? waveId, groupB, k) : Promise.resolve([]),
  ]);
  const differencing = [...new Set([...risksA, ...risksB])];
  if (A.n < k || B.n < k || differencing.length > 0) {
    // Refused views reveal no counts at all (nA against a broader view would undo the refusal).
    // With B = everyone else, nA + nB is the group's public size: withholding one withholds both.
    // Protected figures: each count is its own perturbed cell, so either side may be published alone.
    const withhold = reader.figures !== "protected" && (differencing.length > 0 || (rest !== null && (A.n < k || B.n < k)));
    return refused({ differencing, nA: withhold || A.n < k ? null : A.n, nB: withhold || B.n < k ? null : B.n });
  }
  // The design is the wave's complete responses; A and B are domains of it (R: subset(design, A | B)).
  const design = { designN: weights ? designN(weights) : 0 };
  const wA = A.cells && B.cells ? A.cells : null;
  const wB = A.cells && B.cells ? B.cells : null;
  const rows: Omit<ComparisonRow, "q" | "significant">[] = [];
  const questions: Omit<QuestionTest, "q" | "significant">[] = [];
  const notes: string[] = [];
  const pushProportions = (question: Question, kind: "single" | "multi", questionB: Question) => {
    // Across waves only the options both instruments offer are compared.
    // Across waves options are matched by their semantic code; B's counts are keyed by B's own ids.
    const idInB = new Map(optionsOf(instrumentB, questionB).map((o) => [codeOf(o), o.id]));
    const all = optionsOf(instrument, question);
    const options = all.filter((o) => idInB.has(codeOf(o)));
    const unshared = [
      ...all.filter((o) => !idInB.has(codeOf(o))).map((o) => o.label),
      ...optionsOf(instrumentB, questionB)
        .filter((o) => !all.some((x) => codeOf(x) === codeOf(o)))
        .map((o) => o.label),
    ];
    if (unshared.length)
      notes.push(
        `"${question.label}": ${unshared.map((l) => `"${l}"`).join(", ")} ${unshared.length === 1 ? "is" : "are"} not offered in both waves; ` +
          "only the options both offered are compared, and the question is not tested as a whole.",
      );
    const source = kind === "single" ? "single" : "multi";
    const countsA = options.map((o) => A[source].get(question.id)?.get(o.id) ?? 0);
    const countsB = options.map((o) => B[source].get(questionB.id)?.get(idInB.get(codeOf(o)) ?? o.id) ?? 0);
    // A and B are suppressed together: with B = everyone else, A = total - B, so a cell hidden on
    // one side must be hidden on the other too (and every column total is public).
    let shownA: (number | null)[];
    let shownB: (number | null)[];
    if (kind === "single" && unshared.length) {
      // nA and nB are published, so the respondents outside the shared options (an option only one
      // wave offered, or no answer) are n minus the shown counts: they are a cell of the table too,
      // suppressed with the others (and never shown), so a small one withholds a shared cell with it.
      const other = (counts: number[], n: number) => n - counts.reduce((sum, c) => sum + c, 0);
      const [withOtherA = [], withOtherB = []] = suppressTable(
        [
          [...countsA, other(countsA, A.n)],
          [...countsB, other(countsB, B.n)],
        ],
        k,
      );
      shownA = withOtherA.slice(0, options.length);
      shownB = withOtherB.slice(0, options.length);
    } else if (kind === "single") {
      [shownA = [], shownB = []] = suppressTable([countsA, countsB], k);
    } else {
      const a1 = suppressIndependent(countsA, k, A.n);
      const b1 = suppressIndependent(countsB, k, B.n);
      shownA = countsA.map((n, i) => (a1[i] === null || b1[i] === null ? null : n));
      shownB = countsB.map((n, i) => (a1[i] === null || b1[i] === null ? null : n));
    }
    if (kind === "single" && wA && wB) {
      // Weighted: R's svychisq(~group + answer, design), its default Rao-Scott F.
      const complete = [...shownA, ...shownB].every((v) => v !== null) && unshared.length === 0;
      const table = (cells: WeightedCell[], side: 0 | 1): WeightedTable[] =>
        cells.map(({ weight, row }) => {
          const counts = options.map((o) => row.options[question.id]?.[o.id] ?? 0);
          const zeros = options.map(() => 0);
          return { weight, counts: side === 0 ? [counts, zeros] : [zeros, counts] };
        });
      const x = complete ? svyChisq([...table(wA, 0), ...table(wB, 1)], design) : null;
      questions.push({
        questionId: question.id,
        questionLabel: question.label,
        test: x ? "Rao-Scott F" : null,
        statistic: x?.f ?? null,
        df: x?.ndf ?? null,
        p: x?.p ?? null,
        minExpected: null,
        simulations: null,
        note: !complete ? "Not tested: some cells are withheld." : null,
      });
    } else if (kind === "single") {
      // A test over a table with withheld cells could be solved for them: no p-value then.
      const complete = [...shownA, ...shownB].every((v) => v !== null) && unshared.length === 0;
      const whole = complete ? independenceTest([countsA, countsB]) : null;
      const tested = whole !== null && whole.df > 0;
      questions.push({
        questionId: question.id,
        questionLabel: question.label,
        test: tested ? whole.test : null,
        statistic: tested ? whole.statistic : null,
        df: tested ? whole.df : null,
        p: tested ? whole.p : null,
        minExpected: tested ? whole.minExpected : null,
        simulations: tested ? whole.simulations : null,
        note: unshared.length
          ? "Not tested as a whole: its options differ between the waves."
          : !complete
            ? "Not tested: some cells are withheld."
            : whole?.simulations
              ? `An expected count is under 5 (smallest ${round2(whole.minExpected ?? 0)}): p-value simulated from ` +
                `${whole.simulations.toLocaleString("en")} tables with the same margins.`
              : null,
      });
    }
    options.forEach((option, i) => {
      if (wA && wB) {
        // Weighted: each side's svyciprop(logit), and svyttest(I(answer == option) ~ group) for the difference.
        const classesA = optionClasses(wA, question.id, option.id);
        const classesB = optionClasses(wB, questionB.id, idInB.get(codeOf(option)) ?? option.id);
        const side = (n: number | null, classes: typeof classesA): SideFigure => {
          if (n === null) return { n: null, value: null, interval: null, clamped: false };
          const p = svyCiPropLogit(classes, design);
          return { n, value: p.proportion, interval: { lower: p.lower, upper: p.upper }, clamped: false };
        };
        const fa = side(shownA[i] ?? null, classesA);
        const fb = side(shownB[i] ?? null, classesB);
        const visible = fa.value !== null && fb.value !== null;
        const t = visible ? svyTTest(asBinary(classesA), asBinary(classesB), design) : null;
        rows.push({
          questionId: question.id,
          questionLabel: question.label,
          optionId: option.id,
          label: option.label,
          kind: "proportion",
          test: t ? "design-based t" : null,
          a: fa,
          b: fb,
          difference: t ? t.difference * 100 : null,
          differenceInterval: t ? differenceInterval(t, 100) : null,
          p: t && Number.isFinite(t.p) ? t.p : null,
          note: null,
        });
        return;
      }
      const fa = proportion(shownA[i] ?? null, A.n);
      const fb = proportion(shownB[i] ?? null, B.n);
      const visible = fa.value !== null && fb.value !== null;
      // Each option has its own test: chosen or not, A against B (for a single-choice question this is
      // the adjusted residual of the chi-square table, so a flag here says this option differs).
      const test = visible ? compareProportions(countsA[i] ?? 0, A.n, countsB[i] ?? 0, B.n) : null;
      rows.push({
        questionId: question.id,
        questionLabel: question.label,
        optionId: option.id,
        label: option.label,
        kind: "proportion",
        test: test?.test ?? null,
        a: fa,
        b: fb,
        difference: visible ? ((fa.value as number) - (fb.value as number)) * 100 : null,
        differenceInterval:
          visible && fa.interval && fb.interval
            ? scaleInterval(newcombeInterval(fa.value as number, fa.interval, fb.value as number, fb.interval), 100)
            : null,
        p: test?.p ?? null,
        note:
          test?.test === "Fisher's exact"
            ? `An expected count is under 5 (smallest ${round2(test.minExpected)}): Fisher's exact test instead of z.`
            : null,
      });
    });
  };
  // A question that defines the segments (e.g. industry when A is "Technology") differs by
  // construction; testing it would only crowd out real findings.
  const definingFilters = [a, ...(rest ? [rest] : [b as Filters])];
  const defining = new Set(
    SEGMENT_KEYS.filter((key) => definingFilters.some((f) => f.segments[key].length > 0)).map(
      (key) => findQuestionByRole(instrument, PROFILE_ROLES[SEGMENT_FILTERS[key].profile])?.id,
    ),
  );
  for (const question of allQuestions(instrument)) {
    if (defining.has(question.id)) continue;
    // Across waves a question is matched by role (a dimension by its code), one without a role by id,
    // as the wave diff pairs them; one B's wave lacks is left out, with a note.
    const questionB = waveB ? counterpart(instrumentB, question) : question;
    if (!questionB || questionB.type !== question.type || questionB.role !== question.role) {
      notes.push(`"${question.label}" is not asked the same way in wave ${waveB?.code}: not compared.`);
      continue;
    }
    if (question.type === "single") pushProportions(question, "single", questionB);
    else if (question.type === "multi" || question.type === "rank") pushProportions(question, "multi", questionB);
    else if (question.type === "likert") {
      const ma = A.moments.get(question.id) ?? { n: 0, sum: 0, sumSquares: 0 };
      const mb = B.moments.get(questionB.id) ?? { n: 0, sum: 0, sumSquares: 0 };
      if (wA && wB) {
        // Weighted: each side's svymean, and svyttest(y ~ group) on those who answered.
        const classesA = scaleClasses(wA, question.id);
        const classesB = scaleClasses(wB, questionB.id);
        const side = (m: Moments, classes: typeof classesA): SideFigure => {
          if (m.n < k) return { n: null, value: null, interval: null, clamped: false };
          const i = weightedScale(svyMean(classes, design));
          return { n: m.n, value: i.mean, interval: { lower: i.lower, upper: i.upper }, clamped: i.clamped };
        };
        const fa = side(ma, classesA);
        const fb = side(mb, classesB);
        const t = fa.value !== null && fb.value !== null ? svyTTest(classesA, classesB, design) : null;
        rows.push({
          questionId: question.id,
          questionLabel: question.label,
          optionId: null,
          label: question.label,
          kind: "mean",
          test: t ? "design-based t" : null,
          a: fa,
          b: fb,
          difference: t ? t.difference * RATING_TO_100 : null,
          differenceInterval: t ? differenceInterval(t, RATING_TO_100) : null,
          p: t && Number.isFinite(t.p) ? t.p : null,
          note: fa.clamped || fb.clamped ? "An interval ran past the end of the 0–100 scale and is cut there." : null,
        });
        continue;
      }
      const fa = scaled(ma, k);
      const fb = scaled(mb, k);
      const visible = fa.value !== null && fb.value !== null;
      const cut = [fa.clamped ? "A" : null, fb.clamped ? "B" : null].filter(Boolean).join(" and ");
      rows.push({
        questionId: question.id,
        questionLabel: question.label,
        optionId: null,
        label: question.label,
        kind: "mean",
        test: visible ? "Welch t" : null,
        a: fa,
        b: fb,
        difference: visible ? (fa.value as number) - (fb.value as number) : null,
        differenceInterval: visible
          ? scaleInterval(welchInterval(ma, mb), (SCALE_0_100.max - SCALE_0_100.min) / (LIKERT.max - LIKERT.min))
          : null,
        p: visible ? welchTTest(ma, mb).p : null,
        note: cut ? `The t interval of ${cut} ran past the end of the 0–100 scale and is cut there.` : null,
      });
    }
  }
  // One family: every planned test, i.e. every row's and every question's. A test whose figures
  // are withheld (or that cannot be run) enters with p = 1: the family's size must not depend on
  // which cells happen to be small, and its real p must not either (BH's q-values of the others
  // could give it away).
  const pValues = [...rows.map((r) => r.p), ...questions.map((x) => x.p)];
  const tested = pValues.flatMap((p, i) => (p === null ? [] : [{ p, i }]));
  const adjustedAll = benjaminiHochberg(pValues.map((p) => p ?? 1));
  const qAt = new Map(tested.map((t) => [t.i, adjustedAll[t.i] ?? 1]));
  const withQ = <T extends { p: number | null }>(item: T, i: number) => {
    const qv = item.p === null ? null : (qAt.get(i) ?? null);
    return { ...item, q: qv, significant: qv !== null && qv < 0.05 };
  };
  const finalRows = rows.map((row, i) => withQ(row, i));
  const finalQuestions = questions.map((x, i) => withQ(x, rows.length + i));
  finalRows.sort((x, y) => Math.abs(y.difference ?? -1) - Math.abs(x.difference ?? -1));
  const nEffA = A.cells ? kish(A.cells).nEff : A.n;
  const nEffB = B.cells ? kish(B.cells).nEff : B.n;
  const both = A.cells && B.cells ? kish([...A.cells, ...B.cells]).nEff : A.n + B.n;
  return {
    k,
    weighting: info(A.n + B.n, both),
    nEffA,
    nEffB,
    differencing,
    problem: null,
    everyoneElse: rest ? { within: rest } : null,
    nA: A.n,
    nB: B.n,
    reportable: true,
    rows: finalRows,
    questions: finalQuestions,
    family: { correction: "Benjamini-Hochberg", tests: pValues.length, stated: tested.length },
    notes,
  };
}
