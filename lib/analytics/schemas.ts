// What the analytics APIs answer, as zod schemas: the OpenAPI document is generated from them
// and the tests validate real answers against that document. The `Same` checks below fail the
// type-check when a producer's type and its schema drift apart.
import { z } from "zod";
import type { Same } from "@/lib/api/types";
import type { Comparison } from "./compare";
import type { Filters } from "./filters";
import type { Overview } from "./overview";
import type { Trends } from "./trends";

export const intervalSchema = z.object({ lower: z.number(), upper: z.number() }).strict().meta({ id: "Interval" });

export const filtersSchema = z
  .object({
    wave: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    segments: z
      .object({
        industry: z.array(z.string()),
        region: z.array(z.string()),
        size: z.array(z.string()),
        role: z.array(z.string()),
        stage: z.array(z.string()),
      })
      .strict(),
    languages: z.array(z.string()).optional().describe("The languages respondents answered in; empty or absent: every language."),
  })
  .strict()
  .meta({ id: "Filters", description: "The filters as applied (option ids of the wave's instrument)." });

const labelled = z.object({ id: z.string(), label: z.string() }).strict();
const count = z.number().int().nullable().describe("null when withheld (fewer than k respondents, or a partner cell).");

const shareSchema = z
  .object({ id: z.string(), label: z.string(), n: count, share: z.number().nullable(), interval: intervalSchema.nullable() })
  .strict();
const meanWithInterval = z
  .object({
    mean: z.number(),
    lower: z.number(),
    upper: z.number(),
    clamped: z.boolean().describe("The t interval ran past an end of the 0-100 scale and was cut there."),
  })
  .strict();

export const viewWeightingSchema = z
  .object({
    state: z
      .enum(["weighted", "switched_off", "no_targets", "raking_failed", "protected", "across_waves"])
      .describe(
        "weighted: shares, means and intervals use the wave's raking weights (R survey package estimators); switched_off: " +
          "weighted=0 was asked; no_targets / raking_failed: the wave has no usable weights; protected: protected figures are never " +
          "weighted; across_waves: a comparison with another wave is not weighted.",
      ),
    available: z.boolean().describe("The wave has usable weights (weighted=1 or no parameter weights the view)."),
    n: count.describe("Complete responses in view (unweighted); null when withheld."),
    nEff: z.number().nullable().describe("Kish's effective sample size (Σw)²/Σw² (n when unweighted); null when withheld."),
  })
  .strict()
  .meta({ id: "ViewWeighting" });

export const overviewSchema = z
  .object({
    k: z.number().int(),
    weighting: viewWeightingSchema,
    differencing: z.array(z.string()),
    reportable: z.boolean(),
    complete: count,
    partial: count,
    timeline: z.array(z.object({ bucket: z.string(), complete: count, partial: count }).strict()),
    timelineUnit: z.enum(["day", "week"]),
    heatmap: z
      .object({
        industries: z.array(labelled),
        regions: z.array(labelled),
        cells: z.array(z.array(z.object({ n: count, index: z.number().nullable() }).strict())),
      })
      .strict(),
    dimensions: z.array(
      z.object({ id: z.string(), label: z.string(), filtered: meanWithInterval.nullable(), all: meanWithInterval.nullable() }).strict(),
    ),
    stages: z.array(shareSchema),
    concerns: z.array(shareSchema.extend({ top3: count, top3Share: z.number().nullable() }).strict()),
    infrastructure: z.array(z.object({ id: z.string(), label: z.string(), current: shareSchema, planned: shareSchema }).strict()),
    latencyGeography: z.object({ latency: z.array(labelled), geography: z.array(labelled), cells: z.array(z.array(count)) }).strict(),
  })
  .strict();

export const overviewResponseSchema = overviewSchema.extend({ wave: z.string(), filters: filtersSchema }).strict().meta({ id: "Overview" });

const sideSchema = z.object({ n: count, value: z.number().nullable(), interval: intervalSchema.nullable(), clamped: z.boolean() }).strict();

