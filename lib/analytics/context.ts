import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import { instrumentSchema, type Instrument } from "@/lib/survey/instrument-schema";
import { parseFilters, type Filters } from "./filters";
import type { FieldIssue } from "@/lib/errors";

export interface WaveInfo {
  id: string;
  code: string;
  title: string;
  instrument: Instrument;
}

const parsed = new Map<string, Instrument>();

/** The survey's waves, newest first, with their frozen instruments. */
export async function listWaves(slug = SURVEY_SLUG): Promise<WaveInfo[]> {
  const waves = await db().wave.findMany({
    where: { survey: { slug } },
    orderBy: { opensAt: "desc" },
    select: { id: true, code: true, title: true, definition: true, definitionHash: true },
  });
  if (waves.length === 0) throw new NotFoundError(`Survey "${slug}"`);
  return waves.map((wave) => {
    let instrument = parsed.get(wave.definitionHash);
    if (!instrument) {
      instrument = instrumentSchema.parse(wave.definition);
      parsed.set(wave.definitionHash, instrument);
    }
    return { id: wave.id, code: wave.code, title: wave.title, instrument };
  });
}

export interface AnalyticsScope {
  waves: WaveInfo[];
  wave: WaveInfo;
  filters: Filters;
  problems: FieldIssue[];
}

/** Waves plus filters parsed against the chosen wave's instrument (the newest wave by default). */
export async function resolveScope(params: URLSearchParams | Record<string, string | string[] | undefined>, prefix = ""): Promise<AnalyticsScope> {
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
  const entries: [string, string][] =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([key, value]) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => [key, v] as [string, string])));
  for (const [key, value] of entries) if (key.startsWith(prefix) && (prefix === "" || key.length > prefix.length)) out.append(key.slice(prefix.length), value);
  return out;
}
