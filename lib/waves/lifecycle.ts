import "server-only";
// The server's entry to the wave lifecycle (./store.ts holds the rules and the SQL): each call takes
// a connection from the primary's pool, and forgets the cached open wave after a change, so this
// process's respondents see the new one at once (other processes within OPEN_WAVE_TTL_MS).
import type pg from "pg";
import { primaryPool } from "@/lib/db/pg";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import { forgetOpenWave } from "@/lib/survey/waves";
import type { PublishRequest, WaveSummary } from "./schemas";
import * as store from "./store";

async function withConnection<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await primaryPool().connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

async function changing<T>(slug: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  try {
    return await withConnection(work);
  } finally {
    forgetOpenWave(slug);
  }
}

export const listAllWaves = (slug = SURVEY_SLUG): Promise<WaveSummary[]> => withConnection((c) => store.listAllWaves(c, slug));

export const reviewDefinition = (definition: unknown, slug = SURVEY_SLUG): Promise<store.DefinitionReview> =>
  withConnection((c) => store.reviewDefinition(c, slug, definition));

export const publishWave = (request: PublishRequest, slug = SURVEY_SLUG): Promise<WaveSummary> =>
  changing(slug, async (c) => (await store.publishWave(c, slug, request)).summary);

export const openWave = (code: string, closesAt?: string | null, slug = SURVEY_SLUG): Promise<WaveSummary> =>
  changing(slug, (c) => store.openWave(c, slug, code, closesAt));

export const closeWave = (code: string, at?: string | null, slug = SURVEY_SLUG): Promise<WaveSummary> =>
  changing(slug, (c) => store.closeWave(c, slug, code, at));

export const replaceDefinition = (code: string, definition: unknown, slug = SURVEY_SLUG): Promise<WaveSummary> =>
  changing(slug, (c) => store.replaceDefinition(c, slug, code, definition));
