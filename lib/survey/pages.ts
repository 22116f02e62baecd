import "server-only";
// Data for the respondent's pages, loaded in server components.
import { getEnv } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { comparePath } from "@/lib/results/publication";
import { readResumeToken } from "./cookies";
import { findDraft, type DraftView } from "./responses";
import { localizeInstrument } from "./translations";
import { getPersonalResult, getShareSummary, type PersonalResult, type ShareSummary } from "./results";
import { slugSchema } from "./slug";
import { getOpenWave, type OpenWave } from "./waves";

async function openWaveOrNull(slug: string): Promise<OpenWave | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  try {
    return await getOpenWave(slug);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export async function loadSurveyPage(slug: string) {
  const wave = await openWaveOrNull(slug);
  if (!wave) return null;
  const token = await readResumeToken(wave.slug);
  const draft: DraftView | null = token ? await findDraft(wave, token) : null;
  return { slug: wave.slug, instrument: wave.instrument, draft, retentionDays: getEnv().PARTIAL_RETENTION_DAYS };
}

/** The result page's data; with a locale, its labels (options, dimensions, scale) in that language. */
export async function loadResultPage(
  slug: string,
  locale = "en",
): Promise<{ wave: OpenWave; result: PersonalResult | null; compareUrl: string | null } | null> {
  const open = await openWaveOrNull(slug);
  if (!open) return null;
  const wave = { ...open, instrument: localizeInstrument(open.instrument, locale) };
  const token = await readResumeToken(wave.slug);
  const [result, compareUrl] = await Promise.all([token ? getPersonalResult(wave, token) : null, comparePath(wave.slug, wave.waveCode)]);
  return { wave, result, compareUrl };
}

/** The share image's figures for this browser's completed response; null without one. */
export async function loadShareSummary(slug: string): Promise<ShareSummary | null> {
  const wave = await openWaveOrNull(slug);
  const token = wave ? await readResumeToken(wave.slug) : null;
  return wave && token ? getShareSummary(wave, token) : null;
}
