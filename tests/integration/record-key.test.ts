// Record keys for cell-key perturbation (migration 20261201180000_record_key, docs/PRIVACY.md):
// every response has one in [0, 255], spread evenly, new responses get one without asking, the
// database refuses anything out of range, and no export or API answer ever shows them.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validAnswers } from "../helpers/answers";
import { authHeaders, clientIp, signIn } from "../helpers/auth";
import { closeTestPool, createTestSurvey, testPool } from "../helpers/db";
import { api } from "../helpers/http";

let slug: string;
let cookie: string;

beforeAll(async () => {
  ({ slug } = await createTestSurvey("rk"));
  cookie = await signIn();
});
afterAll(closeTestPool);

describe("record keys", () => {
  it("every seeded response has one in [0, 255], spread over the whole range", async () => {
    const { rows } = await testPool().query<{ n: number; missing: number; outside: number; distinct: number; mean: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE record_key IS NULL)::int AS missing,
              count(*) FILTER (WHERE record_key NOT BETWEEN 0 AND 255)::int AS outside,
              count(DISTINCT record_key)::int AS distinct, avg(record_key)::float AS mean
         FROM response`,
    );
    const stats = rows[0]!;
    expect(stats.n).toBeGreaterThan(1000);
    expect(stats).toMatchObject({ missing: 0, outside: 0 });
    expect(stats.distinct).toBeGreaterThan(250);
    // Uniform on 0..255: mean 127.5, standard error 74 / √n.
    expect(Math.abs(stats.mean - 127.5)).toBeLessThan((6 * 74) / Math.sqrt(stats.n));
  });

  it("a new submission gets one by default", async () => {
    const response = await api<{ id: string }>(`/api/v1/surveys/${slug}/responses`, {
      method: "POST",
      body: { answers: validAnswers() },
      headers: { "Idempotency-Key": randomUUID(), "x-forwarded-for": clientIp() },
    });
    expect(response.status).toBe(201);
    const { rows } = await testPool().query<{ record_key: number }>(`SELECT record_key FROM response WHERE id = $1`, [response.body.id]);
    expect(rows[0]!.record_key).toBeGreaterThanOrEqual(0);
    expect(rows[0]!.record_key).toBeLessThanOrEqual(255);
  });

  it("the database refuses a key out of range or missing", async () => {
    const { rows } = await testPool().query<{ id: string }>(`SELECT id FROM response LIMIT 1`);
    await expect(testPool().query(`UPDATE response SET record_key = 256 WHERE id = $1`, [rows[0]!.id])).rejects.toThrow(/record_key_range/);
    await expect(testPool().query(`UPDATE response SET record_key = -1 WHERE id = $1`, [rows[0]!.id])).rejects.toThrow(/record_key_range/);
    await expect(testPool().query(`UPDATE response SET record_key = NULL WHERE id = $1`, [rows[0]!.id])).rejects.toThrow(/null/i);
  });

  it("never appears in exports or API answers", async () => {
    for (const path of [`/api/v1/exports/responses.csv`, `/api/v1/responses`, `/api/v1/exports/codebook.csv`]) {
      const response = await api<unknown>(path, { cookie, headers: authHeaders() });
      expect(response.status, path).toBe(200);
      expect(JSON.stringify(response.body), path).not.toMatch(/record_?key/i);
    }
  });
});
