import "server-only";
// The query strings of the analytics views, declared once: the APIs (lib/*/routes.ts), the
// exports and the dashboard pages parse with these, and the OpenAPI document describes them.
import { z } from "zod";
import { parseQuery, prefixShape, unprefix, type ParsedQuery, type QueryShape, type QueryValue } from "@/lib/api/query";
import type { DocContext, QuerySpec } from "@/lib/api/route";
import type { FieldIssue } from "@/lib/errors";
import { instrumentV1 } from "@/lib/survey/instrument";
import { listWaves, pickWave, type AnalyticsScope, type WaveInfo } from "./context";
import { dateOrderProblems, datesAndSegmentsShape, filterShape, toFilters, type FilterShape } from "./filter-schema";
import type { Filters } from "./filters";
import { SEGMENT_KEYS } from "./filters";

const FILTER_KEYS = ["wave", "from", "to", ...SEGMENT_KEYS, "languages"];
const codesOf = (waves: WaveInfo[]) => waves.map((w) => w.code);
const documentedFilters = (doc: DocContext) => filterShape(doc.newest?.instrument ?? instrumentV1, doc.waveCodes);
const pick = <E extends QueryShape>(extra: E, value: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(extra).map((key) => [key, value[key]])) as QueryValue<E>;

/** A query that depends on the survey's waves: parsed against them once they are loaded. */
export interface WaveQuerySpec<T> extends QuerySpec<T> {
  /** The same parse given the waves (newest first): pure, so tests use it as their oracle. */
  resolve(waves: WaveInfo[], params: URLSearchParams): ParsedQuery<T>;
}

function withWaves<T>(resolve: WaveQuerySpec<T>["resolve"], document: QuerySpec<T>["document"]): WaveQuerySpec<T> {
  return { resolve, document, parse: async (params) => resolve(await listWaves(), params) };
}

export interface ScopedQuery<E> {
  scope: AnalyticsScope;
  extra: E;
}

/** The dashboard filters (the wave's own option ids) plus `extra` parameters of the view. */
export function scopedQuery<E extends QueryShape>(
  extra: E,
  check: (value: QueryValue<E>) => FieldIssue[] = () => [],
): WaveQuerySpec<ScopedQuery<QueryValue<E>>> {
  return withWaves(
    (waves, params) => {
      const wave = pickWave(waves, params.getAll("wave"));
      const { value, problems } = parseQuery({ ...filterShape(wave.instrument, codesOf(waves)), ...extra }, params);
      const filters = toFilters(value as QueryValue<FilterShape>, wave.code);
      const extraValue = pick(extra, value);
      return {
        value: { scope: { waves, wave, filters }, extra: extraValue },
        problems: [...problems, ...dateOrderProblems(filters), ...check(extraValue)],
      };
    },
    (doc) => ({ ...documentedFilters(doc), ...extra }),
  );
}

export interface ComparisonQuery<E> {
  a: AnalyticsScope;
  /** b=rest: B is everyone else (not in A) within the b_ filters (the whole wave when none). */
  rest: boolean;
  /** The b_ filters: segment B itself (b=custom), or the group everyone else comes from (b=rest). */
  b: AnalyticsScope;
  extra: E;
}

const modeSchema = z
  .enum(["rest", "custom"], { error: 'must be "rest" or "custom"' })
  .default("rest")
  .describe("Segment B: rest (everyone else not in A, within the b_ filters if any; the default) or custom (the b_ filters).");

/**
 * Segment A's filters as a_*, `b` (rest or custom) and, for custom, segment B's as b_*. B may come
 * from another wave (b_wave, with b=custom): its filters are then that wave's option ids.
 */
