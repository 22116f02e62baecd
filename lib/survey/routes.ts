import "server-only";
import { negotiateLocale } from "@/lib/i18n/locales";
// The survey's endpoints, declared once (lib/api/route.ts): the public definition and
// submissions, and the respondent's own draft, submit and deletion (by resume cookie).
import { z } from "zod";
import { defineRoute, Reply, type DocContext } from "@/lib/api/route";
import { NoRespondentError, NotFoundError, ValidationError } from "@/lib/errors";
import { limitDraftSave, limitSubmission, submissionQuota } from "@/lib/ratelimit";
import { completeAnswersSchema } from "./answers";
import { clearResumeToken, readResumeToken, writeResumeToken } from "./cookies";
import { deleteOwnResponse } from "./deletion";
import { instrumentV1 } from "./instrument";
import { publicDefinition } from "./public-definition";
import { apiSubmitRequestSchema, idempotencyKeySchema, saveDraftRequestSchema, submitDraftRequestSchema } from "./requests";
import { findDraft, saveDraft, submitComplete, submitDraft, validateCompleteAnswers } from "./responses";
import {
  deletionResultSchema,
  draftResponseSchema,
  draftSubmitResultSchema,
  submissionResultSchema,
  surveyDefinitionSchema,
} from "./schemas";
import { slugSchema } from "./slug";
import { getOpenWave } from "./waves";

const slugParams = z.object({ slug: slugSchema.describe("The survey's slug, e.g. ai-readiness.") });
const TAG = "Survey";
// 400, 503 and (writes) 403 are implied on every route (lib/api/openapi.ts); these come on top.
const BODY_ERRORS = { 404: "error", 413: "error", 415: "error", 429: "error" } as const;

/** The answers a submission must carry, as the open wave's instrument defines them. */
const documentedAnswers = (doc: DocContext) => z.object({ answers: completeAnswersSchema(doc.open?.instrument ?? instrumentV1) }).strict();

export const surveyDefinitionRoute = defineRoute({
  id: "getSurvey",
  method: "GET",
  path: "/api/v1/surveys/{slug}",
  summary: "The open wave's definition: sections, questions, types, option ids and the rules a submission must satisfy",
  tag: TAG,
  access: "public",
  params: slugParams,
  responses: { 200: { description: "The definition", json: surveyDefinitionSchema }, 404: "error" },
  handler: async ({ params }) => publicDefinition(await getOpenWave(params.slug)),
});

export const submitResponseRoute = defineRoute({
  id: "submitResponse",
  method: "POST",
  path: "/api/v1/surveys/{slug}/responses",
  summary: "Submit a complete response (idempotent by Idempotency-Key)",
  description:
    "A retry with the same key and body answers 200 with the same id; the same key with another body answers 422. " +
    "A 503 or no answer may hide a commit: retry with the same key.",
  tag: TAG,
  access: "public",
  params: slugParams,
  headers: z.object({
    "idempotency-key": idempotencyKeySchema.describe("A unique key per response (8-200 printable characters; a UUID is ideal)."),
  }),
  body: { schema: apiSubmitRequestSchema, document: documentedAnswers },
  responses: {
    201: { description: "Stored", json: submissionResultSchema },
    200: { description: "Already stored under this key (same id)", json: submissionResultSchema },
    ...BODY_ERRORS,
    422: "error",
  },
  // A refused request still counts against the client's limit (a client over it hears 429
  // rather than the details of its mistake); an accepted one is counted by the insert itself.
  onRefused: (request) => limitSubmission(request),
  handler: async ({ request, params, headers, body }) => {
    const wave = await getOpenWave(params.slug);
    const answers = validateCompleteAnswers(wave.instrument, body.answers);
    const language = body.language ?? negotiateLocale(request.headers.get("accept-language"));
    const result = await submitComplete(wave, `${headers["idempotency-key"]}`, answers, submissionQuota(request), language);
    return new Reply(result.created ? 201 : 200, { id: result.id, status: "complete" as const, wave: wave.waveCode });
  },
});

