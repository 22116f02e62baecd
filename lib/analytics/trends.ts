import "server-only";
// Trends: the readiness index and each dimension, the share in production, the top concerns and
// the planned infrastructure, wave by wave under the usual filters, with 95% intervals and a test
// of each wave against the one before (one Benjamini-Hochberg family). Aggregated in SQL per wave
// (n, sums, sums of squares, counts), suppressed per wave exactly like the overview.
import { aggregates as aggregateReader, type AggregateReader } from "@/lib/engine";
import { getEnv } from "@/lib/env";
import {
  LIKERT,
  SCALE_0_100,
  benjaminiHochberg,
  compareProportions,
  scaleMeanInterval,
  welchTTest,
  wilsonInterval,
  type Interval,
  type Moments,
  type ProportionTestName,
} from "@/lib/stats/tests";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { optionsOf } from "@/lib/survey/questions";
import type { WaveInfo } from "./context";
import { differencingRisks } from "./differencing";
import type { Filters } from "./filters";
import { suppressIndependent } from "./suppression";
import { asBinary, weightedScale } from "./weighted-figures";
import { svyCiPropLogit, svyMean, svyTTest, type WeightedCount, type WeightedMoments } from "@/lib/stats/weighted";
import { indexClasses, kish, optionClasses, plainRow, scaleClasses, type WeightedCell } from "@/lib/weighting/cells";
import { viewWeighting, weightedTally, type ViewWeighting, type WeightingState } from "@/lib/weighting/view";
import {
  dimensionQuestions,
  optionKey,
  plannedInfrastructureQuestion,
  productionOptions,
  stageQuestion,
  topConcernsQuestion,
  type TrendQuestion,
} from "./trend-questions";

export type TrendMeasure = "index" | "dimension" | "production" | "top_concern" | "planned_infrastructure";

export interface TrendWave {
  code: string;
  title: string;
  /** Complete responses under the filters; null when withheld (1..k-1, or the view would single people out). */
  n: number | null;
  reportable: boolean;
  /** Filters whose removal would differ from this wave's view by fewer than k respondents. */
  differencing: string[];
  /** Whether this wave's points are weighted (each wave with its own raking weights), and why not. */
  weighting: WeightingState;
  /** Kish's effective sample size of the wave's view (n when unweighted; null when withheld). */
  nEff: number | null;
}

export interface TrendPoint {
  wave: string;
  /** Whether this wave asked the question (and offered the option). */
  offered: boolean;
  /** Respondents behind a mean, or respondents choosing the option; null when withheld or not offered. */
  n: number | null;
  /** Mean on 0-100, or a share from 0 to 1. */
  value: number | null;
  interval: Interval | null;
  /** Means only: the t interval ran past an end of the 0-100 scale and was cut there. */
  clamped: boolean;
}

export interface TrendStep {
  from: string;
  to: string;
  test: ProportionTestName | "Welch t" | "design-based t" | null;
  /** Later minus earlier: 0-100 scale points (means) or percentage points (shares). */
  difference: number | null;
  p: number | null;
  q: number | null;
  significant: boolean;
  note: string | null;
}

export interface TrendSeries {
  id: string;
  measure: TrendMeasure;
  questionId: string | null;
  optionId: string | null;
  label: string;
  kind: "mean" | "proportion";
  /** Offered in every wave covered; otherwise compared only between waves that both offered it. */
  shared: boolean;
  points: TrendPoint[];
  /** Each wave against the one before, in wave order. */
  steps: TrendStep[];
}

export interface Trends {
  k: number;
  /** weighted when any covered wave's points are; the switch is offered when any wave has usable weights. */
  weighting: { state: WeightingState; available: boolean };
  /** The waves covered, oldest first. */
  waves: TrendWave[];
  series: TrendSeries[];
  /** What differs between the waves' instruments and how the comparison deals with it. */
  notes: string[];
  /** tests: every planned wave-over-wave test (withheld ones enter with p = 1); stated: those shown. */
  family: { correction: "Benjamini-Hochberg"; tests: number; stated: number };
}

interface WaveAggregate {
  /** A weighted wave's profile cells with their weights, and its design's n. */
  cells: WeightedCell[] | null;
  designN: number;
  n: number;
  index: Moments;
  production: number;
  dimensions: Map<string, Moments>;
  options: Map<string, Map<string, number>>;
}

interface WaveQuestions {
  dimensions: TrendQuestion[];
  production: string[];
  topConcerns: TrendQuestion | null;
  planned: TrendQuestion | null;
}

