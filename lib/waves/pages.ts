import "server-only";
// The waves pages: ?survey=<slug> names the survey (default: the dashboards' survey); admins only.
import { notFound } from "next/navigation";
import { wavesHref } from "@/components/waves/href";
import { requireAnalystPage } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import { slugSchema } from "@/lib/survey/slug";
import { listAllWaves } from "./lifecycle";
import type { WaveSummary } from "./schemas";

export async function loadWavesPage(
  searchParams: Promise<Record<string, string | string[] | undefined>>,
  page: "" | "/new",
): Promise<{ survey: string; waves: WaveSummary[] }> {
  const given = (await searchParams).survey;
  const parsed = slugSchema.safeParse(typeof given === "string" ? given : SURVEY_SLUG);
  await requireAnalystPage(wavesHref(parsed.success ? parsed.data : SURVEY_SLUG, page), "admin");
  if (!parsed.success) notFound();
  try {
    return { survey: parsed.data, waves: await listAllWaves(parsed.data) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