export const getDraftRoute = defineRoute({
  id: "getDraft",
  method: "GET",
  path: "/api/v1/surveys/{slug}/draft",
  summary: "The respondent's draft, found by this browser's resume cookie",
  tag: TAG,
  access: "respondent",
  params: slugParams,
  responses: { 200: { description: "The draft, or null", json: draftResponseSchema }, 404: "error" },
  handler: async ({ params }) => {
    const wave = await getOpenWave(params.slug);
    const token = await readResumeToken(wave.slug);
    return { draft: token ? await findDraft(wave, token) : null };
  },
});

export const saveDraftRoute = defineRoute({
  id: "saveDraft",
  method: "PUT",
  path: "/api/v1/surveys/{slug}/draft",
  summary: "Save a step of the respondent's draft (the first save sets the resume cookie)",
  tag: TAG,
  access: "respondent",
  params: slugParams,
  body: { schema: saveDraftRequestSchema },
  responses: {
    200: { description: "The saved draft", json: draftResponseSchema },
    ...BODY_ERRORS,
  },
  // Counted before the body is read: a flood costs one upsert per request, valid or not.
  guard: async (request, params) => {
    const wave = await getOpenWave(params.slug);
    await limitDraftSave(request, await readResumeToken(wave.slug));
  },
  handler: async ({ params, body }) => {
    const wave = await getOpenWave(params.slug);
    const token = await readResumeToken(wave.slug);
    const saved = await saveDraft(wave, token, body.step, body.answers);
    if (saved.token !== token) await writeResumeToken(wave.slug, saved.token);
    return { draft: saved.draft };
  },
});

export const submitDraftRoute = defineRoute({
  id: "submitDraft",
  method: "POST",
  path: "/api/v1/surveys/{slug}/draft/submit",
  summary: "Turn the respondent's draft into a complete response (idempotent by submissionId)",
  tag: TAG,
  access: "respondent",
  params: slugParams,
  body: { schema: submitDraftRequestSchema },
  responses: {
    201: { description: "Submitted", json: draftSubmitResultSchema },
    200: { description: "Already submitted", json: draftSubmitResultSchema },
    ...BODY_ERRORS,
  },
  guard: async (request, params) => {
    await getOpenWave(params.slug);
    await limitSubmission(request);
  },
  handler: async ({ params, body }) => {
    const wave = await getOpenWave(params.slug);
    const token = await readResumeToken(wave.slug);
    if (!token) throw new ValidationError([{ path: "cookie", message: "no survey in progress in this browser; start the survey first" }]);
    const result = await submitDraft(wave, token, body.submissionId, body.language);
    return new Reply(result.created ? 201 : 200, { id: result.id, status: "complete" as const, resultUrl: `/survey/${wave.slug}/result` });
  },
});

export const deleteOwnResponseRoute = defineRoute({
  id: "deleteOwnResponse",
  method: "DELETE",
  path: "/api/v1/surveys/{slug}/response",
  summary: "Delete the respondent's own response (found only by this browser's resume cookie) and the cookie",
  tag: TAG,
  access: "respondent",
  params: slugParams,
  responses: { 200: { description: "Deleted", json: deletionResultSchema }, 401: "error", 404: "error" },
  handler: async ({ params }) => {
    const token = await readResumeToken(params.slug);
    if (!token) throw new NoRespondentError();
    const id = await deleteOwnResponse(params.slug, token);
    await clearResumeToken(params.slug);
    if (!id) throw new NotFoundError("Response from this browser");
    return { deleted: true as const, id };
  },
});

export const surveyRoutes = [
  surveyDefinitionRoute,
  submitResponseRoute,
  getDraftRoute,
  saveDraftRoute,
  submitDraftRoute,
  deleteOwnResponseRoute,
];
