import "server-only";
// Every API endpoint the app declares, in one list: the OpenAPI document is generated from it,
// and the tests check that every route file under app/api serves one of these declarations.
import { compareRoute, overviewRoute, trendsRoute } from "@/lib/analytics/routes";
import { listWaves } from "@/lib/analytics/context";
import { checkDatabase } from "@/lib/db/health";
import { aggregatesInfo } from "@/lib/engine";
import { exportRoutes } from "@/lib/exports/routes";
import { findingsReportPdfRoute, findingsRoute } from "@/lib/findings/routes";
import { listResponsesRoute } from "@/lib/responses/routes";
import { resultsRoutes } from "@/lib/results/routes";
import { surveyRoutes } from "@/lib/survey/routes";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import { getOpenWave } from "@/lib/survey/waves";
import { waveRoutes } from "@/lib/waves/routes";
import { weightingRoutes } from "@/lib/weighting/routes";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { NotFoundError } from "@/lib/errors";
import { z } from "zod";
import { openApiDocument } from "./openapi";
import { defineRoute, type AnyRoute, type DocContext } from "./route";

export const healthRoute = defineRoute({
  id: "health",
  method: "GET",
  path: "/api/health",
  summary: "Liveness and database reachability, for load balancers and the start script",
  tag: "System",
  access: "public",
  responses: {
    200: {
      description: "Up, database reachable; `analytics` says whether the columnar replica answers the views yet (raw: PostgreSQL does)",
      json: z.object({ status: z.literal("ok"), analytics: z.enum(["ready", "warming", "cold", "failed", "raw"]) }).strict(),
    },
  },
  handler: async () => {
    await checkDatabase();
    const info = aggregatesInfo();
    return { status: "ok" as const, analytics: info.engine === "raw" ? ("raw" as const) : info.status };
  },
});

/** What the document says about the survey: the newest wave's filters, the open wave's answers. */
async function docContext(): Promise<DocContext> {
  const waves = await listWaves().catch((error: unknown) => {
    if (error instanceof NotFoundError) return [];
    throw error;
  });
  const open = await getOpenWave(SURVEY_SLUG).catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) throw error;
    return null;
  });
  const newest = waves[0];
  return {
    newest: newest ? { code: newest.code, instrument: newest.instrument } : null,
    open: open ? { code: open.waveCode, instrument: open.instrument } : null,
    waveCodes: waves.map((w) => w.code),
  };
}

export const openApiRoute: AnyRoute = defineRoute({
  id: "openApi",
  method: "GET",
  path: "/api/v1/openapi.json",
  summary: "This document",
  tag: "System",
  access: "public",
  responses: {
    200: { description: "The OpenAPI 3.1 description of /api", json: z.record(z.string(), z.unknown()) },
  },
  handler: async () => openApiDocument(API_ROUTES, await docContext()),
});

export const API_ROUTES: AnyRoute[] = [
  ...surveyRoutes,
  overviewRoute,
  compareRoute,
  trendsRoute,
  findingsRoute,
  findingsReportPdfRoute,
  listResponsesRoute,
  ...exportRoutes,
  ...waveRoutes,
  ...weightingRoutes,
  ...resultsRoutes,
  healthRoute,
  openApiRoute,
];
