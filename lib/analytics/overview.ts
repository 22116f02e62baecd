import "server-only";
import { analyticsDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { LIKERT, SCALE_0_100, scaleMeanInterval, wilsonInterval, type Interval, type ScaleInterval } from "@/lib/stats/tests";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { codeOf, idOfRole, optionByCode, questionByRole, readinessDimensions, roleOptions, type Role } from "@/lib/survey/roles";
import { emptyFilters, segmentOptions, type Filters } from "./filters";
import { suppressDistribution, suppressIndependent, suppressTable } from "./suppression";
import { differencingRisks } from "./differencing";
import { chosenOptions, momentsAt, questionList, scaleMoments } from "./sql";
import { whereFor } from "./where";

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

export interface Overview {
  k: number;
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

function share(id: string, label: string, n: number | null, total: number): Share {
  if (n === null || total === 0) return { id, label, n, share: null, interval: null };
  return { id, label, n, share: n / total, interval: wilsonInterval(n, total) };
}

const q = <T>(sql: Prisma.Sql) => analyticsDb().$queryRaw<T[]>(sql);

/** The gate every part waits for: nothing is computed for display unless the view is reportable. */
export interface OverviewGate {
  k: number;
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
export function startOverview(waveId: string, instrument: Instrument, filters: Filters): OverviewParts {
  const k = getEnv().SUPPRESSION_K;
  const where = whereFor(waveId, filters);
  const whereAny = whereFor(waveId, filters, "any");
  // "All respondents in the wave": no segment and no date filter (with dates kept, a view filtered
  // by dates alone was compared with itself).
  const whereWave = whereFor(waveId, emptyFilters());
  const span = filters.from && filters.to ? (Date.parse(filters.to) - Date.parse(filters.from)) / 86_400_000 : Infinity;
  const unit: "day" | "week" = span <= 31 ? "day" : "week";
  const dims = readinessDimensions(instrument);
  const dimSums = scaleMoments(dims.map((d) => d.question.id));

  const differencingQuery = started(differencingRisks(waveId, filters, k));
  const dimFiltered = started(q<Record<string, number>>(Prisma.sql`SELECT count(*)::int AS n, ${dimSums} FROM response WHERE ${where}`));
  const timelineRows = started(
    q<{ bucket: Date; complete: number; partial: number }>(Prisma.sql`
      SELECT date_trunc(${unit}, coalesce(submitted_at, updated_at)) AS bucket,
        count(*) FILTER (WHERE status = 'complete')::int AS complete,
        count(*) FILTER (WHERE status = 'partial')::int AS partial
      FROM response WHERE ${whereAny} GROUP BY 1 ORDER BY 1`),
  );
  const heatRows = started(
    q<{ industry: string; region: string; n: number; idx: number }>(Prisma.sql`
      SELECT industry, region, count(*)::int AS n, avg(readiness_index)::float8 AS idx
      FROM response WHERE ${where} GROUP BY 1, 2`),
  );
  const dimAll = started(q<Record<string, number>>(Prisma.sql`SELECT count(*)::int AS n, ${dimSums} FROM response WHERE ${whereWave}`));
  const stageRows = started(
    q<{ stage: string; n: number }>(Prisma.sql`SELECT stage, count(*)::int AS n FROM response WHERE ${where} GROUP BY 1`),
  );
  const ids = Object.fromEntries(Object.entries(OVERVIEW_ROLES).map(([key, role]) => [key, idOfRole(instrument, role)])) as Record<
    keyof typeof OVERVIEW_ROLES,
    string
  >;
  const multiIds = [ids.concerns, ids.topConcerns, ids.infraCurrent, ids.infraPlanned];
  const multiRows = started(
    q<{ question: string; option: string; n: number }>(Prisma.sql`
      SELECT src.question, o.value AS option, count(*)::int AS n
      FROM response r
      CROSS JOIN ${questionList(multiIds)} AS src(question)
      CROSS JOIN LATERAL ${chosenOptions} AS o(value)
      WHERE ${where}
      GROUP BY 1, 2`),
  );
  const crossRows = started(
    q<{ latency: string; geography: string; n: number }>(Prisma.sql`
      SELECT answers->>${ids.latency} AS latency, answers->>${ids.geography} AS geography,
        count(*)::int AS n
      FROM response WHERE ${where} GROUP BY 1, 2`),
  );

  const gate = started(
    (async (): Promise<OverviewGate & { total: number }> => {
      const [differencing, filtered] = await Promise.all([differencingQuery, dimFiltered]);
      const total = Number(filtered[0]?.n ?? 0);
      const reportable = total >= k && differencing.length === 0;
      return { k, differencing, reportable, complete: reportable ? total : total === 0 ? 0 : null, total };
    })(),
  );
  /** Runs `build` only for a reportable view; otherwise the part's empty form. */
  const part = <T>(build: (total: number) => Promise<T>, empty: T): Promise<T> =>
    started(gate.then((g) => (g.reportable ? build(g.total) : empty)));

  const industries = segmentOptions(instrument, "industry");
  const regions = segmentOptions(instrument, "region");
  const latency = optionList(instrument, OVERVIEW_ROLES.latency);
  const geography = optionList(instrument, OVERVIEW_ROLES.geography);
  const multi = (rows: { question: string; option: string; n: number }[], question: string, option: string) =>
    rows.find((r) => r.question === question && r.option === option)?.n ?? 0;
  const onScale = (m: { n: number; sum: number; sumSquares: number }) => (m.n < k ? null : scaleMeanInterval(m, LIKERT, SCALE_0_100));

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
          rows.map((r) => r.partial),
          k,
        );
        const partialTotal = rows.reduce((sum, r) => sum + r.partial, 0);
        return {
          timelineUnit: unit,
          partial: partialTotal > 0 && partialTotal < k ? null : partialTotal,
          timeline: rows.map((r, i) => ({
            bucket: r.bucket.toISOString().slice(0, 10),
            complete: completeSeries[i] ?? null,
            partial: partialSeries[i] ?? null,
          })),
        };
      },
      { timeline: [], timelineUnit: unit, partial: null },
    ),
    heatmap: part(
      async () => {
        const rows = await heatRows;
        const counts = industries.map((i) => regions.map((r) => rows.find((h) => h.industry === i.id && h.region === r.id)?.n ?? 0));
        const shown = suppressTable(counts, k);
        return {
          heatmap: {
            industries,
            regions,
            cells: shown.map((row, i) =>
              row.map((n, j) => {
                const hit = rows.find((h) => h.industry === industries[i]?.id && h.region === regions[j]?.id);
                return { n, index: n === null || !hit ? null : hit.idx };
              }),
            ),
          },
        };
      },
      { heatmap: { industries, regions, cells: [] } },
    ),
    dimensions: part(
      async () => {
        const [filtered, all] = await Promise.all([dimFiltered, dimAll]);
        return {
          dimensions: dims.map((d, i) => ({
            id: d.question.id,
            label: d.label,
            filtered: onScale(momentsAt(filtered[0], i)),
            all: onScale(momentsAt(all[0], i)),
          })),
        };
      },
      { dimensions: [] },
    ),
    stages: part(
      async (total) => {
        const rows = await stageRows;
        const options = segmentOptions(instrument, "stage");
        const shown = suppressDistribution(
          options.map((o) => rows.find((r) => r.stage === o.id)?.n ?? 0),
          k,
        );
        return { stages: options.map((o, i) => share(o.id, o.label, shown[i] ?? null, total)) };
      },
      { stages: [] },
    ),
    concerns: part(
      async (total) => {
        const rows = await multiRows;
        const options = optionList(instrument, OVERVIEW_ROLES.concerns);
        const mentioned = suppressIndependent(
          options.map((o) => multi(rows, ids.concerns, o.id)),
          k,
          total,
        );
        const top3 = suppressIndependent(
          options.map((o) => multi(rows, ids.topConcerns, o.id)),
          k,
          total,
        );
        return {
          concerns: options
            .map((o, i) => {
              const n = top3[i] ?? null;
              return { ...share(o.id, o.label, mentioned[i] ?? null, total), top3: n, top3Share: n === null ? null : n / total };
            })
            .sort((a, b) => (b.top3Share ?? -1) - (a.top3Share ?? -1) || (b.share ?? -1) - (a.share ?? -1)),
        };
      },
      { concerns: [] },
    ),
    infrastructure: part(
      async (total) => {
        const rows = await multiRows;
        const currentQuestion = questionByRole(instrument, OVERVIEW_ROLES.infraCurrent);
        const plannedQuestion = questionByRole(instrument, OVERVIEW_ROLES.infraPlanned);
        const options = optionList(instrument, OVERVIEW_ROLES.infraCurrent);
        // Plans are matched to current options by option code (the two questions may name their ids differently).
        const plannedId = (o: Labelled) => {
          const current = currentQuestion.options.find((c) => c.id === o.id);
          return current ? optionByCode(instrument, plannedQuestion, codeOf(current))?.id : undefined;
        };
        const current = suppressIndependent(
          options.map((o) => multi(rows, ids.infraCurrent, o.id)),
          k,
          total,
        );
        const planned = suppressIndependent(
          options.map((o) => multi(rows, ids.infraPlanned, plannedId(o) ?? "")),
          k,
          total,
        );
        return {
          infrastructure: options.map((o, i) => ({
            id: o.id,
            label: o.label,
            current: share(o.id, o.label, current[i] ?? null, total),
            planned: share(o.id, o.label, planned[i] ?? null, total),
          })),
        };
      },
      { infrastructure: [] },
    ),
    latencyGeography: part(
      async () => {
        const rows = await crossRows;
        const counts = latency.map((l) => geography.map((g) => rows.find((c) => c.latency === l.id && c.geography === g.id)?.n ?? 0));
        return { latencyGeography: { latency, geography, cells: suppressTable(counts, k) } };
      },
      { latencyGeography: { latency, geography, cells: [] } },
    ),
  };
}

/** Everything the overview shows, aggregated in SQL and suppressed before it is returned. */
export async function getOverview(waveId: string, instrument: Instrument, filters: Filters): Promise<Overview> {
  const parts = startOverview(waveId, instrument, filters);
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
