// What the findings API answers (OpenAPI and response validation); see lib/analytics/schemas.ts.
import { z } from "zod";
import { filtersSchema, intervalSchema, viewWeightingSchema } from "@/lib/analytics/schemas";
import { ARCHITECTURE_IDS } from "@/lib/architecture/catalog";
import type { Same } from "@/lib/api/types";
import type { FindingsReport } from "./index";

export const findingSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["concern", "stage", "readiness", "mismatch"]),
    subject: z.string().describe("What the finding is about: a concern code, production, a readiness dimension code, or central_only."),
    segment: z
      .object({ industry: z.string().nullable(), region: z.string().nullable(), role: z.string().nullable(), label: z.string() })
      .strict(),
    headline: z.string(),
    measure: z.string(),
    unit: z.enum(["%", "points"]),
    segmentValue: z.number(),
    othersValue: z.number().nullable(),
    interval: intervalSchema,
    difference: z.number().nullable(),
    p: z.number(),
    q: z.number(),
    n: z.number().int(),
    othersN: z.number().int().nullable(),
    nEff: z.number().nullable().describe("Weighted findings: Kish's effective sample size of the segment; null when unweighted."),
    othersNEff: z.number().nullable().describe("Weighted findings: Kish's effective sample size of everyone else; null when unweighted."),
    score: z.number(),
    evidenceUrl: z.string().describe("The dashboard view with the evidence."),
    architectureBasis: z.enum(["subject", "none"]).describe("subject: chosen for what the finding is about; none: it points to none."),
    architectures: z.array(
      z.object({ id: z.enum(ARCHITECTURE_IDS), name: z.string(), reasons: z.array(z.string()), tradeoff: z.string() }).strict(),
    ),
    architectureNote: z.string().nullable(),
  })
  .strict();

export const findingsReportSchema = z
  .object({
    k: z.number().int(),
    weighting: viewWeightingSchema,
    reportable: z.boolean(),
    population: z.number().int(),
    findings: z.array(findingSchema),
  })
  .strict();

export const findingsResponseSchema = findingsReportSchema
  .extend({ wave: z.string(), filters: filtersSchema })
  .strict()
  .meta({ id: "Findings" });

const _report: Same<z.infer<typeof findingsReportSchema>, FindingsReport> = true;
void _report;
