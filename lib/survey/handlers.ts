import "server-only";
// HTTP glue for the survey endpoints: parse and validate the request with the shared schemas,
// call the data layer, shape the reply. Route files stay one line each.
import { NoRespondentError, NotFoundError, ValidationError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { assertSameOrigin } from "@/lib/http/origin";
import { json } from "@/lib/http/respond";
import { limitDraftSave, limitSubmission, submissionQuota } from "@/lib/ratelimit";
import type { z } from "zod";
import type { Answers } from "./instrument-schema";
import { toFieldIssues } from "./answers";
import { clearResumeToken, readResumeToken, writeResumeToken } from "./cookies";
import { deleteOwnResponse } from "./deletion";
import { apiSubmitRequestSchema, idempotencyKeySchema, saveDraftRequestSchema, submitDraftRequestSchema } from "./requests";
import { findDraft, saveDraft, submitComplete, submitDraft, validateCompleteAnswers } from "./responses";
import { parseSlug } from "./slug";
import { getOpenWave } from "./waves";

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error, [], "is not a field of this request"));
  return parsed.data;
}

export async function getDraftResponse(slug: string): Promise<Response> {
  const wave = await getOpenWave(parseSlug(slug));
  const token = await readResumeToken(wave.slug);
  const draft = token ? await findDraft(wave, token) : null;
  return json({ draft });
}

export async function saveDraftResponse(request: Request, slug: string): Promise<Response> {
  const wave = await getOpenWave(parseSlug(slug));
  const token = await readResumeToken(wave.slug);
  // Counted before the body is read: a flood costs one upsert per request, valid or not.
  await limitDraftSave(request, token);
  const body = parseOrThrow(saveDraftRequestSchema, await readJsonBody(request));
  const saved = await saveDraft(wave, token, body.step, body.answers);
  if (saved.token !== token) await writeResumeToken(wave.slug, saved.token);
  return json({ draft: saved.draft });
}

export async function submitDraftResponse(request: Request, slug: string): Promise<Response> {
  const wave = await getOpenWave(parseSlug(slug));
  await limitSubmission(request);
  const body = parseOrThrow(submitDraftRequestSchema, await readJsonBody(request));
  const token = await readResumeToken(wave.slug);
  if (!token) {
    throw new ValidationError([{ path: "cookie", message: "no survey in progress in this browser; start the survey first" }]);
  }
  const result = await submitDraft(wave, token, body.submissionId);
  return json({ id: result.id, status: "complete", resultUrl: `/survey/${wave.slug}/result` }, { status: result.created ? 201 : 200 });
}

export async function submitApiResponse(request: Request, slug: string): Promise<Response> {
  const wave = await getOpenWave(parseSlug(slug));
  let key: string;
  let answers: Answers;
  try {
    const parsedKey = idempotencyKeySchema.safeParse(request.headers.get("idempotency-key") ?? undefined);
    if (!parsedKey.success) throw new ValidationError(toFieldIssues(parsedKey.error, ["Idempotency-Key"]));
    key = parsedKey.data;
    const body = parseOrThrow(apiSubmitRequestSchema, await readJsonBody(request));
    answers = validateCompleteAnswers(wave.instrument, body.answers);
  } catch (error) {
    // A refused request still counts against the client's limit (a client over it hears 429
    // rather than the details of its mistake); an accepted one is counted by the insert itself.
    await limitSubmission(request);
    throw error;
  }
  const result = await submitComplete(wave, key, answers, submissionQuota(request));
  return json({ id: result.id, status: "complete", wave: wave.waveCode }, { status: result.created ? 201 : 200 });
}

/** DELETE: the respondent deletes their own response, proven only by their resume cookie. */
export async function deleteOwnResponseHandler(request: Request, slug: string): Promise<Response> {
  assertSameOrigin(request);
  const survey = parseSlug(slug);
  const token = await readResumeToken(survey);
  if (!token) throw new NoRespondentError();
  const id = await deleteOwnResponse(survey, token);
  await clearResumeToken(survey);
  if (!id) throw new NotFoundError("Response from this browser");
  return json({ deleted: true, id });
}
