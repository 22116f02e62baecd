// Response exports whose client goes away, at every moment: while it waits for the export pool's
// only connection, before the first byte (PostgreSQL still busy with the COPY), mid-stream (plain,
// and gzip with a BOM), and many clients at once at different moments. Real HTTP clients are
// destroyed against a production server whose exports read a database of their own (configured
// as its read replica), holding more CSV than every buffer between PostgreSQL and a client that
// stopped reading can take. After each: no COPY left running in PostgreSQL, every audit row closed
// as cancelled, and the next export served at once (an exhausted pool makes it wait 10 s for a
// connection and answer 503).
import { randomBytes } from "node:crypto";
import http from "node:http";
import Papa from "papaparse";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAdmin } from "@/scripts/lib/admin";
import { migrateDeploy } from "@/scripts/lib/migrate";
import { validAnswers } from "../helpers/answers";
import { clientIp } from "../helpers/auth";
import { closeTestPool, copyDashboardWave, testPool } from "../helpers/db";
import { createOwnDatabase } from "../helpers/own-database";
import { testEnv } from "../helpers/env";
import { startTestServer, type TestServer } from "../helpers/server";

const BULK_ROWS = 60_000; // about 35 MB of CSV (7 MB gzipped), in east_asia
const FEW_ROWS = 40; // in western_europe: the quick export that shows the pool serving
const BULK = "/api/v1/exports/responses.csv?status=all&region=east_asia";
const FEW = "/api/v1/exports/responses.csv?status=all&region=western_europe";
const IDLE_SECONDS = 2; // a reader that stops reading this long is treated as gone
// The embedded database (PGlite) is one process with one backend: it has no COPY backends to
// inspect, and it ignores cancel requests (its socket server drops a gone client's queries).
const realPostgres = !testEnv.embeddedDatabase;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let exportDb: { url: string; drop: () => Promise<void> } | undefined;
let monitor: pg.Client | undefined;
let server: TestServer | undefined;
let cookie = "";
let userId = "";

beforeAll(async () => {
  exportDb = await createOwnDatabase("export_abort");
  await migrateDeploy(exportDb.url);
  monitor = new pg.Client({ connectionString: exportDb.url });
  await monitor.connect();
  const waveId = await copyDashboardWave(monitor);
  // Free text of 128 hex digits per row, so that even gzip=1 output outgrows those buffers.
  const answers = JSON.stringify(validAnswers({ region: "east_asia" }));
  await monitor.query(
    `INSERT INTO response (wave_id, status, source, submission_key, submitted_at, current_step, industry, region, company_size, role,
       stage, readiness_index, answers)
     SELECT $1, 'complete', 'seed', 'export-abort-' || g, now() - g * interval '1 second', 6, 'healthcare',
       CASE WHEN g <= $3 THEN 'western_europe' ELSE 'east_asia' END, '1000_9999', 'data_ml', 'pilots', 50,
       jsonb_set(
         CASE WHEN g <= $3 THEN jsonb_set($2::jsonb, '{region}', '"western_europe"') ELSE $2::jsonb END,
         '{distributed_help}', to_jsonb(md5(g || 'a') || md5(g || 'b') || md5(g || 'c') || md5(g || 'd')))
     FROM generate_series(1, $4::int) AS g`,
    [waveId, answers, FEW_ROWS, FEW_ROWS + BULK_ROWS],
  );

  // One connection per pool: two stuck exports would already be an outage. An admin of its own,
  // so this file's audit rows are told apart from other files' exports.
  server = await startTestServer({
    DATABASE_URL: testEnv.databaseUrl,
    DATABASE_REPLICA_URL: exportDb.url,
    DB_POOL_SIZE: "1",
    EXPORT_IDLE_SECONDS: String(IDLE_SECONDS),
  });
  const email = `export-abort-${randomBytes(4).toString("hex")}@radar.test`;
  const password = randomBytes(18).toString("base64url");
  await ensureAdmin(testEnv.databaseUrl, testEnv.authSecret, server.baseUrl, email, password, "Export abort test");
  userId = (await testPool().query<{ id: string }>(`SELECT id FROM auth_user WHERE email = $1`, [email])).rows[0]!.id;
  const login = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl, "x-forwarded-for": clientIp() },
    body: JSON.stringify({ email, password }),
  });
  cookie =
    login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c?.includes("session_token")) ?? "";
  expect(cookie).not.toBe("");
  // Serving, and the export pool holds its one connection from here on.
  const first = await fetch(`${server.baseUrl}${FEW}`, { headers: { cookie } });
  expect(first.status).toBe(200);
  await first.text();
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await monitor?.end();
  await exportDb?.drop();
  if (userId) await testPool().query(`DELETE FROM auth_user WHERE id = $1`, [userId]);
  await closeTestPool();
});

