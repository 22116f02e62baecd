// Bulk insert of demo responses: one multi-row INSERT ... SELECT FROM unnest(...) per batch, which
// PostgreSQL plans once and runs at close to COPY speed, over the same wire protocol as the app.
import type pg from "pg";
import { generateRow } from "@/lib/seed/generate";

export interface SeedOptions {
  waveId: string;
  responses: number;
  seed: number;
  batchSize?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export async function insertDemoResponses(client: pg.ClientBase, options: SeedOptions): Promise<number> {
  const { waveId, responses, seed } = options;
  const batchSize = options.batchSize ?? 2000;
  // A fixed "now" per seed keeps the data identical across runs on the same day.
  const now = options.now ?? new Date(new Date().toISOString().slice(0, 10) + "T12:00:00Z");
  let inserted = 0;
  for (let start = 0; start < responses; start += batchSize) {
    const rows = Array.from({ length: Math.min(batchSize, responses - start) }, (_, i) => generateRow(seed, start + i, now));
    const col = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
    const result = await client.query(
      `INSERT INTO response (wave_id, status, source, submission_key, current_step, started_at, updated_at, submitted_at,
         industry, region, company_size, role, stage, readiness_index, answers)
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
