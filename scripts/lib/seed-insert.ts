// Bulk insert of demo responses. On a PostgreSQL server: COPY FROM STDIN, rows generated and
// streamed as they are produced (generation in Node overlaps PostgreSQL's parsing and index
// maintenance). On the embedded database, whose socket server cannot carry COPY FROM STDIN
// ("protocol synchronization was lost"): one multi-row INSERT … SELECT FROM unnest(…) per batch.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { generateRow, type SeedRow } from "@/lib/seed/generate";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { parseStoredDefinition } from "@/lib/survey/instruments";
import type { DemoWave } from "@/lib/seed/waves";

export interface SeedOptions {
  waveId: string;
  responses: number;
  seed: number;
  /** "copy" needs a real PostgreSQL server; "insert" works everywhere. */
  method?: "copy" | "insert";
  batchSize?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
  /** The wave's instrument; read from the wave when not given. */
  instrument?: Instrument;
  /** Where the wave lies along the demo drift (1, the default: the newest) and how many days its rows span (60). */
  drift?: number;
  windowDays?: number;
}

type ResolvedSeedOptions = SeedOptions & { instrument: Instrument };

/** A wave's own frozen instrument: answers are generated under its question and option ids. */
async function waveInstrument(client: pg.ClientBase, waveId: string): Promise<Instrument> {
  const { rows } = await client.query<{ definition: unknown }>(`SELECT definition FROM wave WHERE id = $1`, [waveId]);
  if (!rows[0]) throw new Error(`wave ${waveId} not found`);
  return parseStoredDefinition(rows[0].definition);
}

/** The columns both methods write, in COPY order. */
export const SEED_COLUMNS = [
  "wave_id",
  "status",
  "source",
  "submission_key",
  "current_step",
  "started_at",
  "updated_at",
  "submitted_at",
  "industry",
  "region",
  "company_size",
  "role",
  "stage",
  "readiness_index",
  "answers",
] as const;

/** A fixed "now" per seed keeps the data identical across runs on the same day. */
export const seedNow = () => new Date(new Date().toISOString().slice(0, 10) + "T12:00:00Z");

/** Inserts rows 0..responses-1 of the seed; rows already present are kept. Returns rows added. */
export async function insertDemoResponses(client: pg.ClientBase, options: SeedOptions): Promise<number> {
  const resolved = { ...options, instrument: options.instrument ?? (await waveInstrument(client, options.waveId)) };
  return options.method === "copy" ? copyDemoResponses(client, resolved) : insertBatches(client, resolved);
}

// A field of COPY's CSV input: unquoted empty is NULL, everything else quoted with "" escapes.
const field = (value: string | number | null): string =>
  value === null ? "" : typeof value === "number" ? String(value) : `"${value.replace(/"/g, '""')}"`;

/** One COPY input line for a generated row (same values as the INSERT path). */
export function seedCsvLine(waveId: string, row: SeedRow): string {
  const started = row.startedAt.toISOString();
  const submitted = row.submittedAt?.toISOString() ?? null;
  return (
    [
      field(waveId),
      row.status,
      "seed",
      field(row.submissionKey),
      String(row.currentStep),
      started,
      submitted ?? started,
      submitted ?? "",
      field(row.industry),
      field(row.region),
      field(row.companySize),
      field(row.role),
      field(row.stage),
      row.readinessIndex === null ? "" : String(row.readinessIndex),
      field(JSON.stringify(row.answers)),
    ].join(",") + "\n"
  );
}

/** Streams generated rows as COPY input, in chunks of about 256 rows, skipping `skip` keys. */
export function seedCsvStream(waveId: string, options: ResolvedSeedOptions, skip: Set<string> = new Set()): Readable {
  const now = options.now ?? seedNow();
  let index = 0;
  return new Readable({
    read() {
      let chunk = "";
      let lines = 0;
      while (index < options.responses && lines < 256) {
        const row = generateRow(options.seed, index++, now, options.instrument, options.drift, options.windowDays);
        if (row.submissionKey && skip.has(row.submissionKey)) continue;
        chunk += seedCsvLine(waveId, row);
        lines++;
      }
      options.onProgress?.(index, options.responses); // the reporter throttles its redraws
      if (chunk) this.push(chunk);
      if (index >= options.responses) this.push(null);
    },
  });
}