function questionsOf(instrument: Instrument): WaveQuestions {
  return {
    dimensions: dimensionQuestions(instrument),
    production: productionOptions(instrument).map((o) => o.id),
    topConcerns: topConcernsQuestion(instrument),
    planned: plannedInfrastructureQuestion(instrument),
  };
}

/** One tally over the wave's filtered complete rows: size, index and dimension moments, production, option counts. */
async function aggregateWave(
  reader: AggregateReader,
  wave: WaveInfo,
  questions: WaveQuestions,
  filters: Filters,
  weighting: ViewWeighting,
): Promise<WaveAggregate> {
  const dimIds = questions.dimensions.map((d) => d.id);
  const multiIds = [questions.topConcerns?.id, questions.planned?.id].filter((id): id is string => Boolean(id));
  const request = {
    instrument: wave.instrument,
    selection: { waveId: wave.id, status: "complete" as const, filters },
    measures: { index: true, scales: dimIds, options: multiIds, values: [{ key: "stage" as const, values: questions.production }] },
  };
  const weighted = weighting.state === "weighted";
  const group = weighted ? (await weightedTally(reader, request, weighting))[0] : undefined;
  const [row] = weighted ? (group ? [plainRow(group)] : []) : await reader.tally(request);
  const options = new Map(multiIds.map((id) => [id, new Map(Object.entries(row?.options[id] ?? {}))] as [string, Map<string, number>]));
  return {
    cells: weighted ? (group?.cells ?? []) : null,
    designN: weighting.designN,
    n: row?.n ?? 0,
    index: { n: row?.n ?? 0, sum: row?.index.sum ?? 0, sumSquares: row?.index.sumSquares ?? 0 },
    production: Object.values(row?.values.stage ?? {}).reduce((sum, n) => sum + n, 0),
    dimensions: new Map(dimIds.map((id) => [id, row?.scales[id] ?? NONE])),
    options,
  };
}

const NONE: Moments = { n: 0, sum: 0, sumSquares: 0 };
const EMPTY: WaveAggregate = { cells: null, designN: 0, n: 0, index: NONE, production: 0, dimensions: new Map(), options: new Map() };
const round2 = (v: number) => Math.round(v * 100) / 100;
const absent = (wave: string, offered: boolean): TrendPoint => ({ wave, offered, n: null, value: null, interval: null, clamped: false });

/** A mean on 0-100 from moments on `scale`, withheld under k. */
function meanPoint(wave: string, m: Moments, scale: typeof LIKERT, k: number): TrendPoint {
  if (m.n < k) return absent(wave, true);
  const i = scaleMeanInterval(m, scale, SCALE_0_100);
  return { wave, offered: true, n: m.n, value: i.mean, interval: { lower: i.lower, upper: i.upper }, clamped: i.clamped };
}

function sharePoint(wave: string, x: number | null, total: number): TrendPoint {
  if (x === null || total === 0) return absent(wave, true);
  // Protected figures: parts perturbed on their own may add up past their group.
  const part = Math.min(x, total);
  return { wave, offered: true, n: part, value: part / total, interval: wilsonInterval(part, total), clamped: false };
}

/**
 * A point's figures for its step test; `classes` and `designN` on a weighted wave. A step with a
 * weighted side is R's svyttest(y ~ wave) on the two waves' rows stacked into one design (each wave
 * with its own weights; an unweighted wave's weights are 1).
 */
type Raw = (({ mean: Moments } | { count: number; total: number }) & { classes?: WeightedMoments[]; designN: number }) | null;

const classesOf = (raw: NonNullable<Raw>): WeightedMoments[] =>
  raw.classes ?? ("mean" in raw ? [{ weight: 1, ...raw.mean }] : asBinary([{ weight: 1, n: raw.total, count: raw.count }]));

