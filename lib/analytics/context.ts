import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { parseDefinition } from "@/lib/survey/waves";
import type { Filters } from "./filters";

export interface WaveInfo {
  id: string;
  code: string;
  title: string;
  instrument: Instrument;
}

/** The survey's waves, newest first, with their frozen instruments (once per request). */
export const listWaves = cache(async (slug: string = SURVEY_SLUG): Promise<WaveInfo[]> => {
  const waves = await db().wave.findMany({
    // Drafts were never shown to respondents: not a wave to analyse (nor the dashboards' default).
    where: { survey: { slug }, status: { not: "draft" } },
    orderBy: { opensAt: "desc" },
    select: { id: true, code: true, title: true, definition: true, definitionHash: true },
  });
  if (waves.length === 0) throw new NotFoundError(`Survey "${slug}"`);
  return waves.map((wave) => ({
    id: wave.id,
    code: wave.code,
    title: wave.title,
    instrument: parseDefinition(wave.definitionHash, wave.definition),
  }));
});

export interface AnalyticsScope {
  waves: WaveInfo[];
  wave: WaveInfo;
  filters: Filters;
}

/**
 * The wave a query names (its single, known `wave` value), else the newest. A bad or repeated
 * value is reported by the query's own schema; the scope falls back so pages still render.
 */
export function pickWave(waves: WaveInfo[], given: string[]): WaveInfo {
  const named = given.length === 1 ? waves.find((w) => w.code === given[0]?.trim()) : undefined;
  return named ?? (waves[0] as WaveInfo);
}
