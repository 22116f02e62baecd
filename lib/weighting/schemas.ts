// Target sets for raking, defined once: the API (JSON and CSV), the dashboard, the store and the
// tests use these. A target set gives, for any of the profile dimensions, each category's share of
// the population; the structural schema is here, the checks against a wave's instrument (unknown
// and missing categories, shares summing to 1) in checkTargets, which names every problem at once.
import { z } from "zod";
import type { FieldIssue } from "@/lib/errors";

/** The profile dimensions a wave can be raked on: roles of required single-choice questions. */
export const WEIGHTING_DIMENSIONS = ["industry", "region", "company_size", "role"] as const;
export type WeightingDimension = (typeof WEIGHTING_DIMENSIONS)[number];
export const weightingDimensionSchema = z.enum(WEIGHTING_DIMENSIONS);

/** A dimension's shares must sum to 1 within this (and raking converges to it on every margin). */
export const SHARE_TOLERANCE = 1e-6;

const categorySchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .describe("The option id of the category in the wave's instrument, e.g. the industry option's id.");

/** One target: a category's share of the population on one dimension (also one row of the CSV). */
export const targetRowSchema = z
  .object({
    dimension: weightingDimensionSchema,
    category: categorySchema,
    share: z.number().finite().min(0).max(1).describe("The category's share of the population, 0 to 1."),
  })
  .strict();
export type TargetRow = z.infer<typeof targetRowSchema>;

/** Trimming caps relative to the mean weight, e.g. 0.3 and 3: weights are kept within 0.3x-3x the mean. */
export const trimCapsSchema = z
  .object({
    lower: z.number().finite().min(0).max(1).describe("Smallest weight as a multiple of the mean weight (0 to 1)."),
    upper: z.number().finite().min(1).max(100).describe("Largest weight as a multiple of the mean weight (1 to 100)."),
  })
  .strict()
  .refine((caps) => caps.lower < caps.upper, { message: "lower must be below upper", path: ["lower"] });
export type TrimCaps = z.infer<typeof trimCapsSchema>;

/** The body of PUT …/weighting/targets (and what the CSV upload becomes). */
export const targetSetInputSchema = z
  .object({
    margins: z
      .array(targetRowSchema)
      .max(2000)
      .describe("Every category of each targeted dimension with its share; an empty list clears the targets (figures unweighted)."),
    trim: trimCapsSchema.nullable().default(null).describe("Optional trimming caps; null for none."),
  })
  .strict();
export type TargetSetInput = z.infer<typeof targetSetInputSchema>;

/** Margins as the raking works on them: per dimension, category -> share. */
export type Margins = Partial<Record<WeightingDimension, ReadonlyMap<string, number>>>;

/** The categories each dimension has in a wave's instrument (option ids, in instrument order). */
export type DimensionCategories = Record<WeightingDimension, readonly string[]>;

/** Names a problem's place: "margins[3].category" for JSON, "line 4: category" for CSV. */
export type RowPath = (index: number, field?: keyof TargetRow) => string;
export const jsonRowPath: RowPath = (index, field) => `margins[${index}]${field ? `.${field}` : ""}`;

/**
 * Checks target rows against a wave's categories: every problem named (unknown categories, a
 * category given twice, missing categories of a targeted dimension, shares not summing to 1 within
 * SHARE_TOLERANCE). Returns the margins when there is no problem.
 */
export function checkTargets(
  rows: readonly TargetRow[],
  categories: DimensionCategories,
  rowPath: RowPath = jsonRowPath,
): { margins: Margins; issues: [] } | { margins: null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const byDimension = new Map<WeightingDimension, Map<string, number>>();
  const firstRow = new Map<string, number>();
  rows.forEach((row, index) => {
    const known = categories[row.dimension];
    if (!known.includes(row.category)) {
      issues.push({
        path: rowPath(index, "category"),
        message: `unknown ${row.dimension} category "${row.category}"; known: ${known.join(", ")}`,
      });
      return;
    }
    const key = `${row.dimension}\u0000${row.category}`;
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      issues.push({ path: rowPath(index, "category"), message: `${row.dimension} "${row.category}" is also given at ${rowPath(earlier)}` });
      return;
    }
    firstRow.set(key, index);
    const shares = byDimension.get(row.dimension) ?? new Map<string, number>();
    shares.set(row.category, row.share);
    byDimension.set(row.dimension, shares);
  });
  for (const dimension of WEIGHTING_DIMENSIONS) {
    const shares = byDimension.get(dimension);
    const given = rows.some((row) => row.dimension === dimension);
    if (!given || !shares) continue;
    const missing = categories[dimension].filter((category) => !shares.has(category));
    if (missing.length > 0) issues.push({ path: `margins.${dimension}`, message: `missing categories: ${missing.join(", ")}` });
    const total = [...shares.values()].reduce((sum, share) => sum + share, 0);
    if (missing.length === 0 && Math.abs(total - 1) > SHARE_TOLERANCE)
      issues.push({ path: `margins.${dimension}`, message: `shares sum to ${total}, not 1 (within ${SHARE_TOLERANCE})` });
  }
  if (issues.length > 0) return { margins: null, issues };
  const margins: Margins = {};
  for (const [dimension, shares] of byDimension) margins[dimension] = shares;
  return { margins, issues: [] };
}

