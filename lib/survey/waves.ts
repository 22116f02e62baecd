import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { Instrument } from "./instrument-schema";
import { parseStoredDefinition } from "./instruments";

export interface OpenWave {
  surveyId: string;
  slug: string;
  surveyTitle: string;
  waveId: string;
  waveCode: string;
  waveTitle: string;
  instrument: Instrument;
}

const waveSelect = {
  id: true,
  code: true,
  title: true,
  definition: true,
  definitionHash: true,
  survey: { select: { id: true, slug: true, title: true } },
} as const;

// Parsing a definition costs more than fetching it; a wave's definition only changes while it has
// no responses, and then its hash changes too, so the hash is a safe cache key.
const parsedDefinitions = new Map<string, Instrument>();

export function parseDefinition(hash: string, definition: unknown): Instrument {
  let instrument = parsedDefinitions.get(hash);
  if (!instrument) {
    instrument = parseStoredDefinition(definition);
    parsedDefinitions.set(hash, instrument);
  }
  return instrument;
}

// Every survey page, draft save and submission needs the open wave; under a submission burst that
// lookup would be most of the database's work. Found waves are reused for a few seconds (a wave
// closed by an admin stops taking responses within OPEN_WAVE_TTL_MS); misses are never cached.
const OPEN_WAVE_TTL_MS = 3000;
const openWaves = new Map<string, { wave: OpenWave; until: number }>();

/**
 * The wave that currently takes responses for a survey: the one open wave (a partial unique index
 * allows one per survey), once its opening time has come and before its close date, if any.
 */
export async function getOpenWave(slug: string): Promise<OpenWave> {
  const hit = openWaves.get(slug);
  if (hit && hit.until > Date.now()) return hit.wave;
  const { wave, closesAt } = await findOpenWave(slug);
  // Never serve a cached wave past its close date.
  openWaves.set(slug, { wave, until: Math.min(Date.now() + OPEN_WAVE_TTL_MS, closesAt?.getTime() ?? Infinity) });
  return wave;
}

/** Drops the cached open wave after this process opened or closed one (other processes wait out the TTL). */
export function forgetOpenWave(slug: string): void {
  openWaves.delete(slug);
}

async function findOpenWave(slug: string): Promise<{ wave: OpenWave; closesAt: Date | null }> {
  const now = new Date();
  const wave = await db().wave.findFirst({
    where: { status: "open", survey: { slug }, opensAt: { lte: now }, OR: [{ closesAt: null }, { closesAt: { gt: now } }] },
    orderBy: { opensAt: "desc" },
    select: { ...waveSelect, closesAt: true },
  });
  if (!wave) throw new NotFoundError(`Open survey "${slug}"`);
  return {
    closesAt: wave.closesAt,
    wave: {
      surveyId: wave.survey.id,
      slug: wave.survey.slug,
      surveyTitle: wave.survey.title,
      waveId: wave.id,
      waveCode: wave.code,
      waveTitle: wave.title,
      instrument: parseDefinition(wave.definitionHash, wave.definition),
    },
  };
}
