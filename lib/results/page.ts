import "server-only";
// The public results page's data (/results/{survey}/{wave}; issue 17): only for a published wave
// (otherwise NotFound), only its chosen panels, every figure protected (cell-key perturbation,
// docs/PRIVACY.md) whoever asks: the page has no sign-in and no filters. Memoized per request, so
// the page and its metadata read it once. Its figures are the same for everyone, so they are cached
// per version of the wave's rows in the replica (lib/results/versioned-cache.ts): a page read after
// no change costs a version check, and after a change readers get the previous figures (known
// current at most PUBLIC_RESULTS_MAX_STALE_SECONDS ago) while new ones are computed once.
import { cache } from "react";
import { emptyFilters } from "@/lib/analytics/filters";
import { getOverview, type Overview } from "@/lib/analytics/overview";
import { db } from "@/lib/db/client";
import { waveVersion } from "@/lib/engine";
import { withFigures } from "@/lib/engine/figures";
import { getEnv } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { getFindings, type FindingsReport } from "@/lib/findings";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { getOpenWave, parseDefinition } from "@/lib/survey/waves";
import { orderedPanels, RESULT_PANELS, type ResultPanel } from "./panels";
import { VersionedCache } from "./versioned-cache";

export interface PublicResults {
  survey: string;
  wave: string;
  surveyTitle: string;
  waveTitle: string;
  publishedAt: string;
  panels: ResultPanel[];
  k: number;
  /** The protected number of complete responses, or null when withheld. */
  respondents: number | null;
  /** Protected overview figures (whole wave, no filters). */
  overview: Overview;
  /** Protected findings, when the findings panel is chosen. */
  findings: FindingsReport | null;
  /** The survey, for "compare your organization", while a wave is open; else null. */
  surveyHref: string | null;
}

async function publishedWave(slug: string, code: string) {
  const wave = await db().wave.findFirst({
    where: { code, survey: { slug }, status: { not: "draft" }, publication: { publishedAt: { not: null } } },
    select: {
      id: true,
      code: true,
      title: true,
      definition: true,
      definitionHash: true,
      survey: { select: { slug: true, title: true } },
      publication: { select: { panels: true, publishedAt: true, updatedAt: true } },
    },
  });
  if (!wave?.publication?.publishedAt) throw new NotFoundError(`Published results of wave "${code}" of survey "${slug}"`);
  return wave;
}

async function openSurveyHref(slug: string): Promise<string | null> {
  try {
    const open = await getOpenWave(slug);
    return `/survey/${encodeURIComponent(open.slug)}`;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

interface Figures {
  overview: Overview;
  findings: FindingsReport | null;
}

const globalForResults = globalThis as unknown as { readinessPublicFigures?: VersionedCache<Figures> };
// One per process (Next.js may load this module in several bundles); a few waves are ever public.
const figuresCache = (globalForResults.readinessPublicFigures ??= new VersionedCache<Figures>(32));

/** A published wave's results, protected; NotFoundError when the wave does not exist or is not published. */
export const loadPublicResults = cache(async (slug: string, code: string): Promise<PublicResults> => {
  const wave = await publishedWave(slug, code);
  const instrument: Instrument = parseDefinition(wave.definitionHash, wave.definition);
  const panels = orderedPanels(
    wave.publication?.panels.filter((p): p is ResultPanel => (RESULT_PANELS as readonly string[]).includes(p)) ?? [],
  );
  const filters = { ...emptyFilters(), wave: wave.code };
  // Protected whoever asks: an analyst opening the public page sees what the public sees.
  const figures = () =>
    withFigures("protected", async (): Promise<Figures> => {
      const [overview, findings] = await Promise.all([
        getOverview(wave.id, instrument, filters),
        panels.includes("findings") ? getFindings(wave.id, instrument, filters) : Promise.resolve(null),
      ]);
      return { overview, findings };
    });
  // A new publication (panels, republished) is another key: never served from the old one.
  const key = [wave.id, wave.definitionHash, wave.publication?.updatedAt.toISOString(), panels.join(",")].join("|");
  const [{ overview, findings }, surveyHref] = await Promise.all([
    waveVersion(wave.id, instrument).then((version) =>
      figuresCache.get(key, version, getEnv().PUBLIC_RESULTS_MAX_STALE_SECONDS * 1000, figures),
    ),
    openSurveyHref(wave.survey.slug),
  ]);
  return {
    survey: wave.survey.slug,
    wave: wave.code,
    surveyTitle: wave.survey.title,
    waveTitle: wave.title,
    publishedAt: (wave.publication?.publishedAt as Date).toISOString(),
    panels,
    k: getEnv().SUPPRESSION_K,
    respondents: overview.reportable ? overview.complete : null,
    overview,
    findings,
    surveyHref,
  };
});
