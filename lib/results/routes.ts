import "server-only";
// The results publication API (admin only): whether a wave's results are public at
// /results/{survey}/{wave}, with which panels; who published them and when.
import { z } from "zod";
import { defineRoute, type Caller } from "@/lib/api/route";
import { slugSchema } from "@/lib/survey/slug";
import { waveCodeSchema } from "@/lib/waves/schemas";
import { getPublication, setPublication } from "./publication";
import { publicationRequestSchema, publicationSchema } from "./schemas";

const TAG = "Results";
const params = z.object({
  slug: slugSchema.describe("The survey's slug, e.g. ai-readiness."),
  code: waveCodeSchema.describe("The wave's code, e.g. 2026-Q4."),
});

export const getPublicationRoute = defineRoute({
  id: "getResultsPublication",
  method: "GET",
  path: "/api/v1/surveys/{slug}/waves/{code}/publication",
  summary: "Whether the wave's results are public, with which panels, published by whom and when",
  tag: TAG,
  access: "admin",
  params,
  responses: { 200: { description: "The publication state", json: publicationSchema }, 404: "error" },
  handler: async ({ params: { slug, code } }) => getPublication(slug, code),
});

export const setPublicationRoute = defineRoute({
  id: "setResultsPublication",
  method: "PUT",
  path: "/api/v1/surveys/{slug}/waves/{code}/publication",
  summary: "Publish the wave's results (all or chosen panels) at /results/{survey}/{wave}, or unpublish them",
  description: "Public results show protected figures only (docs/PRIVACY.md). A draft wave cannot be published (409).",
  tag: TAG,
  access: "admin",
  params,
  body: { schema: publicationRequestSchema },
  responses: {
    200: { description: "The publication state after the change", json: publicationSchema },
    404: "error",
    409: "error",
    413: "error",
    415: "error",
  },
  // The pipeline has checked the caller (access admin).
  handler: async ({ params: { slug, code }, body, caller }) => setPublication(caller as Caller, slug, code, body),
});

export const resultsRoutes = [getPublicationRoute, setPublicationRoute];
