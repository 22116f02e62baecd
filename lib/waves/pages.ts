import "server-only";
// Which survey the waves pages show: ?survey=<slug>, else the dashboards' survey.
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import { slugSchema } from "@/lib/survey/slug";
import { listAllWaves } from "./lifecycle";
import type { WaveSummary } from "./schemas";

export async function loadWavesPage(searchParams: Promise<Record<string, string | string[] | undefined>>): Promise<{
  survey: string;
  waves: WaveSummary[];
}> {
  const given = (await searchParams).survey;
  const parsed = slugSchema.safeParse(typeof given === "string" ? given : SURVEY_SLUG);
  if (!parsed.success) notFound();
  try {
    return { survey: parsed.data, waves: await listAllWaves(parsed.data) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