interface Download {
  /** Resolves when the response's headers arrive. */
  headers: Promise<http.IncomingMessage>;
  /** Resolves when the first body bytes arrive; the rest is left unread, as by a stalled client. */
  firstBytes: () => Promise<void>;
  /** The client goes away: its connection is destroyed. */
  abort: () => void;
}

/** A real HTTP download of `url` on a connection of its own, read only when asked to. */
function download(url: string): Download {
  const request = http.get(`${server!.baseUrl}${url}`, { headers: { cookie }, agent: false });
  request.on("error", () => undefined); // destroyed on purpose
  const headers = new Promise<http.IncomingMessage>((resolve) =>
    request.once("response", (response) => {
      response.on("error", () => undefined);
      resolve(response);
    }),
  );
  return {
    headers,
    firstBytes: async () => {
      const response = await headers;
      expect(response.statusCode).toBe(200);
      await new Promise<void>((resolve) =>
        response.once("data", () => {
          response.pause();
          resolve();
        }),
      );
    },
    abort: () => request.destroy(),
  };
}

const dbNow = async () => (await testPool().query<{ now: Date }>(`SELECT now()`)).rows[0]!.now;

/** How this file's exports since `since` ended, oldest first (null: not closed). */
async function outcomes(since: Date): Promise<(string | null)[]> {
  const { rows } = await testPool().query<{ outcome: string | null }>(
    `SELECT outcome::text FROM export_audit WHERE user_id = $1 AND created_at >= $2 ORDER BY created_at`,
    [userId, since],
  );
  return rows.map((r) => r.outcome);
}

const COPY_BACKENDS = `SELECT count(*)::int AS n FROM pg_stat_activity
  WHERE datname = current_database() AND query LIKE 'COPY (SELECT%' AND state <> 'idle' AND pid <> pg_backend_pid()`;

/** PostgreSQL runs no export's COPY any more (within seconds). */
async function expectNoCopyBackend(): Promise<void> {
  await expect.poll(async () => (await monitor!.query<{ n: number }>(COPY_BACKENDS)).rows[0]!.n, { timeout: 5_000 }).toBe(0);
}

/** A normal export is answered at once, with its rows, and recorded as completed. */
async function expectServing(): Promise<void> {
  const since = await dbNow();
  const started = Date.now();
  const response = await fetch(`${server!.baseUrl}${FEW}`, { headers: { cookie } });
  const text = await response.text();
  expect(response.status, text.slice(0, 200)).toBe(200);
  expect(Date.now() - started).toBeLessThan(8_000); // a connection that never came back: 10 s, then 503
  expect(Papa.parse(text, { header: true, skipEmptyLines: true }).data).toHaveLength(FEW_ROWS);
  await expect.poll(() => outcomes(since)).toEqual(["completed"]);
}

/**
 * Holds an ACCESS EXCLUSIVE lock on the export database's responses: a COPY started meanwhile
 * waits for it, keeping its connection and sending nothing, like a long sort before the first row.
 */
async function lockResponses(): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: exportDb!.url });
  await client.connect();
  await client.query("BEGIN");
  await client.query("LOCK TABLE response IN ACCESS EXCLUSIVE MODE");
  return async () => {
    await client.query("COMMIT");
    await client.end();
  };
}

/** Until `count` of this file's exports since `since` have their audit row: they are past it, waiting for a connection. */
async function untilStarted(since: Date, count: number): Promise<void> {
  await expect.poll(async () => (await outcomes(since)).length, { timeout: 10_000 }).toBe(count);
  await sleep(300);
}

