import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { parseDefinition } from "@/lib/survey/waves";
import { toSearchParams } from "@/lib/http/params";
import { parseFilters, type Filters } from "./filters";
import type { FieldIssue } from "@/lib/errors";

export interface WaveInfo {
  id: string;
  code: string;
  title: string;
  instrument: Instrument;
}

/** The survey's waves, newest first, with their frozen instruments. */
export async function listWaves(slug = SURVEY_SLUG): Promise<WaveInfo[]> {
  const waves = await db().wave.findMany({
    where: { survey: { slug } },
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
}

export interface AnalyticsScope {
  waves: WaveInfo[];
  wave: WaveInfo;
  filters: Filters;
  problems: FieldIssue[];
}

/** Waves plus filters parsed against the chosen wave's instrument (the newest wave by default). */
export async function resolveScope(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
  prefix = "",
): Promise<AnalyticsScope> {
  const waves = await listWaves();
  const codes = waves.map((w) => w.code);
  const scoped = prefixed(params, prefix);
  const requested = scoped.get("wave");
  const wave = waves.find((w) => w.code === requested) ?? (waves[0] as WaveInfo);
  const { filters, problems } = parseFilters(scoped, wave.instrument, codes);
  return { waves, wave, filters: { ...filters, wave: wave.code }, problems: problems.map((p) => ({ ...p, path: `${prefix}${p.path}` })) };
}

function prefixed(params: URLSearchParams | Record<string, string | string[] | undefined>, prefix: string): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of toSearchParams(params))
    if (key.startsWith(prefix) && (prefix === "" || key.length > prefix.length)) out.append(key.slice(prefix.length), value);
  return out;
}
