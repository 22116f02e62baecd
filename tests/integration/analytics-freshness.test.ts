// The analysts' figures are fresh on the next load: the columnar replica folds every change
// committed before a view is read (a submission, a deletion, a purge), so the overview over HTTP
// moves with the database at once, no waiting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CURRENT_WAVE } from "@/lib/survey/instrument";
import { signIn } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { api } from "../helpers/http";

let cookie: string;
let waveId: string;

async function analyticsState(): Promise<string> {
  return (await api<{ analytics: string }>("/api/health")).body.analytics;
}

beforeAll(async () => {
  cookie = await signIn();
  await testPool().query(`DELETE FROM response WHERE submission_key LIKE 'fresh:%'`);
  const { rows } = await testPool().query<{ id: string }>(`SELECT id FROM wave WHERE code = $1`, [CURRENT_WAVE.code]);
  waveId = rows[0]!.id;
  // The replica loads at boot: wait until it answers, so this test reads it and not the fallback.
  for (let i = 0; i < 120 && (await analyticsState()) !== "ready"; i++) await new Promise((r) => setTimeout(r, 250));
}, 60_000);
afterAll(closeTestPool);

/** A filter only this test's rows match: a day far in the past, when nothing else was submitted. */
const DAY = "2001-02-03";
const overview = () =>
  api<{ complete: number | null; reportable: boolean; partial: number | null }>(
    `/api/v1/analytics/overview?wave=${CURRENT_WAVE.code}&from=${DAY}&to=${DAY}`,
    { cookie },
  );

async function addRows(n: number, status: "complete" | "partial"): Promise<string[]> {
  const { rows } = await testPool().query<{ id: string }>(
    `INSERT INTO response (wave_id, status, source, submission_key, started_at, updated_at, submitted_at, current_step,
       industry, region, company_size, role, stage, readiness_index, answers)
     SELECT wave_id, $3::response_status, 'web', 'fresh:' || md5(random()::text), $4::timestamptz, $4::timestamptz,
       CASE WHEN $3 = 'complete' THEN $4::timestamptz END, current_step, industry, region, company_size, role, stage,
       readiness_index, answers
     FROM response WHERE wave_id = $1 AND status = 'complete' LIMIT $2
     RETURNING id`,
    [waveId, n, status, `${DAY}T12:00:00Z`],
  );
  return rows.map((r) => r.id);
}

describe("analytics freshness", () => {
  it("serves the views from the columnar replica once it has loaded", async () => {
    expect(await analyticsState()).toBe("ready");
  });

  it("counts a submission and a deletion on the very next load", async () => {
    expect((await overview()).body.complete).toBe(0);
    const ids = await addRows(7, "complete");
    const after = await overview();
    expect(after.status).toBe(200);
    expect(after.body.complete).toBe(7);
    await testPool().query(`DELETE FROM response WHERE id = $1`, [ids[0]]);
    expect((await overview()).body.complete).toBe(6);
    // An update that moves a row out of the view counts at once too (far out, so no neighbouring
    // view differs from this one by one person and the differencing guard stays quiet).
    await testPool().query(`UPDATE response SET submitted_at = submitted_at + interval '50 years' WHERE id = $1`, [ids[1]]);
    expect((await overview()).body.complete).toBe(5);
    await testPool().query(`DELETE FROM response WHERE id = ANY($1::uuid[])`, [ids]);
    expect((await overview()).body.complete).toBe(0);
  });

  it("sees partial rows saved and purged", async () => {
    const base = await addRows(6, "complete");
    const partial = await addRows(5, "partial");
    expect((await overview()).body.partial).toBe(5);
    // What a retention purge does: the partial rows go.
    await testPool().query(`DELETE FROM response WHERE id = ANY($1::uuid[])`, [partial]);
    expect((await overview()).body.partial).toBe(0);
    await testPool().query(`DELETE FROM response WHERE id = ANY($1::uuid[])`, [base]);
  });
});