export const copySeedSql = (table: string) => `COPY ${table} (${SEED_COLUMNS.join(", ")}) FROM STDIN WITH (FORMAT csv)`;

async function copyDemoResponses(client: pg.ClientBase, options: ResolvedSeedOptions): Promise<number> {
  // COPY has no ON CONFLICT: leave out the rows of this seed that are already there.
  const existing = await client.query<{ k: string }>(
    `SELECT submission_key AS k FROM response WHERE wave_id = $1 AND source = 'seed' AND submission_key LIKE $2`,
    [options.waveId, `seed:${options.seed}:%`],
  );
  const skip = new Set(existing.rows.map((r) => r.k));
  const copy = client.query(copyFrom(copySeedSql("response")));
  await pipeline(seedCsvStream(options.waveId, options, skip), copy);
  return copy.rowCount ?? 0;
}

async function insertBatches(client: pg.ClientBase, options: ResolvedSeedOptions): Promise<number> {
  const { waveId, responses, seed } = options;
  const batchSize = options.batchSize ?? 2000;
  const now = options.now ?? seedNow();
  let inserted = 0;
  for (let start = 0; start < responses; start += batchSize) {
    const rows = Array.from({ length: Math.min(batchSize, responses - start) }, (_, i) =>
      generateRow(seed, start + i, now, options.instrument, options.drift, options.windowDays),
    );
    const col = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
    const result = await client.query(
      `INSERT INTO response (${SEED_COLUMNS.join(", ")})
       SELECT $1::uuid, s::response_status, 'seed', k, c, st, coalesce(sub, st), sub, i, r, cs, ro, sg, ri, a
       FROM unnest($2::text[], $3::text[], $4::smallint[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::real[], $13::jsonb[])
         AS t(s, k, c, st, sub, i, r, cs, ro, sg, ri, a)
       ON CONFLICT (submission_key) DO NOTHING`,
      [
        waveId,
        col((r) => r.status),
        col((r) => r.submissionKey),
        col((r) => r.currentStep),
        col((r) => r.startedAt.toISOString()),
        col((r) => r.submittedAt?.toISOString() ?? null),
        col((r) => r.industry),
        col((r) => r.region),
        col((r) => r.companySize),
        col((r) => r.role),
        col((r) => r.stage),
        col((r) => r.readinessIndex),
        col((r) => JSON.stringify(r.answers)),
      ],
    );
    inserted += result.rowCount ?? 0;
    options.onProgress?.(start + rows.length, responses);
  }
  return inserted;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Demo rows for each wave of the demo history (ensureSurvey's demoWaves): `responses` in the open
 * wave, `olderResponses` (default the same) in each earlier one, each wave with its instrument,
 * drift, dates and a seed of its own. Returns rows added.
 */
export async function insertDemoWaves(
  client: pg.ClientBase,
  waves: (DemoWave & { id: string })[],
  options: Omit<SeedOptions, "waveId" | "instrument" | "drift" | "windowDays"> & { olderResponses?: number },
): Promise<number> {
  const now = options.now ?? seedNow();
  let added = 0;
  for (const wave of waves) {
    added += await insertDemoResponses(client, {
      ...options,
      waveId: wave.id,
      instrument: wave.instrument,
      drift: wave.drift,
      windowDays: wave.windowDays,
      seed: options.seed + wave.seedOffset,
      responses: wave.endsDaysAgo === 0 ? options.responses : (options.olderResponses ?? options.responses),
      now: new Date(now.getTime() - wave.endsDaysAgo * DAY),
    });
  }
  return added;
}
