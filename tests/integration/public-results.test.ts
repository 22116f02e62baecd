// The public results page (/results/{survey}/{wave}) over HTTP, anonymously: 404 until an admin
// publishes the wave, then 200 with only the chosen panels, Open Graph metadata and protected
// figures: no cell whose true count is 1..k-1 shows a number, and published counts are perturbed
// (not the exact ones). Uses the seeded survey's closed wave 2026-Q3 (the e2e test publishes
// the open wave, the attacker test 2026-Q2).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import { authHeaders, createAnalyst, signIn } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { api } from "../helpers/http";

const WAVE = "2026-Q3";
const K = 5;
const page = () => api<string>(`/results/${SURVEY_SLUG}/${WAVE}`);
const publish = (cookie: string, body: unknown) =>
  api(`/api/v1/surveys/${SURVEY_SLUG}/waves/${WAVE}/publication`, { method: "PUT", body, cookie, headers: authHeaders() });

let admin: string;
beforeAll(async () => {
  admin = await signIn();
});
afterAll(async () => {
  await publish(admin, { published: false });
  await closeTestPool();
});

/** The heatmap's cells as the page shows them: "industry:region" → published n, or null when withheld. */
function heatmapCells(html: string): Map<string, number | null> {
  const cells = new Map<string, number | null>();
  for (const match of html.matchAll(/data-cell="([^"]+)"[^>]*>(.*?)<\/td>/gs)) {
    const n = /n=(?:<!-- -->)?(\d+)/.exec(match[2] ?? "");
    cells.set(match[1] as string, n ? Number(n[1]) : null);
  }
  return cells;
}

describe("the public results page", () => {
  it("is a 404 while the wave is not published, and for waves that do not exist", async () => {
    await publish(admin, { published: false });
    expect((await page()).status).toBe(404);
    expect((await api(`/results/${SURVEY_SLUG}/no-such-wave`)).status).toBe(404);
    expect((await api(`/results/no-such-survey/${WAVE}`)).status).toBe(404);
  });

  it("once published, shows only the chosen panels to anyone, with Open Graph metadata and the protection note", async () => {
    expect((await publish(admin, { published: true, panels: ["readiness_by_segment", "stage", "findings"] })).status).toBe(200);
    const response = await page();
    expect(response.status).toBe(200);
    const html = response.body;
    const panels = [...html.matchAll(/data-result-panel="([a-z_]+)"/g)].map((m) => m[1]);
    expect(panels).toEqual(["readiness_by_segment", "stage", "findings"]);
    expect(html).toContain('aria-labelledby="panel-findings"');
    expect(html).not.toContain('data-panel="concerns"');
    expect(html).not.toContain('data-panel="latency-geography"');
    expect(html).toMatch(/<meta property="og:title" content="[^"]*results[^"]*"/);
    expect(html).toMatch(/<meta property="og:image"/);
    expect(html).toContain('data-testid="protection-note"');
    expect(html).toContain("Compare your organization");
    // No link into the dashboards (evidence views need an account).
    expect(html).not.toMatch(/href="\/dashboard[/?]/);
    // Server-rendered for everyone: the same page with no cookie at all.
    expect(response.headers.get("content-security-policy")).toContain("nonce-");
  });

  it("never shows a small count, and shows perturbed rather than exact counts", async () => {
    await publish(admin, { published: true, panels: ["readiness_by_segment"] });
    const html = (await page()).body;
    const shown = heatmapCells(html);
    const { rows } = await testPool().query<{ industry: string; region: string; n: number }>(
      `SELECT r.industry, r.region, count(*)::int AS n FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
        WHERE s.slug = $1 AND w.code = $2 AND r.status = 'complete' GROUP BY 1, 2`,
      [SURVEY_SLUG, WAVE],
    );
    expect(shown.size).toBeGreaterThan(10);
    const exact = new Map(rows.map((r) => [`${r.industry}:${r.region}`, r.n]));
    let differ = 0;
    for (const [cell, n] of shown) {
      const truth = exact.get(cell) ?? 0;
      if (truth < K) expect(n, `${cell}: true count ${truth}`).toBeNull();
      if (n === null) continue;
      expect(n).toBeGreaterThanOrEqual(K);
      expect(Math.abs(n - truth)).toBeLessThanOrEqual(3);
      if (n !== truth) differ++;
    }
    expect(differ).toBeGreaterThan(0);
    // Empty cells are withheld too: "none" is not told apart from "a few".
    expect(html).not.toMatch(/data-cell="[^"]+"[^>]*><span class="text-slate-500">·<\/span>/);
  });
});

describe("the protection badge on the analysts' views", () => {
  const views = ["/dashboard", "/dashboard/compare?a_industry=technology&b=rest", "/dashboard/findings", "/dashboard/trends"];

  it("tells analysts their figures are exact and what viewers and the public see instead", async () => {
    for (const view of views) {
      const html = (await api<string>(view, { cookie: admin })).body;
      expect(html, view).toContain('data-testid="protection-note"');
      expect(html, view).toContain("Exact figures");
      expect(html, view).toMatch(/Viewers and the public see these perturbed by up to ±3 per count/);
    }
  });

  it("tells viewers their figures are protected, and gives them perturbed figures", async () => {
    const account = await createAnalyst("viewer");
    const viewer = await signIn(account.email, account.password);
    for (const view of views) {
      const response = await api<string>(view, { cookie: viewer });
      expect(response.status, view).toBe(200);
      expect(response.body, view).toContain("Protected figures");
      expect(response.body, view).not.toContain("Exact figures");
    }
    // The same heatmap through the API: the viewer's counts are within ±3 of the analyst's, never
    // a small count, and not all equal (perturbed).
    const path = "/api/v1/analytics/overview?wave=2026-Q4";
    type Body = { heatmap: { cells: { n: number | null }[][] } };
    const exact = (await api<Body>(path, { cookie: admin })).body.heatmap.cells.flat();
    const shown = (await api<Body>(path, { cookie: viewer })).body.heatmap.cells.flat();
    let differ = 0;
    shown.forEach((cell, i) => {
      const truth = exact[i]?.n ?? null;
      if (cell.n === null) return;
      expect(cell.n).toBeGreaterThanOrEqual(K);
      if (truth !== null) expect(Math.abs(cell.n - truth)).toBeLessThanOrEqual(3);
      if (cell.n !== truth) differ++;
    });
    expect(differ).toBeGreaterThan(0);
  });
});
