import "server-only";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { db } from "@/lib/db/client";
import { refusal, toOutcome, type Quota } from "@/lib/ratelimit";
import { isUniqueViolation } from "@/lib/db/errors";
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { compactAnswers, completeAnswersSchema, draftAnswersSchema, toFieldIssues } from "./answers";
import { canonicalJson, sha256 } from "./definition-hash";
import type { Answers, Instrument } from "./instrument-schema";
import { hashResumeToken, newResumeToken } from "./resume-token";
import { profileOf, readinessIndex } from "./scoring";
import { storeApiSubmission } from "./submission-batch";
import type { OpenWave } from "./waves";

export const draftSelect = {
  id: true,
  waveId: true,
  status: true,
  currentStep: true,
  answers: true,
  submittedAt: true,
} as const;

export type Draft = Prisma.ResponseGetPayload<{ select: typeof draftSelect }>;

export interface DraftView {
  id: string;
  status: "partial" | "complete";
  currentStep: number;
  answers: Answers;
}

function toView(draft: Draft): DraftView {
  return { id: draft.id, status: draft.status, currentStep: draft.currentStep, answers: draft.answers as Answers };
}

/** The respondent's response in the open wave, found by their resume token. */
export async function findDraft(wave: OpenWave, token: string): Promise<DraftView | null> {
  const draft = await db().response.findUnique({ where: { resumeTokenHash: hashResumeToken(token) }, select: draftSelect });
  return draft && draft.waveId === wave.waveId ? toView(draft) : null;
}

function validateDraftAnswers(instrument: Instrument, answers: Record<string, unknown>): Answers {
  const parsed = draftAnswersSchema(instrument).safeParse(answers);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error, ["answers"]));
  return compactAnswers(parsed.data);
}

export function validateCompleteAnswers(instrument: Instrument, answers: Record<string, unknown>): Answers {
  const parsed = completeAnswersSchema(instrument).safeParse(answers);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error, ["answers"]));
  return compactAnswers(parsed.data);
}

function derivedColumns(instrument: Instrument, answers: Answers) {
  return { ...profileOf(instrument, answers), readinessIndex: readinessIndex(instrument, answers) };
}

/**
 * Saves one step of a draft: merges the step's answers (null clears one) into the stored ones,
 * validates the merged whole, and records the step to resume at. Creates the draft and its
 * token when the respondent has none. Runs in one transaction with the row locked, so two tabs
 * saving at once cannot lose each other's answers.
 */
export async function saveDraft(
  wave: OpenWave,
  token: string | null,
  step: number,
  stepAnswers: Record<string, unknown>,
): Promise<{ token: string; draft: DraftView }> {
  const { instrument } = wave;
  if (step > instrument.sections.length) {
    throw new ValidationError([{ path: "step", message: `must be at most ${instrument.sections.length}` }]);
  }
  // Reject malformed answers before touching the database; the merged whole is checked below.
  validateDraftAnswers(instrument, { ...stepAnswers, ...blankRanks(instrument, stepAnswers) });

  return db().$transaction(async (tx) => {
    const existing = token
      ? await tx.$queryRaw<{ id: string; status: string; answers: Answers; wave_id: string }[]>`
          SELECT id, status, answers, wave_id FROM response
          WHERE resume_token_hash = ${hashResumeToken(token)} FOR UPDATE`
      : [];
    const current = existing[0]?.wave_id === wave.waveId ? existing[0] : undefined;
    if (current?.status === "complete") {
      throw new ConflictError("already_submitted", "This response was already submitted; it can no longer change.");
    }
    const merged = validateDraftAnswers(instrument, { ...(current?.answers ?? {}), ...stepAnswers });
    const data = { answers: merged, currentStep: step, ...derivedColumns(instrument, merged) };
    if (current) {
      const draft = await tx.response.update({ where: { id: current.id }, data, select: draftSelect });
      return { token: token as string, draft: toView(draft) };
    }
    const fresh = newResumeToken();
    const draft = await tx.response.create({
      data: { ...data, waveId: wave.waveId, source: "web", resumeTokenHash: hashResumeToken(fresh) },
      select: draftSelect,
    });
    return { token: fresh, draft: toView(draft) };
  });
}

