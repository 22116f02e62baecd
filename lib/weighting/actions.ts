"use server";
// The dashboard's weighting actions (admin): save a target set from the form or an uploaded CSV,
// clear the targets. The same schemas and checks as the API (lib/weighting/routes.ts): the form's
// input goes through targetSetInputSchema, then checkTargets against the wave's instrument; every
// problem comes back named by the API's path (margins[3].share, margins.region, trim.lower; CSV
// problems by line and column), so the form puts each beside its field.
import { revalidatePath } from "next/cache";
import { requireAnalystAction } from "@/lib/auth/session";
import { AppError, type FieldIssue } from "@/lib/errors";
import { formatPath } from "@/lib/waves/definition";
import { slugSchema } from "@/lib/survey/slug";
import { waveCodeSchema } from "@/lib/waves/schemas";
import { parseTargetCsv } from "./csv";
import { targetSetInputSchema, trimCapsSchema } from "./schemas";
import { clearTargets, saveTargets, weightingWave, weightReport } from "./store";

export type TargetsActionState = { ok: true; message: string } | { ok: false; message: string; issues: FieldIssue[] };

const PAGE = "/dashboard/waves/weighting";

function refusal(error: unknown): TargetsActionState {
  if (error instanceof AppError && error.status < 500)
    return { ok: false, message: error.fields.length ? "Please correct the highlighted fields" : error.message, issues: error.fields };
  throw error;
}

async function waveOf(survey: unknown, code: unknown) {
  const slug = slugSchema.safeParse(survey);
  const wave = waveCodeSchema.safeParse(code);
  if (!slug.success || !wave.success) return null;
  return weightingWave(slug.data, wave.data);
}

/** What the report says after a save: weighted (n_eff), or why the figures stay unweighted. */
async function outcome(wave: Awaited<ReturnType<typeof weightingWave>>, saved: string): Promise<TargetsActionState> {
  const report = await weightReport(wave);
  revalidatePath(PAGE);
  if (report.status === "weighted")
    return { ok: true, message: `${saved} The wave is weighted: n = ${report.weights.n}, n_eff = ${report.weights.nEff.toFixed(1)}.` };
  if (report.status === "failed")
    return { ok: true, message: `${saved} Raking did not converge, so figures stay unweighted: ${report.raking?.problem?.message ?? ""}` };
  return { ok: true, message: `${saved} Figures are unweighted.` };
}

/** Saves the form's targets (a new revision). */
export async function saveTargetsAction(survey: string, code: string, input: unknown): Promise<TargetsActionState> {
  const admin = await requireAnalystAction("admin");
  const parsed = targetSetInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
    return { ok: false, message: "Please correct the highlighted fields", issues };
  }
  if (parsed.data.margins.length === 0)
    return {
      ok: false,
      message: "Target at least one dimension, or clear the targets",
      issues: [{ path: "margins", message: "no dimension targeted" }],
    };
  try {
    const wave = await waveOf(survey, code);
    if (!wave) return { ok: false, message: "Unknown wave", issues: [] };
    const saved = await saveTargets(
      wave,
      { rows: parsed.data.margins, trim: parsed.data.trim, source: "json" },
      { ...admin, via: "session" },
    );
    return await outcome(wave, `Saved as revision ${saved.revision}.`);
  } catch (error) {
    return refusal(error);
  }
}

/** Saves targets from an uploaded CSV file (dimension,category,share), with the form's trimming caps. */
export async function uploadTargetsCsvAction(survey: string, code: string, text: string, trim: unknown): Promise<TargetsActionState> {
  const admin = await requireAnalystAction("admin");
  const caps = trim === null ? { success: true as const, data: null } : trimCapsSchema.safeParse(trim);
  if (!caps.success) {
    const issues = caps.error.issues.map((issue) => ({ path: formatPath(["trim", ...issue.path]), message: issue.message }));
    return { ok: false, message: "Please correct the highlighted fields", issues };
  }
  if (typeof text !== "string" || text.length > 256 * 1024)
    return { ok: false, message: "The file is too large (256 KB at most)", issues: [{ path: "file", message: "at most 256 KB" }] };
  const parsed = parseTargetCsv(text);
  if (parsed.issues.length > 0) return { ok: false, message: "The CSV has problems", issues: parsed.issues };
  try {
    const wave = await waveOf(survey, code);
    if (!wave) return { ok: false, message: "Unknown wave", issues: [] };
    const saved = await saveTargets(
      wave,
      { rows: parsed.rows, trim: caps.data, source: "csv", rowPath: parsed.rowPath },
      { ...admin, via: "session" },
    );
    return await outcome(wave, `Saved from the CSV as revision ${saved.revision}.`);
  } catch (error) {
    return refusal(error);
  }
}

/** Clears the targets (a revision of its own): the wave's figures are unweighted again. */
export async function clearTargetsAction(survey: string, code: string): Promise<TargetsActionState> {
  const admin = await requireAnalystAction("admin");
  const wave = await waveOf(survey, code);
  if (!wave) return { ok: false, message: "Unknown wave", issues: [] };
  const saved = await clearTargets(wave, { ...admin, via: "session" });
  revalidatePath(PAGE);
  return { ok: true, message: `Targets cleared (revision ${saved.revision}); figures are unweighted.` };
}
