// The filter parameters as zod schemas, built from a wave's instrument: every analytics API,
// export and dashboard page parses its query with them (lib/api/query.ts), and the OpenAPI
// document describes them. Kept apart from ./filters.ts so the filter bar ships no zod.
import { z } from "zod";
import { parseQuery, type QueryValue } from "@/lib/api/query";
import type { FieldIssue } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/locales";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { SEGMENT_FILTERS, SEGMENT_KEYS, emptyFilters, segmentOptions, type Filters, type SegmentKey } from "./filters";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The days filters accept: PostgreSQL has no year 0, and nothing was answered before 1900. */
export const FIRST_DAY = "1900-01-01";
export const LAST_DAY = "9999-12-31";

export function isValidDay(value: string): boolean {
  if (!DAY.test(value) || value < FIRST_DAY || value > LAST_DAY) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar day, YYYY-MM-DD, within the range PostgreSQL and the app agree on. */
export const daySchema = z
  .string()
  .regex(DAY, "must be a date as YYYY-MM-DD")
  .refine(isValidDay, `must be a real calendar day from ${FIRST_DAY} to ${LAST_DAY}`);

const oneOf = (ids: string[], what: string) =>
  ids.length ? z.enum(ids as [string, ...string[]], { error: `is not ${what}` }) : z.never({ error: `is not ${what}` });

/**
 * The filter parameters as zod schemas, built from a wave's instrument (option ids) and the
 * survey's wave codes. Every analytics API, export and dashboard page parses its query with
 * these (lib/api/query.ts), and the OpenAPI document describes them.
 */
export function filterShape(instrument: Instrument, waveCodes: string[]) {
  return {
    wave: oneOf(waveCodes, "a wave of this survey").optional().describe("Wave code, e.g. 2026-Q4 (default: the newest)."),
    ...datesAndSegmentsShape([instrument]),
  };
}

/**
 * The date and segment filters without a wave: segment values are the option ids any of the
 * instruments offers (views across waves accept what any of their waves asked).
 */
export function datesAndSegmentsShape(instruments: Instrument[]) {
  const ids = (key: SegmentKey) => [...new Set(instruments.flatMap((instrument) => segmentOptions(instrument, key).map((o) => o.id)))];
  return {
    from: daySchema.optional().describe("First submission day (inclusive, UTC), YYYY-MM-DD."),
    to: daySchema.optional().describe("Last submission day (inclusive, UTC), YYYY-MM-DD."),
    ...(Object.fromEntries(
      SEGMENT_KEYS.map((key) => [
        key,
        z
          .array(oneOf(ids(key), `an option id of ${SEGMENT_FILTERS[key].label.toLowerCase()}`))
          .optional()
          .describe(`${SEGMENT_FILTERS[key].label}: option ids (repeat the parameter, or separate them with commas).`),
      ]),
    ) as unknown as Record<SegmentKey, z.ZodOptional<z.ZodArray<z.ZodType<string>>>>),
    languages: z
      .array(z.enum(LOCALES, { error: `is not a respondent language (${LOCALES.join(", ")})` }))
      .optional()
      .describe(`Languages respondents answered in: ${LOCALES.join(", ")} (repeat the parameter, or separate them with commas).`),
  };
}

export type FilterShape = ReturnType<typeof filterShape>;

/** Filters from a parsed filter query (the wave is the one the scope resolved). */
export function toFilters(value: QueryValue<FilterShape>, wave: string | null): Filters {
  const filters = emptyFilters();
  filters.wave = wave;
  filters.from = value.from ?? null;
  filters.to = value.to ?? null;
  for (const key of SEGMENT_KEYS) filters.segments[key] = [...new Set(value[key] ?? [])];
  filters.languages = [...new Set(value.languages ?? [])];
  return filters;
}

/** Checks across parameters: the date range must not run backwards. */
export function dateOrderProblems(filters: Filters, prefix = ""): FieldIssue[] {
  return filters.from && filters.to && filters.from > filters.to ? [{ path: `${prefix}to`, message: "must not be before from" }] : [];
}

/**
 * Parses filters from a query string on their own (every other parameter is refused): tests
 * and the property tests' oracle use it; routes compose filterShape into their own query.
 */
export function parseFilters(
  source: URLSearchParams,
  instrument: Instrument,
  waveCodes: string[],
): { filters: Filters; problems: FieldIssue[] } {
  const { value, problems } = parseQuery(filterShape(instrument, waveCodes), source);
  const filters = toFilters(value, value.wave ?? null);
  const order = dateOrderProblems(filters);
  if (order.length) filters.to = null;
  return { filters, problems: [...problems, ...order] };
}

/**
 * The weighting switch every view and aggregate export takes (pages and APIs alike, so links keep
 * it): weighted=1 weights the figures to the wave's raking targets, weighted=0 shows them
 * unweighted. Absent: weighted whenever the wave has usable weights.
 */
export const weightedShape = {
  weighted: z
    .enum(["0", "1"], { error: "must be 0 or 1" })
    .optional()
    .describe("1: figures weighted to the wave's raking targets; 0: unweighted. Default: weighted when the wave has targets."),
};

/** The switch's value: true, false, or null for the default. */
export const weightedChoice = (value: "0" | "1" | undefined): boolean | null => (value === undefined ? null : value === "1");