export function comparisonQuery<E extends QueryShape>(extra: E): WaveQuerySpec<ComparisonQuery<QueryValue<E>>> {
  return withWaves(
    (waves, params) => {
      const waveA = pickWave(waves, params.getAll("a_wave"));
      const bGiven = params.getAll("b_wave");
      const waveB = bGiven.length === 1 ? (waves.find((w) => w.code === bGiven[0]?.trim()) ?? waveA) : waveA;
      const shape = {
        ...prefixShape(filterShape(waveA.instrument, codesOf(waves)), "a_"),
        b: modeSchema,
        ...prefixShape(filterShape(waveB.instrument, codesOf(waves)), "b_"),
        ...extra,
      };
      const { value, problems } = parseQuery(shape, params);
      const rest = value.b !== "custom";
      // "Everyone else" is the rest of A's own wave; another wave is a segment of its own (b=custom).
      const bWave = rest ? waveA : waveB;
      if (rest && waveB !== waveA)
        problems.push({ path: "b_wave", message: "must be segment A's wave with b=rest; choose b=custom to compare with another wave" });
      const a: AnalyticsScope = { waves, wave: waveA, filters: toFilters(unprefix(value, "a_", FILTER_KEYS), waveA.code) };
      const b: AnalyticsScope = { waves, wave: bWave, filters: toFilters(unprefix(value, "b_", FILTER_KEYS), bWave.code) };
      return {
        value: { a, rest, b, extra: pick(extra, value) },
        problems: [...problems, ...dateOrderProblems(a.filters, "a_"), ...dateOrderProblems(b.filters, "b_")],
      };
    },
    (doc) => ({ ...prefixShape(documentedFilters(doc), "a_"), b: modeSchema, ...prefixShape(documentedFilters(doc), "b_"), ...extra }),
  );
}

export interface MultiWaveQuery<E> {
  /** Every wave of the survey, newest first. */
  all: WaveInfo[];
  /** The waves asked for (all when none is named), oldest first. */
  waves: WaveInfo[];
  /** Date and segment filters, applied in every wave (wave: null). */
  filters: Filters;
  extra: E;
}

const wavesParameter = (codes: string[]) =>
  z
    .array(z.enum(codes as [string, ...string[]], { error: "is not a wave of this survey" }))
    .optional()
    .describe("Waves to cover, by code (repeat the parameter, or separate them with commas); default: every wave. Reported oldest first.");

/**
 * Views across waves: `waves` (codes) plus the date and segment filters of any of those waves
 * (`withFilters: false`: the waves alone, e.g. codebooks).
 */
export function multiWaveQuery<E extends QueryShape>(extra: E, withFilters = true): WaveQuerySpec<MultiWaveQuery<QueryValue<E>>> {
  return withWaves(
    (all, params) => {
      const named = new Set(params.getAll("waves").flatMap((v) => v.split(",").map((x) => x.trim())));
      const chosen = all.filter((w) => named.has(w.code));
      const waves = [...(chosen.length ? chosen : all)].reverse();
      const filterParameters = withFilters ? datesAndSegmentsShape(waves.map((w) => w.instrument)) : {};
      const shape = { waves: wavesParameter(codesOf(all)), ...filterParameters, ...extra };
      const { value, problems } = parseQuery(shape, params);
      const filters = toFilters(value as unknown as QueryValue<FilterShape>, null);
      return { value: { all, waves, filters, extra: pick(extra, value) }, problems: [...problems, ...dateOrderProblems(filters)] };
    },
    (doc) => {
      const { wave: _wave, ...rest } = documentedFilters(doc);
      return { waves: wavesParameter(doc.waveCodes.length ? doc.waveCodes : ["2026-Q4"]), ...(withFilters ? rest : {}), ...extra };
    },
  );
}

/** A query string that names only a wave (the codebook). */
export function waveQuery<E extends QueryShape>(extra: E): WaveQuerySpec<ScopedQuery<QueryValue<E>>> {
  return withWaves(
    (waves, params) => {
      const wave = pickWave(waves, params.getAll("wave"));
      const { value, problems } = parseQuery({ wave: filterShape(wave.instrument, codesOf(waves)).wave, ...extra }, params);
      const filters = toFilters({} as QueryValue<FilterShape>, wave.code);
      return { value: { scope: { waves, wave, filters }, extra: pick(extra, value) }, problems };
    },
    (doc) => ({ wave: documentedFilters(doc).wave, ...extra }),
  );
}