export const comparisonSchema = z
  .object({
    k: z.number().int(),
    differencing: z.array(z.string()),
    problem: z.string().nullable().describe("Why A and B are not separate groups the tests could compare (the view is refused)."),
    weighting: viewWeightingSchema,
    nEffA: z.number().nullable().describe("Kish's effective size of A (nA when unweighted)."),
    nEffB: z.number().nullable().describe("Kish's effective size of B (nB when unweighted)."),
    everyoneElse: z
      .object({ within: filtersSchema })
      .strict()
      .nullable()
      .describe("When B is everyone else: the group it is taken from (A's wave narrowed by the b_ filters)."),
    nA: count,
    nB: count,
    reportable: z.boolean(),
    rows: z.array(
      z
        .object({
          questionId: z.string(),
          questionLabel: z.string(),
          optionId: z.string().nullable(),
          label: z.string(),
          kind: z.enum(["proportion", "mean"]),
          test: z
            .enum(["two-proportion z", "Fisher's exact", "Welch t", "design-based t"])
            .nullable()
            .describe("The row's own test (design-based t: R's svyttest, on weighted figures)."),
          a: sideSchema,
          b: sideSchema,
          difference: z.number().nullable(),
          differenceInterval: intervalSchema.nullable().describe("95% interval of A minus B (Newcombe for proportions, Welch for means)."),
          p: z.number().nullable(),
          q: z.number().nullable(),
          significant: z.boolean(),
          note: z.string().nullable(),
        })
        .strict(),
    ),
    questions: z.array(
      z
        .object({
          questionId: z.string(),
          questionLabel: z.string(),
          test: z.enum(["chi-square", "chi-square (Monte Carlo)", "Rao-Scott F"]).nullable(),
          statistic: z.number().nullable(),
          df: z.number().nullable(),
          p: z.number().nullable(),
          q: z.number().nullable(),
          significant: z.boolean(),
          minExpected: z.number().nullable(),
          simulations: z.number().int().nullable(),
          note: z.string().nullable(),
        })
        .strict(),
    ),
    family: z
      .object({
        correction: z.literal("Benjamini-Hochberg"),
        tests: z.number().int().describe("Every planned test, rows and questions; withheld ones enter with p = 1."),
        stated: z.number().int().describe("Tests whose p and q are shown."),
      })
      .strict()
      .describe("Every p-value shown (rows and questions) is adjusted in this one family."),
    notes: z.array(z.string()).describe("B from another wave: questions and options not compared because the waves differ."),
  })
  .strict();

export const comparisonResponseSchema = comparisonSchema
  .extend({
    wave: z.string(),
    bWave: z.string().describe("Segment B's wave (A's unless b=custom names another with b_wave)."),
    a: filtersSchema,
    b: z.union([filtersSchema, z.literal("everyone else")]),
  })
  .strict()
  .meta({ id: "Comparison" });

const trendPointSchema = z
  .object({
    wave: z.string(),
    offered: z.boolean().describe("Whether this wave asked the question (and offered the option)."),
    n: count,
    value: z.number().nullable().describe("Mean on 0-100, or a share from 0 to 1; null when withheld or not offered."),
    interval: intervalSchema.nullable(),
    clamped: z.boolean(),
  })
  .strict();

const trendStepSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    test: z.enum(["two-proportion z", "Fisher's exact", "Welch t", "design-based t"]).nullable(),
    difference: z.number().nullable().describe("Later minus earlier: scale points (means) or percentage points (shares)."),
    p: z.number().nullable(),
    q: z.number().nullable(),
    significant: z.boolean(),
    note: z.string().nullable(),
  })
  .strict();

export const trendsSchema = z
  .object({
    k: z.number().int(),
    weighting: z.object({ state: viewWeightingSchema.shape.state, available: z.boolean() }).strict(),
    waves: z
      .array(
        z
          .object({
            code: z.string(),
            title: z.string(),
            n: count,
            reportable: z.boolean(),
            differencing: z.array(z.string()),
            weighting: viewWeightingSchema.shape.state,
            nEff: z.number().nullable().describe("Kish's effective sample size of the wave's view (n when unweighted)."),
          })
          .strict(),
      )
      .describe("The waves covered, oldest first."),
    series: z.array(
      z
        .object({
          id: z.string(),
          measure: z.enum(["index", "dimension", "production", "top_concern", "planned_infrastructure"]),
          questionId: z.string().nullable(),
          optionId: z.string().nullable(),
          label: z.string(),
          kind: z.enum(["mean", "proportion"]),
          shared: z.boolean().describe("Offered in every wave covered; otherwise only waves that both offered it are compared."),
          points: z.array(trendPointSchema),
          steps: z.array(trendStepSchema).describe("Each wave against the one before."),
        })
        .strict(),
    ),
    notes: z.array(z.string()),
    family: z
      .object({
        correction: z.literal("Benjamini-Hochberg"),
        tests: z.number().int().describe("Every planned wave-over-wave test (both waves asked it); withheld ones enter with p = 1."),
        stated: z.number().int().describe("Tests whose p and q are shown."),
      })
      .strict()
      .describe("Every wave-over-wave p-value is adjusted in this one family."),
  })
  .strict();

export const trendsResponseSchema = trendsSchema.extend({ filters: filtersSchema }).strict().meta({ id: "Trends" });

const _trends: Same<z.infer<typeof trendsSchema>, Trends> = true;
const _overview: Same<z.infer<typeof overviewSchema>, Overview> = true;
const _comparison: Same<z.infer<typeof comparisonSchema>, Comparison> = true;
const _filters: Same<z.infer<typeof filtersSchema>, Filters> = true;
void [_overview, _comparison, _filters, _trends];
