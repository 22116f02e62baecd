"use server";
// The dashboard's wave actions (admin): check a pasted or uploaded definition, publish it, open a
// draft, close a wave. Same rules and schemas as the API (lib/waves/routes.ts).
import { revalidatePath } from "next/cache";
import { isForm } from "@/lib/auth/schemas";
import { requireAnalystAction } from "@/lib/auth/session";
import { AppError, type FieldIssue } from "@/lib/errors";
import type { Instrument } from "@/lib/survey/instrument-schema";
import type { WaveDiff } from "./diff";
import { closeWave, openWave, publishWave, reviewDefinition } from "./lifecycle";
import { publishRequestSchema, type WaveSummary } from "./schemas";
import { formatPath } from "./definition";
import { slugSchema } from "@/lib/survey/slug";
import { SURVEY_SLUG } from "@/lib/survey/instrument";

/** The survey an action acts on (the dashboards' survey unless a page names another). */
const surveyOf = (value: unknown): string => slugSchema.catch(SURVEY_SLUG).parse(value ?? SURVEY_SLUG);

export type ReviewState =
  | { ok: true; instrument: Instrument; previous: { code: string } | null; diff: WaveDiff | null }
  | { ok: false; message: string; issues: FieldIssue[] };

export type PublishState = { ok: true; wave: WaveSummary } | { ok: false; message: string; issues: FieldIssue[] };

function refusal(error: unknown): { ok: false; message: string; issues: FieldIssue[] } {
  if (error instanceof AppError && error.status < 500) return { ok: false, message: error.message, issues: error.fields };
  throw error;
}

/** Validates definition text and diffs it against the previous wave. */
export async function reviewDefinitionAction(survey: string, text: string): Promise<ReviewState> {
  await requireAnalystAction("admin");
  try {
    return { ok: true, ...(await reviewDefinition(String(text), surveyOf(survey))) };
  } catch (error) {
    return refusal(error);
  }
}

export async function publishWaveAction(
  survey: string,
  input: {
    code: string;
    title: string;
    definition: string;
    status: "draft" | "open";
    closesAt: string | null;
  },
): Promise<PublishState> {
  await requireAnalystAction("admin");
  const parsed = publishRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
    return { ok: false, message: "Please correct the highlighted fields", issues };
  }
  try {
    const wave = await publishWave(parsed.data, surveyOf(survey));
    revalidatePath("/dashboard/waves");
    return { ok: true, wave };
  } catch (error) {
    return refusal(error);
  }
}

/** What the list's open/close buttons show after acting: done, or why not. */
export type WaveActionState = { ok: boolean; message: string } | null;

async function changeStatus(form: unknown, change: "open" | "close"): Promise<WaveActionState> {
  await requireAnalystAction("admin");
  if (!isForm(form)) return { ok: false, message: "This form could not be read. Reload the page and try again." };
  const code = String(form.get("code") ?? "");
  try {
    if (change === "open") await openWave(code, null, surveyOf(form.get("survey")));
    else await closeWave(code, null, surveyOf(form.get("survey")));
  } catch (error) {
    const refused = refusal(error);
    return { ok: false, message: refused.issues[0] ? `${refused.message} (${refused.issues[0].message})` : refused.message };
  }
  revalidatePath("/dashboard/waves");
  return { ok: true, message: change === "open" ? `${code} is open.` : `${code} is closed.` };
}

export async function openWaveAction(_previous: WaveActionState, form: FormData): Promise<WaveActionState> {
  return changeStatus(form, "open");
}

export async function closeWaveAction(_previous: WaveActionState, form: FormData): Promise<WaveActionState> {
  return changeStatus(form, "close");
}
