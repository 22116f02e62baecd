// DATABASE_REPLICA_URL: analyst reads go to the replica, everything else to the primary. A second
// production server runs against the suite's database (primary) and an embedded PostgreSQL standing
// in for a replica that holds the same survey but different responses, so the source of each figure
// is visible.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { migrateDeploy } from "@/scripts/lib/migrate";
import { validAnswers } from "../helpers/answers";
import { clientIp, testAdmin } from "../helpers/auth";
import { closeTestPool, copyDashboardWave, createTestSurvey, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { startTestServer, type TestServer } from "../helpers/server";

let replica: EmbeddedPostgres;
let replicaDir: string;
let server: TestServer | undefined;
let baseUrl: string;
let slug: string;
let cookie: string;

beforeAll(async () => {
  ({ slug } = await createTestSurvey("replica"));
  replicaDir = mkdtempSync(path.join(tmpdir(), "rr-replica-"));
  replica = await startEmbeddedPostgres(replicaDir);
  await migrateDeploy(replica.url);
  const client = new pg.Client({ connectionString: replica.url });
  await client.connect();
  try {
    // The replica's copy of the dashboards' survey and its newest wave (same ids), and 12 responses
    // of its own (the primary holds the suite's 1,500 and more).
    const waveId = await copyDashboardWave(client);
    for (let i = 0; i < 12; i++) {
      await client.query(
        `INSERT INTO response (wave_id, status, source, submission_key, submitted_at, current_step, industry, region, ` +
          `company_size, role, stage, readiness_index, answers)
         VALUES ($1, 'complete', 'seed', $2, now(), 6, ` +
          `'healthcare', 'east_asia', '1000_9999', 'data_ml', 'pilots', 50, $3)`,
        [waveId, `replica-${i}`, JSON.stringify(validAnswers())],
      );
    }
  } finally {
    await client.end();
  }

  server = await startTestServer({
    DATABASE_URL: testEnv.databaseUrl,
    DATABASE_REPLICA_URL: replica.url,
    // Reads that go to the replica database are PostgreSQL reads (the columnar replica has its own tests).
    ANALYTICS_ENGINE: "raw",
    // One connection per database: the embedded stand-in serves one query at a time.
    DB_POOL_SIZE: "1",
  });
  baseUrl = server.baseUrl;
  const login = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": clientIp() },
    body: JSON.stringify({ email: testAdmin.email, password: testAdmin.password }),
  });
  cookie =
    login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c?.includes("session_token")) ?? "";
  expect(cookie).not.toBe("");
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await replica?.stop();
  if (replicaDir) rmSync(replicaDir, { recursive: true, force: true });
  await closeTestPool();
});

describe("read replica routing", () => {
  it("answers analyst reads from the replica and stores submissions on the primary", async () => {
    // A submission through this server lands on the primary (sign-in above did too).
    const submitted = await fetch(`${baseUrl}/api/v1/surveys/${slug}/responses`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": `replica-test-${Date.now()}` },
      body: JSON.stringify({ answers: validAnswers() }),
    });
    expect(submitted.status).toBe(201);
    const primary = await testPool().query(
      `SELECT count(*)::int AS n FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id WHERE s.slug = $1`,
      [slug],
    );
    expect(primary.rows[0].n).toBe(1);

    // The explorer's total and the overview's count come from the replica's 12 responses.
    const explorer = await fetch(`${baseUrl}/api/v1/responses`, { headers: { cookie } });
    const listing = (await explorer.json()) as { total: number; rows: { id: string }[] };
    expect(explorer.status, JSON.stringify(listing)).toBe(200);
    expect(listing.total).toBe(12);
    const overview = await fetch(`${baseUrl}/api/v1/analytics/overview`, { headers: { cookie } });
    expect(overview.status).toBe(200);
    expect(JSON.stringify(await overview.json())).toContain('"complete":12');
  });
});