/** Wave-over-wave test of two raw figures whose shown points are both visible. */
function step(from: TrendPoint, to: TrendPoint, a: Raw, b: Raw): Omit<TrendStep, "q" | "significant"> {
  const base = { from: from.wave, to: to.wave };
  if (!from.offered || !to.offered) {
    const missing = [from, to].filter((x) => !x.offered).map((x) => x.wave);
    return { ...base, test: null, difference: null, p: null, note: `Not asked or not offered in ${missing.join(" and ")}: not compared.` };
  }
  if (from.value === null || to.value === null || !a || !b)
    return { ...base, test: null, difference: null, p: null, note: "A figure is withheld: not compared." };
  if (a.classes || b.classes) {
    const t = svyTTest(classesOf(b), classesOf(a), { designN: a.designN + b.designN });
    const factor = "mean" in a ? 1 : 100;
    return {
      ...base,
      test: "design-based t",
      difference: (to.value - from.value) * factor,
      p: Number.isFinite(t.p) ? t.p : null,
      note: null,
    };
  }
  if ("mean" in a && "mean" in b) {
    return { ...base, test: "Welch t", difference: to.value - from.value, p: welchTTest(b.mean, a.mean).p, note: null };
  }
  if ("count" in a && "count" in b) {
    const test = compareProportions(b.count, b.total, a.count, a.total);
    return {
      ...base,
      test: test.test,
      difference: (to.value - from.value) * 100,
      p: test.p,
      note:
        test.test === "Fisher's exact"
          ? `An expected count is under 5 (smallest ${round2(test.minExpected)}): Fisher's exact test instead of z.`
          : null,
    };
  }
  return { ...base, test: null, difference: null, p: null, note: null };
}

interface SeriesDraft {
  series: Omit<TrendSeries, "steps">;
  raw: Raw[];
}

/**
 * The trends over `waves` (oldest first) under `filters`. Questions are found in each wave's own
 * instrument; options are matched by key, and an option (or question) missing from a wave is
 * compared only between waves that both have it, with a note saying so.
 */
