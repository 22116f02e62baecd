// Shared set-up for the benchmarks: a database of their own, seeded demo data, a production
// server on it, and a signed-in session. Everything is undone by the cleanups.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { ensureAdmin } from "../lib/admin";
import { ensureSurvey } from "../lib/bootstrap";
import { buildIfNeeded } from "../lib/build";
import { withClient } from "../lib/database";
import { startEmbeddedPostgres } from "../lib/embedded-postgres";
import { migrateDeploy } from "../lib/migrate";
import { bin, freePort, start, stop, waitForHttp } from "../lib/proc";
import { progressReporter } from "../lib/progress";
import { insertDemoResponses } from "../lib/seed-insert";

export interface BenchContext {
  url: string;
  waveId: string;
  baseUrl: string;
  cookie: string;
  server: ChildProcess;
  cleanups: (() => Promise<void>)[];
}

export async function prepareBench(databaseUrl: string | undefined, responses: number): Promise<BenchContext> {
  const cleanups: (() => Promise<void>)[] = [];
  let url: string;
  if (databaseUrl) {
    const name = `rr_bench_${Date.now().toString(36)}`;
    await withClient(databaseUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    cleanups.push(() => withClient(databaseUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined));
    const u = new URL(databaseUrl);
    u.pathname = `/${name}`;
    url = u.toString();
  } else {
    console.warn("! DATABASE_URL is unset: benchmarking on the embedded PostgreSQL (PGlite), which is much slower at 1M rows.");
    const dir = mkdtempSync(path.join(tmpdir(), "rr-bench-pg-"));
    const embedded = await startEmbeddedPostgres(dir);
    cleanups.push(async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    url = embedded.url;
  }
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
  return { url, waveId, baseUrl, cookie, server, cleanups };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
