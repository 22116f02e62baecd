// The public results page caches its figures per version of the wave's rows (lib/results/page.ts):
// a change to the wave's responses reaches the page without a restart (the first read after the
// change may still show the previous figures while the new ones are computed), and republishing
// never serves figures cached under the previous publication. A wave of its own (2018-Q1), so other
// files' data never moves these figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SURVEY_SLUG, instrumentV1 } from "@/lib/survey/instrument";
import { validAnswers } from "../helpers/answers";
import { authHeaders, signIn } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { api } from "../helpers/http";
import { ensureWaves } from "../helpers/waves";

const WAVE = "2018-Q1";
const page = () => api<string>(`/results/${SURVEY_SLUG}/${WAVE}`);
const publish = (cookie: string, body: unknown) =>
  api(`/api/v1/surveys/${SURVEY_SLUG}/waves/${WAVE}/publication`, { method: "PUT", body, cookie, headers: authHeaders() });

/** "About N responses" on the page, or null when withheld. */
async function shownResponses(): Promise<number | null> {
  const response = await page();
  expect(response.status).toBe(200);
  const match = /About ([\d,]+) responses/.exec(response.body);
  return match ? Number((match[1] as string).replace(/,/g, "")) : null;
}

const rows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    day: "2018-01-15",
    answers: validAnswers({ industry: i % 2 ? "technology" : "healthcare", region: "north_america", dim_strategy: 1 + ((from + i) % 5) }),
  }));

let admin: string;
let waveId: string;
beforeAll(async () => {
  admin = await signIn();
  const ids = await ensureWaves([
    { code: WAVE, title: "Freshness 2018", opensAt: "2018-01-01T00:00:00Z", instrument: instrumentV1, rows: rows(0, 40) },
  ]);
  waveId = ids[WAVE] as string;
  // Back to 40 responses if an earlier run of this file added more.
  await testPool().query("DELETE FROM response WHERE wave_id = $1 AND submission_key LIKE 'freshness:%'", [waveId]);
});
afterAll(async () => {
  await publish(admin, { published: false });
  await testPool().query("DELETE FROM response WHERE wave_id = $1 AND submission_key LIKE 'freshness:%'", [waveId]);
  await closeTestPool();
});

describe("the public results page's cached figures", () => {
  it("follow new responses to the wave, without a restart", async () => {
    expect((await publish(admin, { published: true, panels: ["readiness_by_segment", "stage"] })).status).toBe(200);
    const before = await shownResponses();
    // Perturbed by at most 3 (docs/PRIVACY.md), and the same on every read of the same data.
    expect(before).not.toBeNull();
    expect(Math.abs((before as number) - 40)).toBeLessThanOrEqual(3);
    expect(await shownResponses()).toBe(before);

    for (const [i, { answers }] of rows(40, 30).entries()) {
      await testPool().query(
        `INSERT INTO response (wave_id, status, source, submission_key, started_at, updated_at, submitted_at,
           industry, region, company_size, role, stage, readiness_index, answers)
         VALUES ($1, 'complete', 'seed', $2, '2018-01-16T12:00:00Z', '2018-01-16T12:00:00Z', '2018-01-16T12:00:00Z',
           $3, $4, $5, $6, $7, 50, $8)`,
        [
          waveId,
          `freshness:${i}`,
          answers.industry,
          answers.region,
          answers.company_size,
          answers.role,
          answers.ai_stage,
          JSON.stringify(answers),
        ],
      );
    }
    // Stale while revalidating: a read or two may show the old figures, then the new ones.
    await expect
      .poll(shownResponses, { timeout: 20_000, interval: 250 })
      .toSatisfy((n: number | null) => n !== null && Math.abs(n - 70) <= 3);
  });

  it("are computed again when the publication changes, never served from the previous one", async () => {
    expect((await publish(admin, { published: true, panels: ["stage"] })).status).toBe(200);
    const html = (await page()).body;
    const panels = [...html.matchAll(/data-result-panel="([a-z_]+)"/g)].map((m) => m[1]);
    expect(panels).toEqual(["stage"]);
    expect((await publish(admin, { published: false })).status).toBe(200);
    expect((await page()).status).toBe(404);
  });
});