export async function getTrends(waves: WaveInfo[], filters: Filters, options: { weighted?: boolean | null } = {}): Promise<Trends> {
  const k = getEnv().SUPPRESSION_K;
  const questions = waves.map((w) => questionsOf(w.instrument));
  const reader = await aggregateReader();
  // Each wave is its own design, weighted with its own raking weights when it has them.
  const weightings = await Promise.all(waves.map((w) => viewWeighting(w, options.weighted ?? null)));
  const [aggregates, risks] = await Promise.all([
    Promise.all(waves.map((w, i) => aggregateWave(reader, w, questions[i] as WaveQuestions, filters, weightings[i] as ViewWeighting))),
    Promise.all(waves.map((w) => differencingRisks(reader, w.id, filters, k))),
  ]);
  const at = (i: number): WaveAggregate => aggregates[i] ?? EMPTY;
  const trendWaves: TrendWave[] = waves.map((w, i) => {
    const total = aggregates[i]?.n ?? 0;
    const differencing = risks[i] ?? [];
    const reportable = total >= k && differencing.length === 0;
    const n = reportable ? total : total === 0 ? 0 : null;
    const cells = aggregates[i]?.cells;
    const nEff = reportable && cells ? kish(cells).nEff : n;
    return { code: w.code, title: w.title, n, reportable, differencing, weighting: weightings[i]?.state ?? "no_targets", nEff };
  });
  const states = weightings.map((w) => w.state);
  const weighting = {
    state: (["weighted", "switched_off", "protected", "raking_failed"] as const).find((s) => states.includes(s)) ?? ("no_targets" as const),
    available: weightings.some((w) => w.available),
  };
  /** Weighted figures of wave i: svymean (ratings mapped to 0-100) and svyciprop(logit), the wave a design of its own. */
  const design = (i: number) => ({ designN: at(i).designN });
  const weightedMean = (wave: string, i: number, classes: WeightedMoments[], m: Moments, onScale: boolean): TrendPoint => {
    if (m.n < k) return absent(wave, true);
    const est = svyMean(classes, design(i));
    const shown = onScale
      ? weightedScale(est)
      : { mean: est.mean, lower: Math.max(0, est.lower), upper: Math.min(100, est.upper), clamped: est.lower < 0 || est.upper > 100 };
    return { wave, offered: true, n: m.n, value: shown.mean, interval: { lower: shown.lower, upper: shown.upper }, clamped: shown.clamped };
  };
  const weightedShare = (wave: string, i: number, shown: number | null, classes: WeightedCount[]): TrendPoint => {
    if (shown === null) return absent(wave, true);
    const p = svyCiPropLogit(classes, design(i));
    return { wave, offered: true, n: shown, value: p.proportion, interval: { lower: p.lower, upper: p.upper }, clamped: false };
  };
  const productionClasses = (i: number): WeightedCount[] =>
    (at(i).cells ?? []).map(({ weight, row }) => ({
      weight,
      n: row.n,
      count: (questions[i]?.production ?? []).reduce((s, v) => s + (row.values.stage?.[v] ?? 0), 0),
    }));
  const drafts: SeriesDraft[] = [];
  const notes: string[] = [];
  const codes = waves.map((w) => w.code);

  // The readiness index (stored per response, 0-100).
  drafts.push({
    series: {
      id: "index",
      measure: "index",
      questionId: null,
      optionId: null,
      label: "Readiness index",
      kind: "mean",
      shared: true,
      points: waves.map((w, i) => {
        if (!trendWaves[i]?.reportable) return absent(w.code, true);
        const cells = at(i).cells;
        return cells ? weightedMean(w.code, i, indexClasses(cells), at(i).index, false) : meanPoint(w.code, at(i).index, SCALE_0_100, k);
      }),
    },
    raw: aggregates.map((a, i) =>
      trendWaves[i]?.reportable ? { mean: a.index, designN: a.designN, ...(a.cells ? { classes: indexClasses(a.cells) } : {}) } : null,
    ),
  });
  const dimensionCode = (d: TrendQuestion) => d.code ?? d.id;
  const dimensionSets = questions.map((x) => x.dimensions.map(dimensionCode).join(","));
  if (new Set(dimensionSets).size > 1)
    notes.push("The readiness index averages different dimensions in some waves: compare its changes with care.");

  // Each dimension, matched by its dimension code among each wave's readiness dimensions (a wave may
  // have renamed the question), each wave's moments read under its own question id.
  const dimensionCodes = unionInOrder(questions.map((x) => x.dimensions.map(dimensionCode)));
  for (const code of dimensionCodes) {
    const perWave = questions.map((x) => x.dimensions.find((d) => dimensionCode(d) === code));
    const id = latest(perWave.map((d) => d?.id)) ?? code;
    const label = latest(perWave.map((d) => d?.label)) ?? id;
    const offered = perWave.map(Boolean);
    const momentsOf = (a: WaveAggregate, i: number) => a.dimensions.get(perWave[i]?.id ?? id) ?? NONE;
    if (offered.some((o) => !o)) notes.push(missingNote(`The dimension "${label}"`, codes, offered));
    drafts.push({
      series: {
        id: `dimension:${id}`,
        measure: "dimension",
        questionId: id,
        optionId: null,
        label,
        kind: "mean",
        shared: offered.every(Boolean),
        points: waves.map((w, i) =>
          !offered[i]
            ? absent(w.code, false)
            : trendWaves[i]?.reportable
              ? at(i).cells
                ? weightedMean(w.code, i, scaleClasses(at(i).cells ?? [], perWave[i]?.id ?? id), momentsOf(at(i), i), true)
                : meanPoint(w.code, momentsOf(at(i), i), LIKERT, k)
              : absent(w.code, true),
        ),
      },
      raw: aggregates.map((a, i) =>
        offered[i] && trendWaves[i]?.reportable
          ? { mean: momentsOf(a, i), designN: a.designN, ...(a.cells ? { classes: scaleClasses(a.cells, perWave[i]?.id ?? id) } : {}) }
          : null,
      ),
    });
  }

  // The share in production (limited or scaled), from the stage profile column.
  const productionOffered = questions.map((x) => x.production.length > 0);
  const production = aggregates.map((a, i) =>
    productionOffered[i] && trendWaves[i]?.reportable ? (suppressIndependent([a.production], k, a.n)[0] ?? null) : null,
  );
  drafts.push({
    series: {
      id: "production",
      measure: "production",
      questionId: latest(waves.map((w) => stageQuestion(w.instrument)?.id)) ?? null,
      optionId: null,
      label: "In production (limited or scaled)",
      kind: "proportion",
      shared: productionOffered.every(Boolean),
      points: waves.map((w, i) =>
        !productionOffered[i]
          ? absent(w.code, false)
          : at(i).cells
            ? weightedShare(w.code, i, production[i] ?? null, productionClasses(i))
            : sharePoint(w.code, production[i] ?? null, at(i).n),
      ),
    },
    raw: aggregates.map((a, i) =>
      production[i] === null || production[i] === undefined
        ? null
        : { count: a.production, total: a.n, designN: a.designN, ...(a.cells ? { classes: asBinary(productionClasses(i)) } : {}) },
    ),
  });

  // Options of the top concerns and the planned infrastructure, matched by key.
  const optionSeries = (measure: "top_concern" | "planned_infrastructure", pick: (x: WaveQuestions) => TrendQuestion | null) => {
    const perWave = waves.map((w, i) => {
      const question = pick(questions[i] as WaveQuestions);
      return question ? { question, options: optionsOf(w.instrument, question.question) } : null;
    });
    const keys = unionInOrder(perWave.map((x) => (x ? x.options.map(optionKey) : [])));
    // Each wave's counts of its own options, suppressed together against the wave's total.
    const shown = perWave.map((x, i) => {
      const agg = at(i);
      if (!x || !trendWaves[i]?.reportable) return new Map<string, number | null>();
      const counts = x.options.map((o) => agg.options.get(x.question.id)?.get(o.id) ?? 0);
      const visible = suppressIndependent(counts, k, agg.n);
      return new Map(x.options.map((o, j) => [optionKey(o), visible[j] ?? null]));
    });
    const questionLabel = latest(perWave.map((x) => x?.question.label)) ?? measure;
    for (const key of keys) {
      const option = latest(perWave.map((x) => x?.options.find((o) => optionKey(o) === key)));
      const offered = perWave.map((x) => Boolean(x?.options.some((o) => optionKey(o) === key)));
      const label = option?.label ?? key;
      if (offered.some((o) => !o)) notes.push(missingNote(`"${label}" (${questionLabel})`, codes, offered));
      drafts.push({
        series: {
          id: `${measure}:${key}`,
          measure,
          questionId: latest(perWave.map((x) => x?.question.id)) ?? null,
          optionId: key,
          label,
          kind: "proportion",
          shared: offered.every(Boolean),
          points: waves.map((w, i) => {
            if (!offered[i]) return absent(w.code, false);
            if (!trendWaves[i]?.reportable) return absent(w.code, true);
            const own = perWave[i]?.options.find((o) => optionKey(o) === key);
            const cells = at(i).cells;
            if (cells && own && perWave[i])
              return weightedShare(w.code, i, shown[i]?.get(key) ?? null, optionClasses(cells, perWave[i].question.id, own.id));
            return sharePoint(w.code, shown[i]?.get(key) ?? null, at(i).n);
          }),
        },
        raw: perWave.map((x, i) => {
          const own = x?.options.find((o) => optionKey(o) === key);
          if (!x || !own || shown[i]?.get(key) === null || !trendWaves[i]?.reportable) return null;
          const cells = at(i).cells;
          return {
            count: at(i).options.get(x.question.id)?.get(own.id) ?? 0,
            total: at(i).n,
            designN: at(i).designN,
            ...(cells ? { classes: asBinary(optionClasses(cells, x.question.id, own.id)) } : {}),
          };
        }),
      });
    }
  };
  optionSeries("top_concern", (x) => x.topConcerns);
  optionSeries("planned_infrastructure", (x) => x.planned);

  // Every wave-over-wave test in one family. A planned test (both waves asked it) whose figures are
  // withheld enters with p = 1, as in the comparison: the family's size, and so the others' q-values,
  // must not depend on which cells happen to be small. Unasked pairs are no test (the instruments say so).
  const steps = drafts.map(({ series, raw }) =>
    series.points.slice(1).map((to, j) => step(series.points[j] as TrendPoint, to, raw[j] ?? null, raw[j + 1] ?? null)),
  );
  const planned = steps.flatMap((list, s) =>
    list.flatMap((x, j) => (drafts[s]?.series.points[j]?.offered && drafts[s]?.series.points[j + 1]?.offered ? [{ s, j, p: x.p }] : [])),
  );
  const adjusted = benjaminiHochberg(planned.map((t) => t.p ?? 1));
  const qAt = new Map(planned.map((t, i) => [`${t.s}:${t.j}`, adjusted[i] ?? 1]));
  const series = drafts.map(({ series: s }, i) => ({
    ...s,
    steps: (steps[i] ?? []).map((x, j) => {
      const qv = x.p === null ? null : (qAt.get(`${i}:${j}`) ?? null);
      return { ...x, q: qv, significant: qv !== null && qv < 0.05 };
    }),
  }));
  const stated = planned.filter((t) => t.p !== null).length;
  return { k, weighting, waves: trendWaves, series, notes, family: { correction: "Benjamini-Hochberg", tests: planned.length, stated } };
}

/** Every key of the lists, the newest wave's order first, then keys only older waves have. */
function unionInOrder(lists: string[][]): string[] {
  const out: string[] = [];
  for (const list of [...lists].reverse()) for (const key of list) if (!out.includes(key)) out.push(key);
  return out;
}

/** The newest wave's value (waves are oldest first). */
function latest<T>(values: (T | undefined)[]): T | undefined {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== undefined) return values[i];
  return undefined;
}

function missingNote(what: string, codes: string[], offered: boolean[]): string {
  const inWaves = codes.filter((_, i) => offered[i]);
  const notIn = codes.filter((_, i) => !offered[i]);
  return (
    `${what} is not in every wave (not in ${notIn.join(", ")}; in ${inWaves.join(", ") || "none"}): ` +
    "only waves that both have it are compared."
  );
}
