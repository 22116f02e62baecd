import "server-only";
import { aggregates, type TallyRequest, type TallyRow } from "@/lib/engine";
import { getEnv } from "@/lib/env";
import { LIKERT, SCALE_0_100, scaleMeanInterval, wilsonInterval, type Interval, type ScaleInterval } from "@/lib/stats/tests";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { codeOf, idOfRole, optionByCode, questionByRole, readinessDimensions, roleOptions, type Role } from "@/lib/survey/roles";
import { emptyFilters, segmentOptions, type Filters } from "./filters";
import { suppressDistribution, suppressIndependent, suppressTable } from "./suppression";
import { differencingRisks } from "./differencing";
import { weightedScale } from "./weighted-figures";
import { NO_MOMENTS, type Moments } from "@/lib/engine/types";
import { svyCiPropLogit, svyMean, type WeightedCount, type WeightedProportion } from "@/lib/stats/weighted";
import { indexClasses, kish, memberClasses, optionClasses, plainRows, scaleClasses, type WeightedGroup } from "@/lib/weighting/cells";
import { designN, viewWeighting, weightedTally, type ViewWeighting, type WeightingState } from "@/lib/weighting/view";

/** Roles of the questions the overview charts are built on, found in each wave's own instrument. */
export const OVERVIEW_ROLES = {
  concerns: "concerns",
  topConcerns: "top_concerns",
  infraCurrent: "infra_current",
  infraPlanned: "infra_planned",
  latency: "latency_budget",
  geography: "user_geography",
} as const satisfies Record<string, Role>;

export interface Labelled {
  id: string;
  label: string;
}

export interface Share {
  id: string;
  label: string;
  /** Null when withheld (fewer than k respondents). */
  n: number | null;
  share: number | null;
  interval: Interval | null;
}

/** Whether a view's figures are weighted (and why not), with its size: what the badge near its title shows. */
export interface ViewWeightingInfo {
  state: WeightingState;
  /** The wave has usable weights: the switch is offered. */
  available: boolean;
  /** Complete responses in view (unweighted; null when withheld). */
  n: number | null;
  /** Kish's effective sample size (Σw)²/Σw² of those responses (n when unweighted; null when withheld). */
  nEff: number | null;
}

export interface Overview {
  k: number;
  weighting: ViewWeightingInfo;
  /** Filters whose removal would differ from this view by fewer than k respondents. */
  differencing: string[];
  /** False when fewer than k complete responses match: nothing else is sent. */
  reportable: boolean;
  complete: number | null;
  partial: number | null;
  timeline: { bucket: string; complete: number | null; partial: number | null }[];
  timelineUnit: "day" | "week";
  heatmap: { industries: Labelled[]; regions: Labelled[]; cells: { n: number | null; index: number | null }[][] };
  /** Mean per readiness dimension on 0-100 (t interval cut at the scale's ends: `clamped`): this view and the whole wave. */
  dimensions: { id: string; label: string; filtered: ScaleInterval | null; all: ScaleInterval | null }[];
  stages: Share[];
  concerns: (Share & { top3: number | null; top3Share: number | null })[];
  infrastructure: { id: string; label: string; current: Share; planned: Share }[];
  latencyGeography: { latency: Labelled[]; geography: Labelled[]; cells: (number | null)[][] };
}

const optionList = (instrument: Instrument, role: Role): Labelled[] =>
  roleOptions(instrument, questionByRole(instrument, role)).map(({ id, label }) => ({ id, label }));

function share(id: string, label: string, n: number | null, total: number, weighted?: WeightedProportion): Share {
  if (n === null || total === 0) return { id, label, n, share: null, interval: null };
  // Weighted: the count stays the respondents' (suppression is on unweighted counts), share and
  // interval are R's svyciprop(method = "logit").
  if (weighted) return { id, label, n, share: weighted.proportion, interval: { lower: weighted.lower, upper: weighted.upper } };
  // Protected figures are perturbed cell by cell: a part may come out above its total.
  const part = Math.min(n, total);
  return { id, label, n: part, share: part / total, interval: wilsonInterval(part, total) };
}

/** The gate every part waits for: nothing is computed for display unless the view is reportable. */
export interface OverviewGate {
  k: number;
  weighting: ViewWeightingInfo;
  differencing: string[];
  reportable: boolean;
  complete: number | null;
}

type Part<K extends keyof Overview> = Pick<Overview, K>;

