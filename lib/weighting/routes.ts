import "server-only";
// The weighting API: a wave's raking targets (read by analysts, set by admins as JSON or as a CSV
// upload, cleared by an empty set, every change kept in the history) and its weight report (convergence, the
// weights' distribution, Kish's design effect and n_eff, each margin's sample, target and weighted
// share). Target problems answer 400 with one field per problem (margins[3].category,
// margins.region, or line 4: share for CSV).
import { z } from "zod";
import { defineRoute, staticQuery, type Caller } from "@/lib/api/route";
import { ValidationError } from "@/lib/errors";
import { slugSchema } from "@/lib/survey/slug";
import { waveCodeSchema } from "@/lib/waves/schemas";
import { MAX_CSV_ROWS, parseTargetCsv, TARGET_CSV_HEADER } from "./csv";
import {
  storedTargetSetSchema,
  targetSetInputSchema,
  targetsAnswerSchema,
  trimCapsSchema,
  weightReportSchema,
  type TrimCaps,
} from "./schemas";
import { clearTargets, saveTargets, targetHistory, weightingWave, weightReport } from "./store";

const TAG = "Weighting";
const params = z.object({
  slug: slugSchema.describe("The survey's slug, e.g. ai-readiness."),
  code: waveCodeSchema.describe("The wave's code, e.g. 2027-Q1."),
});
const BASE = "/api/v1/surveys/{slug}/waves/{code}/weighting";
const BODY_ERRORS = { 400: "error", 413: "error", 415: "error" } as const;
/** 2,000 rows of JSON or CSV, with room to spare. */
const BODY_LIMIT = 256 * 1024;
const savedSchema = z.object({ targets: storedTargetSetSchema, report: weightReportSchema }).strict();

const caller = (c: Caller | null): Caller => {
  if (!c) throw new Error("admin route without a caller");
  return c;
};

export const getTargetsRoute = defineRoute({
  id: "getWeightingTargets",
  method: "GET",
  path: `${BASE}/targets`,
  summary: "The wave's raking targets and their history (who set what, when)",
  tag: TAG,
  access: "analyst",
  params,
  responses: {
    200: { description: "Current targets (null if never set) and every revision, newest first", json: targetsAnswerSchema },
    404: "error",
  },
  handler: async ({ params: p }) => ({ wave: p.code, ...(await targetHistory(await weightingWave(p.slug, p.code))) }),
});

export const putTargetsRoute = defineRoute({
  id: "setWeightingTargets",
  method: "PUT",
  path: `${BASE}/targets`,
  summary: "Set the wave's raking targets (a new revision; the latest wins)",
  description:
    "Every category of each targeted dimension (industry, region, company_size, role: the option ids of the wave's " +
    "instrument) with its population share; each dimension's shares must sum to 1 within 1e-6. Every problem is named " +
    "(unknown or repeated categories by row, missing categories and sums by dimension); an empty list clears the targets " +
    "(a revision of its own, so the history shows it). The answer carries the new " +
    "weight report: targets the sample cannot meet are stored, and the report says why the figures stay unweighted.",
  tag: TAG,
  access: "admin",
  params,
  body: { schema: targetSetInputSchema, limit: BODY_LIMIT },
  responses: { 200: { description: "Stored; the weights they give", json: savedSchema }, 404: "error", ...BODY_ERRORS },
  handler: async ({ params: p, body, caller: c }) => {
    const wave = await weightingWave(p.slug, p.code);
    const targets =
      body.margins.length === 0
        ? await clearTargets(wave, caller(c))
        : await saveTargets(wave, { rows: body.margins, trim: body.trim, source: "json" }, caller(c));
    return { targets, report: await weightReport(wave) };
  },
});

const capSchema = (what: string) =>
  z.coerce
    .number()
    .finite()
    .optional()
    .describe(`Trimming cap: the ${what} weight as a multiple of the mean weight (give both caps or neither).`);
const csvQuery = staticQuery({ trimLower: capSchema("smallest"), trimUpper: capSchema("largest") }, (q) => {
  if (q.trimLower === undefined && q.trimUpper === undefined) return [];
  if (q.trimLower === undefined || q.trimUpper === undefined)
    return [{ path: q.trimLower === undefined ? "trimLower" : "trimUpper", message: "give both trimming caps or neither" }];
  const parsed = trimCapsSchema.safeParse({ lower: q.trimLower, upper: q.trimUpper });
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: issue.path[0] === "upper" ? "trimUpper" : "trimLower", message: issue.message }));
});
const capsOf = (q: { trimLower?: number; trimUpper?: number }): TrimCaps | null =>
  q.trimLower !== undefined && q.trimUpper !== undefined ? { lower: q.trimLower, upper: q.trimUpper } : null;

export const putTargetsCsvRoute = defineRoute({
  id: "uploadWeightingTargetsCsv",
  method: "PUT",
  path: `${BASE}/targets.csv`,
  summary: "Set the wave's raking targets from a CSV file (dimension,category,share)",
  description:
    `A header row naming the columns ${TARGET_CSV_HEADER} (any order), then one row per category (at most ${MAX_CSV_ROWS}). ` +
    "Problems are named by line and column (line 4: share), then checked as the JSON form is. Trimming caps go in the query.",
  tag: TAG,
  access: "admin",
  params,
  query: csvQuery,
  body: { schema: z.string().describe(`CSV text: ${TARGET_CSV_HEADER}`), limit: BODY_LIMIT, media: "text/csv" },
  responses: { 200: { description: "Stored; the weights they give", json: savedSchema }, 404: "error", ...BODY_ERRORS },
  handler: async ({ params: p, query, body, caller: c }) => {
    const wave = await weightingWave(p.slug, p.code);
    const parsed = parseTargetCsv(body);
    if (parsed.issues.length > 0) throw new ValidationError(parsed.issues);
    const targets = await saveTargets(wave, { rows: parsed.rows, trim: capsOf(query), source: "csv", rowPath: parsed.rowPath }, caller(c));
    return { targets, report: await weightReport(wave) };
  },
});

export const weightReportRoute = defineRoute({
  id: "getWeightReport",
  method: "GET",
  path: `${BASE}/report`,
  summary: "The wave's weight report: convergence, weight distribution, Kish's design effect, n_eff, margins",
  description:
    "Weights are computed on demand from the complete responses and reused for a few seconds (computedAt says when), " +
    "so new responses reach them within seconds.",
  tag: TAG,
  access: "analyst",
  params,
  responses: { 200: { description: "The report", json: weightReportSchema }, 404: "error" },
  handler: async ({ params: p }) => weightReport(await weightingWave(p.slug, p.code)),
});

export const weightingRoutes = [getTargetsRoute, putTargetsRoute, putTargetsCsvRoute, weightReportRoute];
