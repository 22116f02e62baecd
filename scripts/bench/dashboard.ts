// Dashboard benchmark: the overview's server-side data (GET /api/v1/analytics/overview on a
// production build: session checked, suppression, statistics, JSON) against PostgreSQL running
// equivalent hand-written GROUP BY queries directly, in the same run. Target: at most 0.05x (the
// overview reads the columnar replica; these are the scans it ran before).
import pg from "pg";
import { instrumentV1 } from "@/lib/survey/instrument";
import { idOfRole, readinessDimensions } from "@/lib/survey/roles";
import type { BenchResult } from "./report";
import { timedAgainstBaseline } from "./setup";

/** The same figures as the overview, written by hand the way a DBA would. */
function baselineQueries(waveId: string, filter: string): [string, unknown[]][] {
  const where = `wave_id = $1 AND status = 'complete' ${filter}`;
  // The bench wave carries the bundled instrument; its question ids are found by role.
  const dims = readinessDimensions(instrumentV1).map((d) => d.question.id);
  const [concerns, topConcerns, infraCurrent, infraPlanned, latency, geography] = (
    ["concerns", "top_concerns", "infra_current", "infra_planned", "latency_budget", "user_geography"] as const
  ).map((role) => idOfRole(instrumentV1, role));
  const sums = dims.map((d) => `sum((answers->>'${d}')::int), sum(((answers->>'${d}')::int)^2)`).join(", ");
  const queries: [string, unknown[]][] = [
    [
      `SELECT date_trunc('week', coalesce(submitted_at, updated_at)), count(*) FILTER (WHERE status = 'complete'), ` +
        `count(*) FILTER (WHERE status = 'partial') FROM response WHERE wave_id = $1 ${filter} GROUP BY 1`,
      [waveId],
    ],
    [`SELECT industry, region, count(*), avg(readiness_index) FROM response WHERE ${where} GROUP BY 1, 2`, [waveId]],
    [`SELECT count(*), ${sums} FROM response WHERE ${where}`, [waveId]],
    [`SELECT count(*), ${sums} FROM response WHERE wave_id = $1 AND status = 'complete'`, [waveId]],
    [`SELECT stage, count(*) FROM response WHERE ${where} GROUP BY 1`, [waveId]],
    [
      `SELECT q, v, count(*) FROM response, LATERAL (VALUES ('${concerns}'), ('${topConcerns}'), ('${infraCurrent}'), ` +
        `('${infraPlanned}')) AS s(q), jsonb_array_elements_text(answers->q) AS v WHERE ${where} GROUP BY 1, 2`,
      [waveId],
    ],
    [`SELECT answers->>'${latency}', answers->>'${geography}', count(*) FROM response WHERE ${where} GROUP BY 1, 2`, [waveId]],
  ];
  if (filter)
    queries.push([
      `SELECT count(*) FILTER (WHERE true ${filter}), count(*) FROM response WHERE wave_id = $1 AND status = 'complete'`,
      [waveId],
    ]);
  return queries;
}

export interface DashboardBenchInput {
  url: string;
  waveId: string;
  baseUrl: string;
  cookie: string;
  poolSize: number;
  runs: number;
}

export async function benchDashboard({ url, waveId, baseUrl, cookie, poolSize, runs }: DashboardBenchInput): Promise<BenchResult[]> {
  // The same number of connections as the app's pool, so both sides may run queries in parallel alike.
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  try {
    const views = [
      { name: "overview, unfiltered", query: "", filter: "" },
      {
        name: "overview, 1 industry + 2 regions",
        query: "?industry=financial_services&region=east_asia&region=south_asia",
        filter: "AND industry = ANY('{financial_services}') AND region = ANY('{east_asia,south_asia}')",
      },
    ];
    const results: BenchResult[] = [];
    for (const view of views) {
      const app = async () => {
        const t = performance.now();
        const r = await fetch(`${baseUrl}/api/v1/analytics/overview${view.query}`, { headers: { cookie } });
        if (!r.ok) throw new Error(`overview answered ${r.status}`);
        await r.arrayBuffer();
        return performance.now() - t;
      };
      const baseline = async () => {
        const t = performance.now();
        await Promise.all(baselineQueries(waveId, view.filter).map(([sql, params]) => pool.query(sql, params)));
        return performance.now() - t;
      };
      results.push(await timedAgainstBaseline({ benchmark: "dashboard", metric: view.name }, app, baseline, runs, 0.05));
    }
    return results;
  } finally {
    await pool.end();
  }
}
