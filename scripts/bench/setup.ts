// Shared set-up for the benchmarks: a database of their own, seeded demo data (timed: the seeding
// benchmark), production servers on it, and a signed-in session. Everything is undone by cleanups.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { ensureAdmin } from "../lib/admin";
import { ensureSurvey } from "../lib/bootstrap";
import { buildIfNeeded } from "../lib/build";
import { withClient } from "../lib/database";
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from "../lib/embedded-postgres";
import { migrateDeploy } from "../lib/migrate";
import { freePort, stop, waitForHttp } from "../lib/proc";
import { startAppServer } from "../lib/app-server";
import { roundRatio, type BenchResult } from "./report";

export type Cleanup = () => Promise<void>;

export interface BenchDatabase {
  url: string;
  embedded: boolean;
}

/** A fresh database: on DATABASE_URL's server (created, dropped afterwards) or an embedded one. */
export async function createBenchDatabase(databaseUrl: string | undefined, cleanups: Cleanup[]): Promise<BenchDatabase> {
  if (databaseUrl) {
    const name = `rr_bench_${Date.now().toString(36)}`;
    await withClient(databaseUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    cleanups.push(() => withClient(databaseUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined));
    const u = new URL(databaseUrl);
    u.pathname = `/${name}`;
    await migrateDeploy(u.toString());
    return { url: u.toString(), embedded: false };
  }
  console.warn(
    "! DATABASE_URL is unset: benchmarking on the embedded PostgreSQL (PGlite), which is much slower at 1M rows and cannot take COPY input.",
  );
  const dir = mkdtempSync(path.join(tmpdir(), "rr-bench-pg-"));
  const embedded = await startEmbeddedPostgres(dir);
  cleanups.push(async () => {
    await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  await migrateDeploy(embedded.url);
  return { url: embedded.url, embedded: true };
}

export async function prepareSurvey(url: string): Promise<{ waveId: string; slug: string }> {
  return withClient(url, async (client) => {
    const { waveId } = await ensureSurvey(client);
    const { rows } = await client.query<{ slug: string }>(`SELECT s.slug FROM survey s JOIN wave w ON w.survey_id = s.id WHERE w.id = $1`, [
      waveId,
    ]);
    return { waveId, slug: rows[0]?.slug ?? "ai-readiness" };
  });
}

export interface AppServer {
  baseUrl: string;
  process: ChildProcess;
}

export interface Credentials {
  secret: string;
  admin: { email: string; password: string };
}

export async function createCredentials(url: string): Promise<Credentials> {
  const secret = randomBytes(48).toString("base64url");
  const admin = { email: "bench@radar.test", password: randomBytes(18).toString("base64url") };
  // The admin row does not depend on the server's URL; sessions are checked against APP_URL.
  await ensureAdmin(url, secret, "http://127.0.0.1", admin.email, admin.password, "Bench");
  return { secret, admin };
}

/** The production server on a production build, on a free port, against the bench database. */
export async function startApp(
  db: BenchDatabase,
  credentials: Credentials,
  cleanups: Cleanup[],
  extraEnv: Record<string, string> = {},
): Promise<AppServer> {
  await buildIfNeeded();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = startAppServer(port, "127.0.0.1", {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      AUTH_SECRET: credentials.secret,
      APP_URL: baseUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(db.embedded ? { DB_POOL_SIZE: EMBEDDED_POOL_SIZE } : {}),
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  cleanups.push(() => stop(server));
  await waitForHttp(`${baseUrl}/api/health`, server);
  return { baseUrl, process: server };
}

export async function signIn(baseUrl: string, admin: Credentials["admin"]): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(admin),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c?.includes("session_token"));
  if (!cookie) throw new Error(`sign-in failed (${login.status})`);
  return cookie;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** Runs `fn` `runs` times after one warm-up and returns the median in ms. */
export async function medianMs(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * Times `app` against `baseline` (warmed once each, then `runs` times alternately, so drift on a
 * shared machine hits both sides alike) and judges the medians' ratio against `maxRatio`.
 */
export async function timedAgainstBaseline(
  names: { benchmark: string; metric: string },
  app: () => Promise<number>,
  baseline: () => Promise<number>,
  runs: number,
  maxRatio = 3,
): Promise<BenchResult> {
  await app();
  await baseline();
  const appTimes: number[] = [];
  const baseTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    baseTimes.push(await baseline());
    appTimes.push(await app());
  }
  const a = median(appTimes);
  const b = median(baseTimes);
  return {
    ...names,
    unit: "ms",
    app: Math.round(a),
    baseline: Math.round(b),
    ratio: roundRatio(a / b),
    target: `<= ${maxRatio.toFixed(2)}x`,
    pass: a / b <= maxRatio,
  };
}
