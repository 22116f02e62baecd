// Trends benchmark: GET /api/v1/analytics/trends over three waves (session, per-wave SQL,
// suppression, intervals, wave-over-wave tests, BH, JSON) against PostgreSQL running the same
// per-wave aggregates written by hand, with the same pool size, in the same run. Target: at most 3x.
// The seeded rows are split into three waves first (two older waves take a third each), so it
// runs after the benchmarks that read the whole seeded wave.
import pg from "pg";
import { definitionHash } from "@/lib/survey/definition-hash";
import { instrumentV1 } from "@/lib/survey/instrument";
import { idOfRole, readinessDimensions } from "@/lib/survey/roles";
import { withClient } from "../lib/database";
import type { BenchResult } from "./report";
import { timedAgainstBaseline } from "./setup";

const WAVES = [
  { code: "bench-2026-Q2", title: "Bench Q2", opensAt: "2026-04-01T00:00:00Z", part: 1 },
  { code: "bench-2026-Q3", title: "Bench Q3", opensAt: "2026-07-01T00:00:00Z", part: 2 },
];

/** Moves two thirds of the seeded wave's rows into two older waves; returns the three waves' ids and codes, oldest first. */
export async function splitIntoWaves(url: string, waveId: string): Promise<{ id: string; code: string }[]> {
  return withClient(url, async (client) => {
    const main = await client.query<{ code: string; survey_id: string }>(`SELECT code, survey_id FROM wave WHERE id = $1`, [waveId]);
    const { code, survey_id: surveyId } = main.rows[0] ?? { code: "", survey_id: "" };
    const waves: { id: string; code: string }[] = [];
    for (const w of WAVES) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO wave (survey_id, code, title, status, definition, definition_hash, opens_at)
         VALUES ($1, $2, $3, 'closed', $4, $5, $6) ON CONFLICT (survey_id, code) DO UPDATE SET title = EXCLUDED.title RETURNING id`,
        [surveyId, w.code, w.title, JSON.stringify(instrumentV1), definitionHash(instrumentV1), w.opensAt],
      );
      const id = rows[0]?.id ?? "";
      // A third of the rows each, chosen by id (uniformly random uuids).
      await client.query(
        `UPDATE response SET wave_id = $1 WHERE wave_id = $2 AND ('x' || substr(id::text, 1, 8))::bit(32)::bigint % 3 = $3`,
        [id, waveId, w.part],
      );
      waves.push({ id, code: w.code });
    }
    await client.query("VACUUM ANALYZE response");
    return [...waves, { id: waveId, code }];
  });
}

/** The same figures as the trends, per wave, written by hand the way a DBA would. */
function baselineQueries(waveId: string, filter: string): [string, unknown[]][] {
  const where = `wave_id = $1 AND status = 'complete' ${filter}`;
  // The bench waves carry the bundled instrument; its question ids are found by role.
  const dims = readinessDimensions(instrumentV1).map((d) => d.question.id);
  const [topConcerns, infraPlanned] = (["top_concerns", "infra_planned"] as const).map((role) => idOfRole(instrumentV1, role));
  const sums = dims.map((d) => `count(answers->'${d}'), sum((answers->>'${d}')::int), sum(((answers->>'${d}')::int)^2)`).join(", ");
  const queries: [string, unknown[]][] = [
    [
      `SELECT count(*), sum(readiness_index::float8), sum(readiness_index::float8 ^ 2), ` +
        `count(*) FILTER (WHERE stage IN ('limited_production', 'scaled_production')), ${sums} FROM response WHERE ${where}`,
      [waveId],
    ],
    [
      `SELECT q, v, count(*) FROM response, LATERAL (VALUES ('${topConcerns}'), ('${infraPlanned}')) AS s(q), ` +
        `jsonb_array_elements_text(answers->q) AS v WHERE ${where} GROUP BY 1, 2`,
      [waveId],
    ],
  ];
  if (filter)
    queries.push([
      `SELECT count(*) FILTER (WHERE true ${filter}), count(*) FROM response WHERE wave_id = $1 AND status = 'complete'`,
      [waveId],
    ]);
  return queries;
}

export interface TrendsBenchInput {
  url: string;
  waves: { id: string; code: string }[];
  baseUrl: string;
  cookie: string;
  poolSize: number;
  runs: number;
}

export async function benchTrends({ url, waves, baseUrl, cookie, poolSize, runs }: TrendsBenchInput): Promise<BenchResult[]> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const codes = waves.map((w) => w.code).join(",");
  try {
    const views = [
      { name: "trends, 3 waves, unfiltered", query: "", filter: "" },
      {
        name: "trends, 3 waves, 1 industry + 2 regions",
        query: "&industry=financial_services&region=east_asia&region=south_asia",
        filter: "AND industry = ANY('{financial_services}') AND region = ANY('{east_asia,south_asia}')",
      },
    ];
    const results: BenchResult[] = [];
    for (const view of views) {
      const app = async () => {
        const t = performance.now();
        const r = await fetch(`${baseUrl}/api/v1/analytics/trends?waves=${codes}${view.query}`, { headers: { cookie } });
        if (!r.ok) throw new Error(`trends answered ${r.status}`);
        await r.arrayBuffer();
        return performance.now() - t;
      };
      const baseline = async () => {
        const t = performance.now();
        await Promise.all(waves.flatMap((w) => baselineQueries(w.id, view.filter).map(([sql, params]) => pool.query(sql, params))));
        return performance.now() - t;
      };
      results.push(await timedAgainstBaseline({ benchmark: "trends", metric: view.name }, app, baseline, runs));
    }
    return results;
  } finally {
    await pool.end();
  }
}
