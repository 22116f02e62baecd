// npm run bench:dashboard -- [--responses 1000000] [--runs 7]
// The dashboard overview's server-side data (GET /api/v1/analytics/overview on a production
// build, session checked, JSON serialized) against PostgreSQL running equivalent hand-written
// GROUP BY queries directly, in the same run. Target: at most 3x. Uses DATABASE_URL (a database
// of its own is created and dropped) or the embedded PostgreSQL when unset.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { parseEnv } from "@/lib/env";
import { ensureAdmin } from "../lib/admin";
import { ensureSurvey } from "../lib/bootstrap";
import { buildIfNeeded } from "../lib/build";
import { withClient } from "../lib/database";
import { startEmbeddedPostgres } from "../lib/embedded-postgres";
import { migrateDeploy } from "../lib/migrate";
import { ROOT, bin, freePort, start, stop, waitForHttp } from "../lib/proc";
import { progressReporter } from "../lib/progress";
import { insertDemoResponses } from "../lib/seed-insert";

const { values } = parseArgs({ options: { responses: { type: "string", default: "1000000" }, runs: { type: "string", default: "7" } } });
const responses = Number(values.responses);
const runs = Number(values.runs);
const env = parseEnv();
const cleanups: (() => Promise<void>)[] = [];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

async function database(): Promise<string> {
  if (env.DATABASE_URL) {
    const name = `rr_bench_${Date.now().toString(36)}`;
    await withClient(env.DATABASE_URL, (c) => c.query(`CREATE DATABASE "${name}"`));
    cleanups.push(() => withClient(env.DATABASE_URL as string, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined));
    const url = new URL(env.DATABASE_URL);
    url.pathname = `/${name}`;
    return url.toString();
  }
  console.warn("! DATABASE_URL is unset: benchmarking on the embedded PostgreSQL (PGlite), which is much slower at 1M rows.");
  const dir = mkdtempSync(path.join(tmpdir(), "rr-bench-pg-"));
  const embedded = await startEmbeddedPostgres(dir);
  cleanups.push(async () => {
    await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return embedded.url;
}

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
  const url = await database();
  await migrateDeploy(url);
  const waveId = await withClient(url, async (client) => {
    const { waveId } = await ensureSurvey(client);
    await insertDemoResponses(client, { waveId, responses, seed: 42, batchSize: 5000, onProgress: progressReporter("Seeding") });
    await client.query("ANALYZE response");
    return waveId;
  });

  await buildIfNeeded();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const secret = randomBytes(48).toString("base64url");
  const admin = { email: "bench@radar.test", password: randomBytes(18).toString("base64url") };
  await ensureAdmin(url, secret, baseUrl, admin.email, admin.password, "Bench");
  const server = start(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: secret, APP_URL: baseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  cleanups.push(() => stop(server));
  await waitForHttp(`${baseUrl}/api/health`, server);
  const login = await fetch(`${baseUrl}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: baseUrl }, body: JSON.stringify(admin) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c?.includes("session_token")) ?? "";

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