/** Rank rules depend on answers that may be stored rather than sent; the early check leaves
 * ranks whose source question is not in this request to the merged check. */
function blankRanks(instrument: Instrument, answers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const section of instrument.sections) {
    for (const question of section.questions) {
      if (question.type === "rank" && question.id in answers && !(question.optionsFrom in answers)) {
        out[question.id] = undefined;
      }
    }
  }
  return out;
}

export interface SubmitResult {
  id: string;
  created: boolean;
}

/**
 * Turns the respondent's draft into a complete response. Idempotent: a double click, a retry
 * after a timeout or a resubmit from an old tab returns the same response without change.
 */
export async function submitDraft(
  wave: OpenWave,
  token: string,
  submissionId: string,
  language: Locale = DEFAULT_LOCALE,
): Promise<SubmitResult> {
  const { instrument } = wave;
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; status: string; answers: Answers; wave_id: string }[]>`
      SELECT id, status, answers, wave_id FROM response
      WHERE resume_token_hash = ${hashResumeToken(token)} FOR UPDATE`;
    const row = rows[0];
    if (!row || row.wave_id !== wave.waveId) throw new NotFoundError("Survey in progress");
    if (row.status === "complete") return { id: row.id, created: false };
    const answers = validateCompleteAnswers(instrument, row.answers);
    try {
      await tx.response.update({
        where: { id: row.id },
        data: {
          status: "complete",
          submissionKey: `web:${submissionId}`,
          submissionHash: sha256(canonicalJson(answers)),
          submittedAt: new Date(),
          currentStep: instrument.sections.length,
          language,
          answers,
          ...derivedColumns(instrument, answers),
        },
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError("submission_id_in_use", "This submission id belongs to another response.", [
          { path: "submissionId", message: "is already used by another response" },
        ]);
      }
      throw error;
    }
    return { id: row.id, created: true };
  });
}

/**
 * Stores a complete response from the JSON API under its Idempotency-Key, counted against `quota`
 * (batched with concurrent submissions: lib/survey/submission-batch.ts). The unique key makes a
 * repeat (or 50 concurrent copies) resolve to one row; reusing a key for other answers is refused.
 * `answers` have passed validateCompleteAnswers.
 */
export async function submitComplete(
  wave: OpenWave,
  idempotencyKey: string,
  answers: Answers,
  quota: Quota,
  language: Locale = DEFAULT_LOCALE,
): Promise<SubmitResult> {
  const { instrument } = wave;
  const submissionKey = `api:${idempotencyKey}`;
  const submissionHash = sha256(canonicalJson(answers));
  const stored = await storeApiSubmission(quota.limit, {
    subject: quota.subject,
    waveId: wave.waveId,
    submissionKey,
    submissionHash,
    currentStep: instrument.sections.length,
    language,
    ...derivedColumns(instrument, answers),
    answers,
  });
  const outcome = toOutcome(quota.limit, { count: stored.count, retry_after: stored.retryAfter });
  if (!outcome.allowed) throw refusal(quota, outcome);
  if (stored.id) return { id: stored.id, created: true };
  const winner = await findBySubmissionKey(submissionKey);
  if (!winner)
    throw new ConflictError(
      "idempotency_key_in_flight",
      "The response is being stored by another request; retry with the same Idempotency-Key.",
    );
  return replay(winner, wave, submissionHash);
}

async function findBySubmissionKey(submissionKey: string) {
  return db().response.findUnique({ where: { submissionKey }, select: { id: true, waveId: true, submissionHash: true } });
}

function replay(existing: { id: string; waveId: string; submissionHash: string | null }, wave: OpenWave, hash: string): SubmitResult {
  if (existing.waveId !== wave.waveId || existing.submissionHash !== hash) {
    throw new UnprocessableError("idempotency_key_reused", "This Idempotency-Key was already used for different answers.", [
      { path: "Idempotency-Key", message: "was already used with a different request body" },
    ]);
  }
  return { id: existing.id, created: false };
}
