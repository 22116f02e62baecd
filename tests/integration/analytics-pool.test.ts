// Analyst reads run on a pool of their own with a statement timeout (lib/db/pg.ts analystReadsPool),
// so dashboards reloaded or abandoned mid-query cannot hold the connections respondents need, and
// a read that runs too long is cut by the database and answered 503, not left running.
// The embedded database (PGlite) is one backend in one session: the product gives an app process
// one connection there (DB_POOL_SIZE=1, no pool of its own for analyst reads) and PGlite has no
// statement timeout, so on it these tests hold what the embedded default promises instead: reads
// queue with respondents' writes without failing them, and reads abandoned mid-way leave it serving.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validAnswers } from "../helpers/answers";
import { signIn } from "../helpers/auth";
import { closeTestPool, createTestSurvey, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { api } from "../helpers/http";
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
const NAME = `rr-pool-test-${process.pid}`;
const realPostgres = !testEnv.embeddedDatabase;
let cookie: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const submit = async (slug: string) =>
  api(`/api/v1/surveys/${slug}/responses`, {
    baseUrl: server.baseUrl,
    method: "POST",
    headers: { "idempotency-key": randomUUID() },
    body: { answers: validAnswers() },
  });

beforeAll(async () => {
  server = await startTestServer({
    DATABASE_URL: testEnv.databaseUrl,
    DB_POOL_SIZE: realPostgres ? "4" : "1",
    ANALYTICS_STATEMENT_TIMEOUT_MS: "1500",
    // The PostgreSQL path is what a statement timeout cuts (the columnar replica has its own tests).
    ANALYTICS_ENGINE: "raw",
    // Its own name: other servers of the suite use the same database, with analytics pools of their own.
    DB_APPLICATION_NAME: NAME,
  });
  cookie = await signIn();
}, 90_000);
afterAll(async () => {
  await server?.stop();
  await closeTestPool();
});

const database = () => new URL(testEnv.databaseUrl).pathname.slice(1);

describe("analyst reads", () => {
  it("run on the analytics pool, at most half of DB_POOL_SIZE connections, and never fail a submission", async () => {
    const { slug } = await createTestSurvey("pool");
    // Several dashboards and a respondent at once: every one is answered.
    const [submitted, ...overviews] = await Promise.all([
      submit(slug),
      ...Array.from({ length: 4 }, () => api("/api/v1/analytics/overview", { baseUrl: server.baseUrl, cookie })),
    ]);
    expect(submitted.status).toBe(201);
    expect(overviews.map((o) => o.status)).toEqual([200, 200, 200, 200]);
    if (!realPostgres) return;
    const { rows } = await testPool().query<{ n: number; queries: string[] }>(
      `SELECT count(*)::int AS n, array_agg(query) AS queries FROM pg_stat_activity
       WHERE datname = $1 AND application_name = $2`,
      [database(), `${NAME}:analytics`],
    );
    expect(rows[0]?.n).toBeGreaterThanOrEqual(1);
    expect(rows[0]?.n).toBeLessThanOrEqual(2);
    expect(rows[0]?.queries.some((q) => /FROM\s+response/i.test(q))).toBe(true);
  });

  it("are cut at the statement timeout and answered 503 (embedded: abandoned mid-read), and the server serves again at once", async () => {
    if (realPostgres) {
      // Hold a lock that the overview's reads wait on, as a long statement would keep them busy.
      const blocker: pg.PoolClient = await testPool().connect();
      try {
        await blocker.query("BEGIN");
        await blocker.query("LOCK TABLE response IN ACCESS EXCLUSIVE MODE");
        const started = Date.now();
        const overview = await api("/api/v1/analytics/overview", { baseUrl: server.baseUrl, cookie });
        expect(overview.status).toBe(503);
        expect(Date.now() - started).toBeLessThan(15_000);
      } finally {
        await blocker.query("ROLLBACK");
        blocker.release();
      }
    } else {
      // PGlite has no statement timeout, and a transaction held by another client of its one
      // session would break the app's statements: what it can meet is dashboards closed mid-read.
      const readers = Array.from({ length: 3 }, () => new AbortController());
      const reads = readers.map((reader) =>
        fetch(`${server.baseUrl}/api/v1/analytics/overview`, { headers: { cookie }, signal: reader.signal }).then(
          () => "answered",
          () => "abandoned",
        ),
      );
      await sleep(50);
      for (const reader of readers) reader.abort();
      expect(await Promise.all(reads)).toContain("abandoned");
    }
    const { slug } = await createTestSurvey("pool");
    expect((await submit(slug)).status).toBe(201);
    const again = await api("/api/v1/analytics/overview", { baseUrl: server.baseUrl, cookie });
    expect(again.status).toBe(200);
  });
});
