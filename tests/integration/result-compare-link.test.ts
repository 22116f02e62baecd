// Where the personal result's "See how others compare" link points (issue 18 item 7): nowhere while
// no wave of the survey is published (no link to a 404), then to the newest published wave, and to
// the respondent's own wave as soon as that one is published. A survey of its own, so other test
// files publishing the seeded survey's waves cannot move the answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_WAVES } from "@/lib/seed/waves";
import { comparePath } from "@/lib/results/publication";
import { closeTestPool, createTestSurvey, testPool } from "../helpers/db";

let slug = "";
let waveCodes: string[] = [];
let openCode = "";

async function setPublished(code: string, published: boolean): Promise<void> {
  await testPool().query(
    `INSERT INTO results_publication (wave_id, panels, published_at, published_by, updated_by)
     SELECT w.id, ARRAY['heatmap'], CASE WHEN $3 THEN now() END, CASE WHEN $3 THEN 'admin@test' END, 'admin@test'
     FROM wave w JOIN survey s ON s.id = w.survey_id WHERE s.slug = $1 AND w.code = $2
     ON CONFLICT (wave_id) DO UPDATE SET published_at = EXCLUDED.published_at, published_by = EXCLUDED.published_by`,
    [slug, code, published],
  );
}

beforeAll(async () => {
  ({ slug } = await createTestSurvey("compare-link"));
  const waves = await testPool().query<{ code: string; status: string }>(
    `SELECT w.code, w.status FROM wave w JOIN survey s ON s.id = w.survey_id WHERE s.slug = $1 ORDER BY w.opens_at`,
    [slug],
  );
  waveCodes = waves.rows.map((w) => w.code);
  openCode = waveCodes[waveCodes.length - 1] ?? "";
});
afterAll(closeTestPool);

describe("the result page's link to published results", () => {
  it("is absent while no wave of the survey is published", async () => {
    expect(waveCodes).toEqual(DEMO_WAVES.map((w) => w.code));
    expect(await comparePath(slug, openCode)).toBeNull();
  });

  it("points to the newest published wave while the respondent's own is not published", async () => {
    const [oldest, middle] = waveCodes;
    await setPublished(oldest as string, true);
    expect(await comparePath(slug, openCode)).toBe(`/results/${slug}/${oldest}`);
    await setPublished(middle as string, true);
    expect(await comparePath(slug, openCode)).toBe(`/results/${slug}/${middle}`);
  });

  it("points to the respondent's own wave once it is published, and back when it is withdrawn", async () => {
    const middle = waveCodes[1] as string;
    await setPublished(openCode, true);
    expect(await comparePath(slug, openCode)).toBe(`/results/${slug}/${encodeURIComponent(openCode)}`);
    await setPublished(openCode, false);
    expect(await comparePath(slug, openCode)).toBe(`/results/${slug}/${middle}`);
    for (const code of waveCodes) await setPublished(code, false);
    expect(await comparePath(slug, openCode)).toBeNull();
  });

  it("never points to a draft wave, even one with a publication row", async () => {
    await testPool().query(`UPDATE wave SET status = 'draft' WHERE code = $2 AND survey_id = (SELECT id FROM survey WHERE slug = $1)`, [
      slug,
      waveCodes[0],
    ]);
    await setPublished(waveCodes[0] as string, true);
    expect(await comparePath(slug, openCode)).toBeNull();
  });
});