/** Each panel's figures as its own promise, so a page can paint one while slower ones compute. */
export interface OverviewParts {
  gate: Promise<OverviewGate>;
  timeline: Promise<Part<"timeline" | "timelineUnit" | "partial">>;
  heatmap: Promise<Part<"heatmap">>;
  dimensions: Promise<Part<"dimensions">>;
  stages: Promise<Part<"stages">>;
  concerns: Promise<Part<"concerns">>;
  infrastructure: Promise<Part<"infrastructure">>;
  latencyGeography: Promise<Part<"latencyGeography">>;
}

/** A query started now; a failure is handled by whoever awaits it (and never left unhandled). */
function started<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Starts every query of the overview at once and returns each panel's figures as a promise.
 * Every part waits for the gate (the view's size and the differencing check) and is empty when
 * the view is not reportable, so no figure of such a view is ever computed for display.
 */
export function startOverview(
  waveId: string,
  instrument: Instrument,
  filters: Filters,
  options: { weighted?: boolean | null } = {},
): OverviewParts {
  const k = getEnv().SUPPRESSION_K;
  const reader = started(aggregates());
  const weighting = started(viewWeighting({ id: waveId, code: filters.wave ?? "", instrument }, options.weighted ?? null));
  const tally = (request: Omit<TallyRequest, "instrument">) => started(reader.then((r) => r.tally({ instrument, ...request })));
  /** A tally's rows as usual and, on a weighted view, its groups by profile cell (the same one query). */
  const cellTally = (request: Omit<TallyRequest, "instrument">) =>
    started(
      Promise.all([reader, weighting]).then(
        async ([r, w]): Promise<{ rows: TallyRow[]; groups: WeightedGroup[] | null; w: ViewWeighting }> => {
          if (w.state !== "weighted") return { rows: await r.tally({ instrument, ...request }), groups: null, w };
          const groups = await weightedTally(r, { instrument, ...request }, w);
          return { rows: plainRows(groups), groups, w };
        },
      ),
    );
  const cellsOf = (groups: WeightedGroup[] | null) => (groups ?? []).flatMap((g) => g.cells);
  /** R's svyciprop(method = "logit") on the view, a domain of the wave's design; undefined when unweighted. */
  const proportion = (w: ViewWeighting, classes: WeightedCount[] | null): WeightedProportion | undefined =>
    w.weights && classes ? svyCiPropLogit(classes, { designN: designN(w.weights) }) : undefined;
  const complete = { waveId, status: "complete" as const, filters };
  // "All respondents in the wave": no segment and no date filter (with dates kept, a view filtered
  // by dates alone was compared with itself).
  const wholeWave = { waveId, status: "complete" as const, filters: emptyFilters() };
  const span = filters.from && filters.to ? (Date.parse(filters.to) - Date.parse(filters.from)) / 86_400_000 : Infinity;
  const unit: "day" | "week" = span <= 31 ? "day" : "week";
  const dims = readinessDimensions(instrument);
  const dimIds = dims.map((d) => d.question.id);
  const ids = Object.fromEntries(Object.entries(OVERVIEW_ROLES).map(([key, role]) => [key, idOfRole(instrument, role)])) as Record<
    keyof typeof OVERVIEW_ROLES,
    string
  >;
  const multiIds = [ids.concerns, ids.topConcerns, ids.infraCurrent, ids.infraPlanned];

  const differencingQuery = started(reader.then((r) => differencingRisks(r, waveId, filters, k)));
  // The view's size, its dimension moments and its multi-select counts: one pass.
  const filteredCells = cellTally({ selection: complete, measures: { scales: dimIds, options: multiIds } });
  const filtered = filteredCells.then(({ rows }) => rows[0]);
  const timelineRows = tally({
    selection: { waveId, status: "any", filters },
    groupBy: [{ kind: "bucket", unit }],
    measures: { complete: true },
  }).then((rows) => rows.sort((a, b) => String(a.key[0]).localeCompare(String(b.key[0]))));
  const heatRows = cellTally({
    selection: complete,
    groupBy: [
      { kind: "segment", key: "industry" },
      { kind: "segment", key: "region" },
    ],
    measures: { index: true },
  });
  const dimAllCells = cellTally({ selection: wholeWave, measures: { scales: dimIds } });
  const stageRows = cellTally({ selection: complete, groupBy: [{ kind: "segment", key: "stage" }] });
  const crossRows = tally({
    selection: complete,
    groupBy: [
      { kind: "answer", question: ids.latency },
      { kind: "answer", question: ids.geography },
    ],
  });
  const momentsOf = (row: TallyRow | undefined, id: string): Moments => row?.scales[id] ?? NO_MOMENTS;
  const optionCount = (row: TallyRow | undefined, question: string, option: string) => row?.options[question]?.[option] ?? 0;

  const gate = started(
    (async (): Promise<OverviewGate & { total: number }> => {
      const [differencing, view, cells] = await Promise.all([differencingQuery, filtered, filteredCells]);
      const total = view?.n ?? 0;
      const reportable = total >= k && differencing.length === 0;
      const complete = reportable ? total : total === 0 ? 0 : null;
      const nEff = !reportable ? complete : cells.groups ? kish(cellsOf(cells.groups)).nEff : total;
      const info: ViewWeightingInfo = { state: cells.w.state, available: cells.w.available, n: complete, nEff };
      return { k, weighting: info, differencing, reportable, complete, total };
    })(),
  );
  /** Runs `build` only for a reportable view; otherwise the part's empty form. */
  const part = <T>(build: (total: number) => Promise<T>, empty: T): Promise<T> =>
    started(gate.then((g) => (g.reportable ? build(g.total) : empty)));

  const industries = segmentOptions(instrument, "industry");
  const regions = segmentOptions(instrument, "region");
  const latency = optionList(instrument, OVERVIEW_ROLES.latency);
  const geography = optionList(instrument, OVERVIEW_ROLES.geography);
  const onScale = (m: { n: number; sum: number; sumSquares: number }) => (m.n < k ? null : scaleMeanInterval(m, LIKERT, SCALE_0_100));
  /** A dimension's mean on 0-100: R's svymean and its normal 95% interval when weighted (cut at the scale's ends, as unweighted). */
  const dimensionMean = (m: Moments, groups: WeightedGroup[] | null, w: ViewWeighting, question: string): ScaleInterval | null => {
    if (m.n < k) return null;
    if (!groups || !w.weights) return onScale(m);
    return weightedScale(svyMean(scaleClasses(cellsOf(groups), question), { designN: designN(w.weights) }));
  };

  return {
    gate: gate.then(({ total: _total, ...g }) => g),
    timeline: part(
      async () => {
        const rows = await timelineRows;
        const completeSeries = suppressDistribution(
          rows.map((r) => r.complete),
          k,
        );
        const partialSeries = suppressDistribution(
          rows.map((r) => r.n - r.complete),
          k,
        );
        const partialTotal = rows.reduce((sum, r) => sum + r.n - r.complete, 0);
        return {
          timelineUnit: unit,
          partial: partialTotal > 0 && partialTotal < k ? null : partialTotal,
          timeline: rows.map((r, i) => ({
            bucket: String(r.key[0]),
            complete: completeSeries[i] ?? null,
            partial: partialSeries[i] ?? null,
          })),
        };
      },
      { timeline: [], timelineUnit: unit, partial: null },
    ),
    heatmap: part(
      async () => {
        const { rows, groups } = await heatRows;
        const cell = (industry: string | undefined, region: string | undefined) =>
          rows.find((h) => h.key[0] === industry && h.key[1] === region);
        /** The cell's mean index, weighted (Σw·x / Σw over those with an index) on a weighted view. */
        const meanIndex = (industry: string | undefined, region: string | undefined, plain: TallyRow) => {
          const group = groups?.find((g) => g.key[0] === industry && g.key[1] === region);
          if (!group) return plain.index.sum / plain.index.n;
          const classes = indexClasses(group.cells);
          return classes.reduce((s, c) => s + c.weight * c.sum, 0) / classes.reduce((s, c) => s + c.weight * c.n, 0);
        };
        const counts = industries.map((i) => regions.map((r) => cell(i.id, r.id)?.n ?? 0));
        const shown = suppressTable(counts, k);
        return {
          heatmap: {
            industries,
            regions,
            cells: shown.map((row, i) =>
              row.map((n, j) => {
                const hit = cell(industries[i]?.id, regions[j]?.id);
                return {
                  n,
                  index: n === null || !hit || hit.index.n === 0 ? null : meanIndex(industries[i]?.id, regions[j]?.id, hit),
                };
              }),
            ),
          },
        };
      },
      { heatmap: { industries, regions, cells: [] } },
    ),
    dimensions: part(
      async () => {
        const [view, all] = await Promise.all([filteredCells, dimAllCells]);
        return {
          dimensions: dims.map((d) => ({
            id: d.question.id,
            label: d.label,
            filtered: dimensionMean(momentsOf(view.rows[0], d.question.id), view.groups, view.w, d.question.id),
            all: dimensionMean(momentsOf(all.rows[0], d.question.id), all.groups, all.w, d.question.id),
          })),
        };
      },
      { dimensions: [] },
    ),
    stages: part(
      async (total) => {
        const { rows, groups, w } = await stageRows;
        const options = segmentOptions(instrument, "stage");
        const shown = suppressDistribution(
          options.map((o) => rows.find((r) => r.key[0] === o.id)?.n ?? 0),
          k,
        );
        const weighted = (stage: string) => proportion(w, groups && memberClasses(groups, (key) => key[0] === stage));
        return { stages: options.map((o, i) => share(o.id, o.label, shown[i] ?? null, total, weighted(o.id))) };
      },
      { stages: [] },
    ),
    concerns: part(
      async (total) => {
        const { rows, groups, w } = await filteredCells;
        const row = rows[0];
        const cells = groups && cellsOf(groups);
        const weighted = (question: string, option: string) => proportion(w, cells && optionClasses(cells, question, option));
        const options = optionList(instrument, OVERVIEW_ROLES.concerns);
        const mentioned = suppressIndependent(
          options.map((o) => optionCount(row, ids.concerns, o.id)),
          k,
          total,
        );
        const top3 = suppressIndependent(
          options.map((o) => optionCount(row, ids.topConcerns, o.id)),
          k,
          total,
        );
        return {
          concerns: options
            .map((o, i) => {
              const n = top3[i] ?? null;
              const top3Share = n === null ? null : (weighted(ids.topConcerns, o.id)?.proportion ?? n / total);
              return { ...share(o.id, o.label, mentioned[i] ?? null, total, weighted(ids.concerns, o.id)), top3: n, top3Share };
            })
            .sort((a, b) => (b.top3Share ?? -1) - (a.top3Share ?? -1) || (b.share ?? -1) - (a.share ?? -1)),
        };
      },
      { concerns: [] },
    ),
    infrastructure: part(
      async (total) => {
        const { rows, groups, w } = await filteredCells;
        const row = rows[0];
        const cells = groups && cellsOf(groups);
        const weighted = (question: string, option: string | undefined) =>
          option === undefined ? undefined : proportion(w, cells && optionClasses(cells, question, option));
        const currentQuestion = questionByRole(instrument, OVERVIEW_ROLES.infraCurrent);
        const plannedQuestion = questionByRole(instrument, OVERVIEW_ROLES.infraPlanned);
        const options = optionList(instrument, OVERVIEW_ROLES.infraCurrent);
        // Plans are matched to current options by option code (the two questions may name their ids differently).
        const plannedId = (o: Labelled) => {
          const current = currentQuestion.options.find((c) => c.id === o.id);
          return current ? optionByCode(instrument, plannedQuestion, codeOf(current))?.id : undefined;
        };
        const current = suppressIndependent(
          options.map((o) => optionCount(row, ids.infraCurrent, o.id)),
          k,
          total,
        );
        const planned = suppressIndependent(
          options.map((o) => optionCount(row, ids.infraPlanned, plannedId(o) ?? "")),
          k,
          total,
        );
        return {
          infrastructure: options.map((o, i) => ({
            id: o.id,
            label: o.label,
            current: share(o.id, o.label, current[i] ?? null, total, weighted(ids.infraCurrent, o.id)),
            planned: share(o.id, o.label, planned[i] ?? null, total, weighted(ids.infraPlanned, plannedId(o))),
          })),
        };
      },
      { infrastructure: [] },
    ),
    latencyGeography: part(
      async () => {
        const rows = await crossRows;
        const counts = latency.map((l) => geography.map((g) => rows.find((c) => c.key[0] === l.id && c.key[1] === g.id)?.n ?? 0));
        return { latencyGeography: { latency, geography, cells: suppressTable(counts, k) } };
      },
      { latencyGeography: { latency, geography, cells: [] } },
    ),
  };
}

/** Everything the overview shows, aggregated in SQL and suppressed before it is returned. */
export async function getOverview(
  waveId: string,
  instrument: Instrument,
  filters: Filters,
  options: { weighted?: boolean | null } = {},
): Promise<Overview> {
  const parts = startOverview(waveId, instrument, filters, options);
  const [gate, timeline, heatmap, dimensions, stages, concerns, infrastructure, latencyGeography] = await Promise.all([
    parts.gate,
    parts.timeline,
    parts.heatmap,
    parts.dimensions,
    parts.stages,
    parts.concerns,
    parts.infrastructure,
    parts.latencyGeography,
  ]);
  return { ...gate, ...timeline, ...heatmap, ...dimensions, ...stages, ...concerns, ...infrastructure, ...latencyGeography };
}
