import "server-only";
import { analyticsDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { LIKERT, SCALE_0_100, scaleMeanInterval, wilsonInterval, type Interval, type ScaleInterval } from "@/lib/stats/tests";
import { findQuestion, optionsOf, type Instrument } from "@/lib/survey/instrument-schema";
import { emptyFilters, segmentOptions, type Filters } from "./filters";
import { suppressDistribution, suppressIndependent, suppressTable } from "./suppression";
import { differencingRisks } from "./differencing";
import { chosenOptions, momentsAt, questionList, scaleMoments } from "./sql";
import { whereFor } from "./where";

/** Questions the overview charts are built on (ids of the v1 instrument). */
export const OVERVIEW_QUESTIONS = {
  concerns: "concerns",
  topConcerns: "concerns_top3",
  infraCurrent: "infra_current",
  infraPlanned: "infra_planned",
  latency: "latency_budget",
  geography: "user_geography",
} as const;

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

const optionList = (instrument: Instrument, questionId: string): Labelled[] => {
  const question = findQuestion(instrument, questionId);
  return question ? optionsOf(instrument, question).map(({ id, label }) => ({ id, label })) : [];
};

function share(id: string, label: string, n: number | null, total: number): Share {
  if (n === null || total === 0) return { id, label, n, share: null, interval: null };
  return { id, label, n, share: n / total, interval: wilsonInterval(n, total) };
}

const q = <T>(sql: Prisma.Sql) => analyticsDb().$queryRaw<T[]>(sql);

/** Everything the overview shows, aggregated in SQL and suppressed before it is returned. */
export async function getOverview(waveId: string, instrument: Instrument, filters: Filters): Promise<Overview> {
  const k = getEnv().SUPPRESSION_K;
  const where = whereFor(waveId, filters);
  const whereAny = whereFor(waveId, filters, "any");
  // "All respondents in the wave": no segment and no date filter (with dates kept, a view filtered
  // by dates alone was compared with itself).
  const whereWave = whereFor(waveId, emptyFilters());
  const span = filters.from && filters.to ? (Date.parse(filters.to) - Date.parse(filters.from)) / 86_400_000 : Infinity;
  const unit: "day" | "week" = span <= 31 ? "day" : "week";
  const dims = instrument.readinessDimensions;
  const dimSums = scaleMoments(dims.map((d) => d.questionId));
  const multiCounts = (questionIds: string[]) =>
    q<{ question: string; option: string; n: number }>(Prisma.sql`
    SELECT src.question, o.value AS option, count(*)::int AS n
    FROM response r
    CROSS JOIN ${questionList(questionIds)} AS src(question)
    CROSS JOIN LATERAL ${chosenOptions} AS o(value)
    WHERE ${where}
    GROUP BY 1, 2`);

  const [differencing, timelineRows, heatRows, dimFiltered, dimAll, stageRows, multiRows, crossRows] = await Promise.all([
    differencingRisks(waveId, filters, k),
    q<{ bucket: Date; complete: number; partial: number }>(Prisma.sql`
      SELECT date_trunc(${unit}, coalesce(submitted_at, updated_at)) AS bucket,
        count(*) FILTER (WHERE status = 'complete')::int AS complete,
        count(*) FILTER (WHERE status = 'partial')::int AS partial
      FROM response WHERE ${whereAny} GROUP BY 1 ORDER BY 1`),
    q<{ industry: string; region: string; n: number; idx: number }>(Prisma.sql`
      SELECT industry, region, count(*)::int AS n, avg(readiness_index)::float8 AS idx
      FROM response WHERE ${where} GROUP BY 1, 2`),
    q<Record<string, number>>(Prisma.sql`SELECT count(*)::int AS n, ${dimSums} FROM response WHERE ${where}`),
    q<Record<string, number>>(Prisma.sql`SELECT count(*)::int AS n, ${dimSums} FROM response WHERE ${whereWave}`),
    q<{ stage: string; n: number }>(Prisma.sql`SELECT stage, count(*)::int AS n FROM response WHERE ${where} GROUP BY 1`),
    multiCounts([
      OVERVIEW_QUESTIONS.concerns,
      OVERVIEW_QUESTIONS.topConcerns,
      OVERVIEW_QUESTIONS.infraCurrent,
      OVERVIEW_QUESTIONS.infraPlanned,
    ]),
    q<{ latency: string; geography: string; n: number }>(Prisma.sql`
      SELECT answers->>${OVERVIEW_QUESTIONS.latency} AS latency, answers->>${OVERVIEW_QUESTIONS.geography} AS geography, count(*)::int AS n
      FROM response WHERE ${where} GROUP BY 1, 2`),
  ]);

  const total = Number(dimFiltered[0]?.n ?? 0);
  const partialTotal = timelineRows.reduce((s, r) => s + r.partial, 0);
  const industries = segmentOptions(instrument, "industry");
  const regions = segmentOptions(instrument, "region");
  const latency = optionList(instrument, OVERVIEW_QUESTIONS.latency);
  const geography = optionList(instrument, OVERVIEW_QUESTIONS.geography);

  if (total < k || differencing.length > 0) {
    return {
      k,
      differencing,
      reportable: false,
      complete: total === 0 ? 0 : null,
      partial: null,
      timeline: [],
      timelineUnit: unit,
      heatmap: { industries, regions, cells: [] },
      dimensions: [],
      stages: [],
      concerns: [],
      infrastructure: [],
      latencyGeography: { latency, geography, cells: [] },
    };
  }

  const completeSeries = suppressDistribution(
    timelineRows.map((r) => r.complete),
    k,
  );
  const partialSeries = suppressDistribution(
    timelineRows.map((r) => r.partial),
    k,
  );

  const heatCounts = industries.map((i) => regions.map((r) => heatRows.find((h) => h.industry === i.id && h.region === r.id)?.n ?? 0));
  const heatShown = suppressTable(heatCounts, k);

  const onScale = (m: { n: number; sum: number; sumSquares: number }) => (m.n < k ? null : scaleMeanInterval(m, LIKERT, SCALE_0_100));

  const stageOptions = segmentOptions(instrument, "stage");
  const stageShown = suppressDistribution(
    stageOptions.map((o) => stageRows.find((r) => r.stage === o.id)?.n ?? 0),
    k,
  );

  const multi = (question: string, option: string) => multiRows.find((r) => r.question === question && r.option === option)?.n ?? 0;
  const concernOptions = optionList(instrument, OVERVIEW_QUESTIONS.concerns);
  const concernCounts = suppressIndependent(
    concernOptions.map((o) => multi(OVERVIEW_QUESTIONS.concerns, o.id)),
    k,
    total,
  );
  const top3Counts = suppressIndependent(
    concernOptions.map((o) => multi(OVERVIEW_QUESTIONS.topConcerns, o.id)),
    k,
    total,
  );
  const infraOptions = optionList(instrument, OVERVIEW_QUESTIONS.infraCurrent);
  const infraCurrent = suppressIndependent(
    infraOptions.map((o) => multi(OVERVIEW_QUESTIONS.infraCurrent, o.id)),
    k,
    total,
  );
  const infraPlanned = suppressIndependent(
    infraOptions.map((o) => multi(OVERVIEW_QUESTIONS.infraPlanned, o.id)),
    k,
    total,
  );

  const crossCounts = latency.map((l) => geography.map((g) => crossRows.find((c) => c.latency === l.id && c.geography === g.id)?.n ?? 0));

  return {
    k,
    differencing,
    reportable: true,
    complete: total,
    partial: partialTotal > 0 && partialTotal < k ? null : partialTotal,
    timelineUnit: unit,
    timeline: timelineRows.map((r, i) => ({
      bucket: r.bucket.toISOString().slice(0, 10),
      complete: completeSeries[i] ?? null,
      partial: partialSeries[i] ?? null,
    })),
    heatmap: {
      industries,
      regions,
      cells: heatShown.map((row, i) =>
        row.map((n, j) => {
          const hit = heatRows.find((h) => h.industry === industries[i]?.id && h.region === regions[j]?.id);
          return { n, index: n === null || !hit ? null : hit.idx };
        }),
      ),
    },
    dimensions: dims.map((d, i) => ({
      id: d.questionId,
      label: d.label,
      filtered: onScale(momentsAt(dimFiltered[0], i)),
      all: onScale(momentsAt(dimAll[0], i)),
    })),
    stages: stageOptions.map((o, i) => share(o.id, o.label, stageShown[i] ?? null, total)),
    concerns: concernOptions
      .map((o, i) => {
        const top3 = top3Counts[i] ?? null;
        return { ...share(o.id, o.label, concernCounts[i] ?? null, total), top3, top3Share: top3 === null ? null : top3 / total };
      })
      .sort((a, b) => (b.top3Share ?? -1) - (a.top3Share ?? -1) || (b.share ?? -1) - (a.share ?? -1)),
    infrastructure: infraOptions.map((o, i) => ({
      id: o.id,
      label: o.label,
      current: share(o.id, o.label, infraCurrent[i] ?? null, total),
      planned: share(o.id, o.label, infraPlanned[i] ?? null, total),
    })),
    latencyGeography: { latency, geography, cells: suppressTable(crossCounts, k) },
  };
}
