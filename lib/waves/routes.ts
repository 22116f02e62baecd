import "server-only";
// The waves API (admin only): list, check a definition (errors by path, diff against the previous
// wave), publish, open a draft, close or schedule the close, replace a definition while unanswered.
import { z } from "zod";
import { slugSchema } from "@/lib/survey/slug";
import { defineRoute, Reply } from "@/lib/api/route";
import { MAX_DEFINITION_CHARS } from "./definition";
import { closeWave, listAllWaves, openWave, publishWave, replaceDefinition, reviewDefinition } from "./lifecycle";
import {
  checkRequestSchema,
  closeRequestSchema,
  openRequestSchema,
  publishRequestSchema,
  replaceDefinitionRequestSchema,
  reviewSchema,
  waveCodeSchema,
  waveSummarySchema,
} from "./schemas";

const TAG = "Waves";
const slug = slugSchema.describe("The survey's slug, e.g. ai-readiness.");
const slugParams = z.object({ slug });
const codeParams = z.object({ slug, code: waveCodeSchema.describe("The wave's code, e.g. 2027-Q1.") });
/** A definition as JSON text in a JSON string is larger than the definition itself. */
const BODY_LIMIT = MAX_DEFINITION_CHARS * 2 + 4096;
const BODY_ERRORS = { 413: "error", 415: "error" } as const;
const summary = (description: string) => ({ description, json: waveSummarySchema });

export const listWavesRoute = defineRoute({
  id: "listWaves",
  method: "GET",
  path: "/api/v1/surveys/{slug}/waves",
  summary: "The survey's waves, newest first, drafts included, with status and response counts",
  tag: TAG,
  access: "admin",
  params: slugParams,
  responses: { 404: "error", 200: { description: "The waves", json: z.object({ waves: z.array(waveSummarySchema) }).strict() } },
  handler: async ({ params }) => ({ waves: await listAllWaves(params.slug) }),
});

export const checkWaveRoute = defineRoute({
  id: "checkWaveDefinition",
  method: "POST",
  path: "/api/v1/surveys/{slug}/waves/check",
  summary: "Validate a wave definition and diff it against the previous wave, without storing anything",
  description:
    "A malformed definition answers 400 with one field per problem, each named by its path (definition.sections[2].questions[0].options).",
  tag: TAG,
  access: "admin",
  params: slugParams,
  body: { schema: checkRequestSchema, limit: BODY_LIMIT },
  responses: { 200: { description: "Valid: the parsed instrument and the diff", json: reviewSchema }, 404: "error", ...BODY_ERRORS },
  handler: async ({ params, body }) => ({ valid: true as const, ...(await reviewDefinition(body.definition, params.slug)) }),
});

export const publishWaveRoute = defineRoute({
  id: "publishWave",
  method: "POST",
  path: "/api/v1/surveys/{slug}/waves",
  summary: "Publish a new wave: as a draft, or open at once (closing the open wave)",
  tag: TAG,
  access: "admin",
  params: slugParams,
  body: { schema: publishRequestSchema, limit: BODY_LIMIT },
  responses: { 201: summary("Created"), 404: "error", ...BODY_ERRORS, 409: "error" },
  handler: async ({ params, body }) => new Reply(201, await publishWave(body, params.slug)),
});

export const openWaveRoute = defineRoute({
  id: "openWave",
  method: "POST",
  path: "/api/v1/surveys/{slug}/waves/{code}/open",
  summary: "Open a draft wave (the wave open before it closes)",
  tag: TAG,
  access: "admin",
  params: codeParams,
  body: { schema: openRequestSchema },
  responses: { 200: summary("Opened"), 404: "error", 409: "error", ...BODY_ERRORS },
  handler: async ({ params, body }) => openWave(params.code, body.closesAt, params.slug),
});

export const closeWaveRoute = defineRoute({
  id: "closeWave",
  method: "POST",
  path: "/api/v1/surveys/{slug}/waves/{code}/close",
  summary: "Close an open wave now, or schedule when it closes",
  tag: TAG,
  access: "admin",
  params: codeParams,
  body: { schema: closeRequestSchema },
  responses: { 200: summary("Closed or scheduled"), 404: "error", 409: "error", ...BODY_ERRORS },
  handler: async ({ params, body }) => closeWave(params.code, body.at, params.slug),
});

export const replaceDefinitionRoute = defineRoute({
  id: "replaceWaveDefinition",
  method: "PUT",
  path: "/api/v1/surveys/{slug}/waves/{code}/definition",
  summary: "Replace a draft wave's definition",
  description:
    "Only a draft's definition can be replaced; once a wave was opened its definition is frozen (409 wave_frozen): " +
    "what was or may be answered is never rewritten.",
  tag: TAG,
  access: "admin",
  params: codeParams,
  body: { schema: replaceDefinitionRequestSchema, limit: BODY_LIMIT },
  responses: { 200: summary("Replaced"), 404: "error", 409: "error", ...BODY_ERRORS },
  handler: async ({ params, body }) => replaceDefinition(params.code, body.definition, params.slug),
});

export const waveRoutes = [listWavesRoute, checkWaveRoute, publishWaveRoute, openWaveRoute, closeWaveRoute, replaceDefinitionRoute];
