import "server-only";
// The weighting page of a wave (/dashboard/waves/weighting?wave=<code>[&survey=<slug>]; without a
// wave, the open or newest one), admins only: the wave's profile dimensions with the sample's
// current shares, the current targets and weight report, and the history of target sets.
import { notFound } from "next/navigation";
import { weightingHref } from "@/components/weighting/href";
import { requireAnalystPage } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import { slugSchema } from "@/lib/survey/slug";
import { waveCodeSchema } from "@/lib/waves/schemas";
import { dimensionOptions, type DimensionOptions } from "./instrument";
import type { StoredTargetSet, WeightReport } from "./schemas";
import { targetHistory, weightingWave, weightReport } from "./store";

export interface WeightingPage {
  survey: string;
  code: string;
  title: string;
  dimensions: DimensionOptions[];
  report: WeightReport;
  current: StoredTargetSet | null;
  history: StoredTargetSet[];
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** Without ?wave=: the open wave, else the newest (drafts included: admins set targets before opening). */
async function defaultWave(slug: string): Promise<string> {
  const open = await db().wave.findFirst({ where: { survey: { slug }, status: "open" }, select: { code: true } });
  const newest =
    open ??
    (await db().wave.findFirst({
      where: { survey: { slug } },
      orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
      select: { code: true },
    }));
  if (!newest) throw new NotFoundError(`Survey ${slug}`);
  return newest.code;
}

export async function loadWeightingPage(searchParams: Promise<Record<string, string | string[] | undefined>>): Promise<WeightingPage> {
  const params = await searchParams;
  const slug = slugSchema.safeParse(one(params.survey) ?? SURVEY_SLUG);
  const given = one(params.wave);
  const code = waveCodeSchema.safeParse(given);
  await requireAnalystPage(weightingHref(slug.success ? slug.data : SURVEY_SLUG, code.success ? code.data : ""), "admin");
  if (!slug.success || (given !== undefined && !code.success)) notFound();
  try {
    const wave = await weightingWave(slug.data, code.success ? code.data : await defaultWave(slug.data));
    const [report, { current, history }] = await Promise.all([weightReport(wave), targetHistory(wave)]);
    return {
      survey: slug.data,
      code: wave.code,
      title: wave.instrument.title,
      dimensions: dimensionOptions(wave.instrument).filter((d) => d.options.length > 0),
      report,
      current: current && current.margins.length > 0 ? current : null,
      history,
    };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
