// Analyst reads run on a pool of their own with a statement timeout (lib/db/pg.ts analystReadsPool),
// so dashboards reloaded or abandoned mid-query cannot hold the connections respondents need, and
// a read that runs too long is cut by the database and answered 503, not left running.
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
let cookie: string;

beforeAll(async () => {
  server = await startTestServer({
    DATABASE_URL: testEnv.databaseUrl,
    DB_POOL_SIZE: "4",
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
  it("run on the analytics pool, at most half of DB_POOL_SIZE connections", async () => {
    const overview = await api("/api/v1/analytics/overview", { baseUrl: server.baseUrl, cookie });
    expect(overview.status).toBe(200);
    const { rows } = await testPool().query<{ n: number; queries: string[] }>(
      `SELECT count(*)::int AS n, array_agg(query) AS queries FROM pg_stat_activity
       WHERE datname = $1 AND application_name = $2`,
      [database(), `${NAME}:analytics`],
    );
    expect(rows[0]?.n).toBeGreaterThanOrEqual(1);
    expect(rows[0]?.n).toBeLessThanOrEqual(2);
    expect(rows[0]?.queries.some((q) => /FROM\s+response/i.test(q))).toBe(true);
  });

  it("are cut at the statement timeout and answered 503, and the server serves again at once", async () => {
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
    const { slug } = await createTestSurvey("pool");
    const submitted = await api(`/api/v1/surveys/${slug}/responses`, {
      baseUrl: server.baseUrl,
      method: "POST",
      headers: { "idempotency-key": randomUUID() },
      body: { answers: validAnswers() },
    });
    expect(submitted.status).toBe(201);
    const again = await api("/api/v1/analytics/overview", { baseUrl: server.baseUrl, cookie });
    expect(again.status).toBe(200);
  });
});