// ---------------------------------------------------------------------------------------------
// What the API answers (documented in the OpenAPI document from these).

const problemKinds = [
  "no_responses",
  "empty_category",
  "zero_target_with_responses",
  "unknown_category",
  "contradictory_targets",
  "not_converged",
] as const;

export const storedTargetSetSchema = z
  .object({
    revision: z.number().int().describe("1, 2, ... per wave; the highest is current."),
    margins: z.array(targetRowSchema).describe("Empty when this revision cleared the targets."),
    trim: trimCapsSchema.nullable(),
    source: z.enum(["json", "csv", "clear"]),
    setBy: z.string().describe("The admin's email at the time."),
    setAt: z.string().describe("ISO 8601 instant."),
  })
  .strict();
export type StoredTargetSet = z.infer<typeof storedTargetSetSchema>;

export const targetsAnswerSchema = z
  .object({
    wave: z.string(),
    current: storedTargetSetSchema.nullable().describe("The latest revision; null when none was ever set."),
    history: z.array(storedTargetSetSchema).describe("Every revision, newest first (at most 100)."),
  })
  .strict();

const maybe = z.number().nullable();
const weightSummarySchema = z
  .object({
    n: z.number().int(),
    sumWeights: z.number(),
    nEff: z.number().describe("Kish's effective sample size (Σw)² / Σw²."),
    designEffect: maybe.describe("Kish's design effect due to weighting, n / n_eff (null without responses)."),
    efficiency: maybe.describe("n_eff / n (null without responses)."),
    distribution: z
      .object({ min: maybe, p05: maybe, p25: maybe, median: maybe, p75: maybe, p95: maybe, max: maybe, mean: maybe })
      .describe("Quantiles of the weights over responses (R's type 7); null without responses."),
  })
  .strict();

export const weightReportSchema = z
  .object({
    wave: z.string(),
    status: z
      .enum(["unweighted", "weighted", "failed"])
      .describe("unweighted: no targets; weighted: raking converged; failed: see raking.problem (figures stay unweighted)."),
    computedAt: z.string().describe("When these weights were computed; they are recomputed on demand, at most a few seconds old."),
    targets: storedTargetSetSchema.nullable(),
    raking: z
      .object({
        converged: z.boolean(),
        iterations: z.number().int(),
        maxGap: z.number().nullable().describe("Largest |weighted share - target| over every margin."),
        problem: z
          .object({ kind: z.enum(problemKinds), message: z.string(), dimension: z.string().optional(), category: z.string().optional() })
          .nullable(),
        trimming: z
          .object({ caps: trimCapsSchema, rounds: z.number().int(), capsMet: z.boolean(), minRatio: z.number(), maxRatio: z.number() })
          .nullable(),
      })
      .nullable(),
    weights: weightSummarySchema,
    margins: z.array(
      z.object({
        dimension: weightingDimensionSchema,
        category: z.string(),
        label: z.string(),
        responses: z.number().int(),
        sampleShare: z.number(),
        target: z.number().nullable(),
        weightedShare: z.number(),
      }),
    ),
    cells: z
      .array(
        z.object({
          industry: z.string().nullable(),
          region: z.string().nullable(),
          company_size: z.string().nullable(),
          role: z.string().nullable(),
          n: z.number().int(),
          weight: z.number(),
        }),
      )
      .describe("Every profile cell of complete responses with its weight (1 when unweighted)."),
  })
  .strict();
export type WeightReport = z.infer<typeof weightReportSchema>;
