// npm run bench:dashboard -- [--responses 1000000] [--runs 7]
// The dashboard overview's server-side data (GET /api/v1/analytics/overview on a production
// build, session checked, JSON serialized) against PostgreSQL running equivalent hand-written
// GROUP BY queries directly, in the same run. Target: at most 3x. Uses DATABASE_URL (a database
// of its own is created and dropped) or the embedded PostgreSQL when unset.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { parseEnv } from "@/lib/env";
import { ROOT } from "../lib/proc";
import { median, prepareBench } from "./setup";

const { values } = parseArgs({ options: { responses: { type: "string", default: "1000000" }, runs: { type: "string", default: "7" } } });
const responses = Number(values.responses);
const runs = Number(values.runs);
const env = parseEnv();
const cleanups: (() => Promise<void>)[] = [];

/** The same figures as the overview, written by hand the way a DBA would. */
function baselineQueries(waveId: string, filter: string): [string, unknown[]][] {
  const where = `wave_id = $1 AND status = 'complete' ${filter}`;
  const dims = ["dim_strategy", "dim_compute", "dim_network", "dim_data", "dim_governance", "dim_talent", "dim_culture"];
  const sums = dims.map((d) => `sum((answers->>'${d}')::int), sum(((answers->>'${d}')::int)^2)`).join(", ");
  const queries: [string, unknown[]][] = [
    [`SELECT date_trunc('week', coalesce(submitted_at, updated_at)), count(*) FILTER (WHERE status = 'complete'), count(*) FILTER (WHERE status = 'partial') FROM response WHERE wave_id = $1 ${filter} GROUP BY 1`, [waveId]],
    [`SELECT industry, region, count(*), avg(readiness_index) FROM response WHERE ${where} GROUP BY 1, 2`, [waveId]],
    [`SELECT count(*), ${sums} FROM response WHERE ${where}`, [waveId]],
    [`SELECT count(*), ${sums} FROM response WHERE wave_id = $1 AND status = 'complete'`, [waveId]],
    [`SELECT stage, count(*) FROM response WHERE ${where} GROUP BY 1`, [waveId]],
    [`SELECT q, v, count(*) FROM response, LATERAL (VALUES ('concerns'), ('concerns_top3'), ('infra_current'), ('infra_planned')) AS s(q), jsonb_array_elements_text(answers->q) AS v WHERE ${where} GROUP BY 1, 2`, [waveId]],
    [`SELECT answers->>'latency_budget', answers->>'user_geography', count(*) FROM response WHERE ${where} GROUP BY 1, 2`, [waveId]],
  ];
  if (filter) queries.push([`SELECT count(*) FILTER (WHERE true ${filter}), count(*) FROM response WHERE wave_id = $1 AND status = 'complete'`, [waveId]]);
  return queries;
}

async function main() {
  console.log(`Dashboard benchmark: ${responses.toLocaleString("en")} responses, ${runs} runs per measurement`);
  const ctx = await prepareBench(env.DATABASE_URL, responses);
  cleanups.push(...ctx.cleanups);
  const { url, waveId, baseUrl, cookie } = ctx;

  const pool = new pg.Pool({ connectionString: url, max: env.DB_POOL_SIZE });
  cleanups.push(() => pool.end());
  const views = [
    { name: "overview, unfiltered", query: "", filter: "" },
    { name: "overview, filtered", query: "?industry=financial_services&region=east_asia&region=south_asia", filter: "AND industry = ANY('{financial_services}') AND region = ANY('{east_asia,south_asia}')" },
  ];
  const results: { metric: string; app_ms: number; baseline_ms: number; ratio: number; target: string; pass: boolean }[] = [];
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
    await app();
    await baseline();
    const appTimes: number[] = [];
    const baseTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate so drift on this shared machine hits both sides alike.
      baseTimes.push(await baseline());
      appTimes.push(await app());
    }
    const a = median(appTimes);
    const b = median(baseTimes);
    results.push({ metric: view.name, app_ms: Math.round(a), baseline_ms: Math.round(b), ratio: Math.round((a / b) * 100) / 100, target: "<= 3.00x", pass: a / b <= 3 });
  }

  console.log("\n| metric | app (ms) | PostgreSQL (ms) | ratio | target | result |\n|---|---|---|---|---|---|");
  for (const r of results) console.log(`| ${r.metric} | ${r.app_ms} | ${r.baseline_ms} | ${r.ratio.toFixed(2)}x | ${r.target} | ${r.pass ? "pass" : "FAIL"} |`);
  const dir = path.join(ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "latest.json"), JSON.stringify({ benchmark: "dashboard", responses, runs, at: new Date().toISOString(), results }, null, 2));
  return results.every((r) => r.pass) ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}
process.exit(code);