describe("a client that goes away from a responses export", () => {
  it("while waiting for the pool's only connection leaves the queue at once, its export closed as cancelled", async () => {
    const since = await dbNow();
    const unlock = await lockResponses();
    try {
      const holder = download(BULK); // takes the export pool's one connection
      await untilStarted(since, 1);
      const waiting = [download(BULK), download(`${BULK}&gzip=1`), download(`${BULK}&bom=1`)];
      await untilStarted(since, 4);
      for (const w of waiting) w.abort();
      // Closed while the holder still has the connection: none of them waited for it.
      await expect.poll(() => outcomes(since), { timeout: 5_000 }).toEqual([null, "cancelled", "cancelled", "cancelled"]);
      holder.abort();
      await expect.poll(() => outcomes(since), { timeout: 5_000 }).toEqual(["cancelled", "cancelled", "cancelled", "cancelled"]);
    } finally {
      await unlock();
    }
    if (realPostgres) await expectNoCopyBackend();
    await expectServing();
  }, 60_000);

  it("before the first byte stops the COPY PostgreSQL is still working on", async () => {
    const since = await dbNow();
    const unlock = await lockResponses();
    try {
      const early = download(BULK);
      if (realPostgres) {
        const waitingForLock = `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND query LIKE 'COPY (SELECT%' AND wait_event_type = 'Lock'`;
        await expect.poll(async () => (await monitor!.query<{ n: number }>(waitingForLock)).rows[0]!.n, { timeout: 10_000 }).toBe(1);
      } else await untilStarted(since, 1);
      early.abort();
      // Cancelled in PostgreSQL although the lock it waits for is still held: it would otherwise
      // wait for the lock, then sort and write to a client that is long gone.
      if (realPostgres) await expectNoCopyBackend();
      await expect.poll(() => outcomes(since), { timeout: 5_000 }).toEqual(["cancelled"]);
    } finally {
      await unlock();
    }
    await expectServing();
  }, 60_000);

  it.each([
    ["plain", BULK],
    ["gzip with a BOM", `${BULK}&gzip=1&bom=1`],
  ])(
    "mid-stream (%s) stops its COPY and gives its connection back",
    async (_, url) => {
      const since = await dbNow();
      const reader = download(url);
      await reader.firstBytes();
      await sleep(200);
      reader.abort();
      if (realPostgres) await expectNoCopyBackend();
      await expect.poll(() => outcomes(since), { timeout: 5_000 }).toEqual(["cancelled"]);
      await expectServing();
    },
    60_000,
  );

  it("that keeps its connection open but stops reading has its COPY cancelled after the idle time", async () => {
    const since = await dbNow();
    const stalled = download(BULK);
    await stalled.firstBytes(); // and never reads again, nor closes its socket
    await expect.poll(() => outcomes(since), { timeout: (IDLE_SECONDS + 8) * 1000 }).toEqual(["cancelled"]);
    if (realPostgres) await expectNoCopyBackend();
    await expectServing();
    stalled.abort();
  }, 60_000);

  it("many clients going away at different moments at once leave the pool serving", async () => {
    const since = await dbNow();
    // at once, after a delay (authenticating, writing the audit row, waiting for the connection),
    // after the headers, after the first bytes; the ones waiting their turn go away by 8 s.
    const moments: (number | "headers" | "bytes")[] = [0, 30, 120, "headers", "bytes", 400, "bytes", 800, "headers", 1500];
    await Promise.all(
      moments.map(async (moment, i) => {
        const reader = download(i % 2 ? `${BULK}&gzip=1` : BULK);
        const reached =
          moment === "headers" ? reader.headers.then(() => sleep(50)) : moment === "bytes" ? reader.firstBytes() : sleep(moment);
        await Promise.race([reached, sleep(8_000)]);
        reader.abort();
      }),
    );
    // Every export that got as far as its audit row is closed as cancelled; none is left running.
    await expect.poll(async () => (await outcomes(since)).filter((outcome) => outcome !== "cancelled"), { timeout: 10_000 }).toEqual([]);
    if (realPostgres) await expectNoCopyBackend();
    await expectServing();
  }, 90_000);

  it("shows in the admin's export audit log as cancelled, next to completed exports", async () => {
    const response = await fetch(`${server!.baseUrl}/dashboard/audit`, { headers: { cookie } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('data-outcome="cancelled"');
    expect(html).toContain("Cancelled: the client went away");
    expect(html).toContain('data-outcome="completed"');
  });
});
