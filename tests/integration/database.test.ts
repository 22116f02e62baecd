import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSurvey } from "@/scripts/lib/bootstrap";
import { insertDemoResponses } from "@/scripts/lib/seed-insert";
import { closeTestPool, countResponses, createTestSurvey, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";

let slug: string;
let waveId: string;

beforeAll(async () => {
  ({ slug, waveId } = await createTestSurvey("db"));
});
afterAll(closeTestPool);

describe("database guarantees", () => {
  it("lets a wave's definition change while it has no responses; a later start leaves the waves alone", async () => {
    await testPool().query(`UPDATE wave SET definition = definition WHERE id = $1`, [waveId]);
    const { rowCount } = await testPool().query(
      `UPDATE wave SET definition = jsonb_set(definition, '{title}', '"Renamed"'), definition_hash = 'older' WHERE id = $1`,
      [waveId],
    );
    expect(rowCount).toBe(1);
    // A later start leaves existing waves alone: new questions arrive by publishing a new wave.
    const client = await testPool().connect();
    try {
      const again = await ensureSurvey(client, slug);
      expect(again).toMatchObject({ surveyCreated: false, waveId, demoWaves: [] });
    } finally {
      client.release();
    }
    const { rows } = await testPool().query(`SELECT definition->>'title' AS title FROM wave WHERE id = $1`, [waveId]);
    expect(rows[0].title).toBe("Renamed");
    const waves = await testPool().query(
      `SELECT w.code, w.status::text FROM wave w JOIN survey s ON s.id = w.survey_id WHERE s.slug = $1 ORDER BY w.opens_at`,
      [slug],
    );
    expect(waves.rows).toEqual([
      { code: "2026-Q2", status: "closed" },
      { code: "2026-Q3", status: "closed" },
      { code: "2026-Q4", status: "open" },
    ]);
  });

  it("freezes a wave's definition once it has responses", async () => {
    await testPool().query(`INSERT INTO response (wave_id) VALUES ($1)`, [waveId]);
    await expect(
      testPool().query(`UPDATE wave SET definition = jsonb_set(definition, '{title}', '"Changed"') WHERE id = $1`, [waveId]),
    ).rejects.toMatchObject({ code: "23514" });
    // Other columns (status, title) may still change.
    await testPool().query(`UPDATE wave SET title = 'Q4 2026 (closing)' WHERE id = $1`, [waveId]);
  });

  it("refuses a complete response without its profile, score or key", async () => {
    await expect(
      testPool().query(
        `INSERT INTO response (wave_id, status, submitted_at, submission_key) VALUES ($1, 'complete', now(), 'x-incomplete')`,
        [waveId],
      ),
    ).rejects.toMatchObject({ code: "23514" });
    await expect(testPool().query(`INSERT INTO response (wave_id, readiness_index) VALUES ($1, 140)`, [waveId])).rejects.toMatchObject({
      code: "23514",
    });
  });

  it("seeds deterministically and idempotently", async () => {
    const { waveId: seedWave } = await createTestSurvey("seed");
    const client = await testPool().connect();
    try {
      const now = new Date("2026-11-29T12:00:00Z");
      expect(await insertDemoResponses(client, { waveId: seedWave, responses: 700, seed: 5, batchSize: 300, now })).toBe(700);
      const counts = await countResponses(seedWave);
      expect(counts.partial + counts.complete).toBe(700);
      // Running the same seed again adds nothing.
      expect(await insertDemoResponses(client, { waveId: seedWave, responses: 700, seed: 5, now })).toBe(0);
      const { rows } = await client.query(
        `SELECT md5(string_agg(submission_key || answers::text, ',' ORDER BY submission_key)) AS digest FROM response WHERE wave_id = $1`,
        [seedWave],
      );
      const { waveId: again } = await createTestSurvey("seed");
      await client.query(`UPDATE response SET submission_key = submission_key || ':moved' WHERE wave_id = $1`, [seedWave]);
      await insertDemoResponses(client, { waveId: again, responses: 700, seed: 5, now });
      const second = await client.query(
        `SELECT md5(string_agg(submission_key || answers::text, ',' ORDER BY submission_key)) AS digest FROM response WHERE wave_id = $1`,
        [again],
      );
      expect(second.rows[0].digest).toBe(rows[0].digest);

      // The COPY path (used on PostgreSQL servers) writes exactly the same rows, and is idempotent too.
      const method = testEnv.embeddedDatabase ? "insert" : "copy";
      const { waveId: copied } = await createTestSurvey("seed");
      await client.query(`UPDATE response SET submission_key = submission_key || ':moved-again' WHERE wave_id = $1`, [again]);
      expect(await insertDemoResponses(client, { waveId: copied, responses: 400, seed: 5, method, now })).toBe(400);
      expect(await insertDemoResponses(client, { waveId: copied, responses: 700, seed: 5, method, now })).toBe(300);
      const third = await client.query(
        `SELECT md5(string_agg(submission_key || answers::text || status || started_at || coalesce(submitted_at::text, ` +
          `'') || coalesce(readiness_index::text, ''), ',' ORDER BY submission_key)) AS digest FROM response WHERE ` +
          `wave_id = ANY($1::uuid[]) AND submission_key NOT LIKE '%:moved%'`,
        [[copied]],
      );
      const reference = await client.query(
        `SELECT md5(string_agg(regexp_replace(submission_key, ':moved-again$', '') || answers::text || status || ` +
          `started_at || coalesce(submitted_at::text, '') || coalesce(readiness_index::text, ''), ',' ORDER BY ` +
          `regexp_replace(submission_key, ':moved-again$', ''))) AS digest FROM response WHERE wave_id = $1`,
        [again],
      );
      expect(third.rows[0].digest).toBe(reference.rows[0].digest);
    } finally {
      client.release();
    }
  });
});
