// Views benchmark: every analyst view over HTTP on the app (columnar replica), against the same
// request to a second app server on the same database with ANALYTICS_ENGINE=raw, i.e. PostgreSQL
// running the GROUP BY scans over response's jsonb answers that every view ran before the engine.
// Both are the whole request (session, tallies, statistics, suppression, JSON or HTML); the public
// results page is the whole server-rendered page, asked without a session.
// Targets (issue: one aggregate engine): <= 0.05x for the overview, compare and findings, <= 0.2x
// for a respondent's result page. The replica's load at boot is reported in absolute time. The
// public page is measured twice: served from its figures cache, and computing them (first read).
import { randomBytes } from "node:crypto";
import { RESULT_PANELS } from "@/lib/results/panels";
import { hashResumeToken, isWellFormedToken, resumeCookieName } from "@/lib/survey/resume-token";
import { withClient } from "../lib/database";
import type { BenchResult } from "./report";
import { timedAgainstBaseline } from "./setup";

export interface ViewsBenchInput {
  url: string;
  waveId: string;
  slug: string;
  /** The app under test (columnar) and the raw-engine app used as the baseline. */
  app: string;
  raw: string;
  cookie: string;
  rawCookie: string;
  runs: number;
}

/** Waits until the app's replica serves; returns how long that took, in ms. */
export async function waitForReplica(baseUrl: string, started: number, timeoutMs = 15 * 60_000): Promise<number> {
  for (;;) {
    const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { analytics?: string };
    // "raw": the server runs without a replica (ANALYTICS_ENGINE=raw), nothing to wait for.
    if (health.analytics === "ready" || health.analytics === "raw") return performance.now() - started;
    if (health.analytics === "failed") throw new Error("the analytics replica failed to load");
    if (performance.now() - started > timeoutMs) throw new Error("the analytics replica did not load in time");
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * A respondent of the seeded wave who can open their result page: a token set on a seeded row,
 * made and hashed as the app makes and hashes resume tokens (until 2026-12-03 the bench wrote a
 * token the app refused, and measured a result page without a result on both servers).
 */
async function respondentCookie(url: string, waveId: string, slug: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  if (!isWellFormedToken(token)) throw new Error("the bench's resume token is not one the app accepts");
  await withClient(url, (c) =>
    c.query(
      `UPDATE response SET resume_token_hash = $2
       WHERE id = (SELECT id FROM response WHERE wave_id = $1 AND status = 'complete' AND resume_token_hash IS NULL LIMIT 1)`,
      [waveId, hashResumeToken(token)],
    ),
  );
  return `${resumeCookieName(slug)}=${token}`;
}

/** Publishes the wave's results with every panel (the public page's heaviest form); returns its path. */
async function publishedResultsPath(url: string, waveId: string, slug: string): Promise<string> {
  const code = await withClient(url, async (c) => {
    await c.query(
      `INSERT INTO results_publication (wave_id, panels, published_at, published_by, updated_at, updated_by)
       VALUES ($1, $2::text[], now(), 'bench', now(), 'bench')
       ON CONFLICT (wave_id) DO UPDATE SET panels = EXCLUDED.panels, published_at = now(), updated_at = now()`,
      [waveId, [...RESULT_PANELS]],
    );
    const { rows } = await c.query<{ code: string }>("SELECT code FROM wave WHERE id = $1", [waveId]);
    return rows[0]?.code ?? "";
  });
  return `/results/${encodeURIComponent(slug)}/${encodeURIComponent(code)}`;
}

export async function benchViews({ url, waveId, slug, app, raw, cookie, rawCookie, runs }: ViewsBenchInput): Promise<BenchResult[]> {
  const respondent = await respondentCookie(url, waveId, slug);
  const published = await publishedResultsPath(url, waveId, slug);
  const a = "a_industry=technology";
  // The last 30 days that are over: the seeded rows span the 60 days before today.
  const day = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
  const dates = `from=${day(30)}&to=${day(1)}`;
  // A new publication revision: the public page's figures cache (keyed on it) misses on the next read.
  const republish = () =>
    withClient(url, (c) => c.query("UPDATE results_publication SET updated_at = clock_timestamp() WHERE wave_id = $1", [waveId])).then(
      () => undefined,
    );
  const views: {
    metric: string;
    path: string;
    respondent?: boolean;
    before?: () => Promise<void>;
    /** Text the answer must contain, so that a page without its figures is not what is timed. */
    expect?: string;
    target: number;
  }[] = [
    { metric: "overview, unfiltered", path: "/api/v1/analytics/overview", target: 0.05 },
    {
      metric: "overview, 1 industry + 2 regions + dates",
      path: `/api/v1/analytics/overview?industry=financial_services&region=east_asia&region=south_asia&${dates}`,
      target: 0.05,
    },
    { metric: "compare technology vs everyone else", path: `/api/v1/analytics/compare?${a}&b=rest`, target: 0.05 },
    { metric: "compare technology vs healthcare", path: `/api/v1/analytics/compare?${a}&b=custom&b_industry=healthcare`, target: 0.05 },
    { metric: "findings, unfiltered", path: "/api/v1/analytics/findings", target: 0.05 },
    {
      metric: "findings, 2 regions + dates",
      path: `/api/v1/analytics/findings?region=western_europe&region=north_america&${dates}`,
      target: 0.05,
    },
    {
      metric: "respondent result page (peer figures)",
      path: `/survey/${slug}/result`,
      respondent: true,
      expect: 'data-testid="standing-industry"',
      target: 0.2,
    },
    // Issue 17: the public results page (every panel and the findings, protected figures, no sign-in).
    // Its figures are cached per version of the wave's rows: "cached" is every read after the first
    // with no change; "computed" is the first read after a change (here: a new publication).
    { metric: "public results page (all panels, cached)", path: published, target: 0.05 },
    { metric: "public results page (all panels, computed)", path: published, before: republish, target: 0.05 },
  ];
  const results: BenchResult[] = [];
  for (const view of views) {
    const call = (base: string, session: string) => async () => {
      await view.before?.();
      const t = performance.now();
      const response = await fetch(`${base}${view.path}`, { headers: { cookie: view.respondent ? respondent : session } });
      if (!response.ok) throw new Error(`${view.path} answered ${response.status}`);
      const body = await response.text();
      const elapsed = performance.now() - t;
      if (view.expect && !body.includes(view.expect)) throw new Error(`${view.path} answered without ${view.expect}`);
      return elapsed;
    };
    const result = await timedAgainstBaseline(
      { benchmark: "views", metric: view.metric },
      call(app, cookie),
      call(raw, rawCookie),
      runs,
      view.target,
    );
    // Each row as it is measured, so a long run that fails later still shows what it measured.
    console.log(`  ${view.metric}: ${result.app} ms vs ${result.baseline} ms (${result.ratio}x, target ${result.target})`);
    results.push(result);
  }
  return results;
}
