// Weighted findings through the real API, exports and pages on real PostgreSQL, against R's survey
// package: a closed wave holding the 120 rows of tests/fixtures/weighting/views.json (answers as
// tests/helpers/weighted-rows.ts gives them), raked on industry and region as in
// weighted-views.test.ts. Without targets the findings are the unweighted ones and the switch
// changes nothing; once targets are set they are weighted by default and each stated finding's
// shares or means, interval, difference, p, q and n_eff equal findings-scan.R's to 1e-6 (the whole
// wave, and a filtered view: a domain of the wave's design); weighted=0 gives back exactly the
// unweighted findings; findings.csv, the PDF and the page say which; viewers get unweighted findings.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FindingsReport } from "@/lib/findings";
import { definitionHash } from "@/lib/survey/definition-hash";
import { SURVEY_SLUG, instrumentV1 } from "@/lib/survey/instrument";
import { dimensionCategories } from "@/lib/weighting/instrument";
import type { TargetRow } from "@/lib/weighting/schemas";
import views from "../fixtures/weighting/views.json";
import { createAnalyst, signIn } from "../helpers/auth";
import { closeTestPool, insertCompleteResponses, testPool } from "../helpers/db";
import { api } from "../helpers/http";
import { putWeightingTargets } from "../helpers/weighting";
import { findingsAnswersOf } from "../helpers/weighted-rows";

const WAVE = "2017-Q3";
const TOL = 1e-6;
let cookie = "";
/** The findings before the wave had targets: what weighted=0 must give back. */
let unweighted: FindingsReport;

type Reference = (typeof views.findings.whole.candidates)[keyof typeof views.findings.whole.candidates];
const close = (actual: number | null | undefined, expected: number, label: string) => {
  expect(actual, label).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(TOL);
};
const findings = (query = "", as = cookie) => api<FindingsReport>(`/api/v1/analytics/findings?wave=${WAVE}${query}`, { cookie: as });

async function download(path: string): Promise<Response> {
  const response = await fetch(`${process.env.APP_BASE_URL}${path}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return response;
}
const csv = async (path: string) => {
  const parsed = Papa.parse<Record<string, string>>(await (await download(path)).text(), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
};

function expectEqualToR(report: FindingsReport, reference: Record<string, Reference>) {
  for (const f of report.findings) {
    const r = reference[f.id];
    expect(r, f.id).toBeDefined();
    if (!r) continue;
    expect([f.n, f.othersN], f.id).toEqual([r.n, r.othersN]);
    close(f.segmentValue, r.segmentValue, `${f.id} segmentValue`);
    close(f.othersValue, r.othersValue, `${f.id} othersValue`);
    close(f.interval.lower, r.lower, `${f.id} lower`);
    close(f.interval.upper, r.upper, `${f.id} upper`);
    close(f.difference, r.difference, `${f.id} difference`);
    close(f.p, r.p, `${f.id} p`);
    close(f.q, r.q, `${f.id} q`);
    close(f.nEff, r.nEff, `${f.id} nEff`);
    close(f.othersNEff, r.othersNEff, `${f.id} othersNEff`);
  }
}

/** The R fixture's targets for every category of the two dimensions (0 for the categories nobody is in). */
function targets(): TargetRow[] {
  const categories = dimensionCategories(instrumentV1);
  return (["industry", "region"] as const).flatMap((dimension) =>
    categories[dimension].map((category) => ({
      dimension,
      category,
      share: (views.targets[dimension] as Record<string, number>)[category] ?? 0,
    })),
  );
}

beforeAll(async () => {
  cookie = await signIn();
  const { rows } = await testPool().query<{ id: string }>(
    `INSERT INTO wave (survey_id, code, title, status, definition, definition_hash, opens_at)
     SELECT id, $1, 'Weighted findings 2017', 'closed', $2, $3, '2017-07-01T00:00:00Z' FROM survey WHERE slug = $4 RETURNING id`,
    [WAVE, JSON.stringify(instrumentV1), definitionHash(instrumentV1), SURVEY_SLUG],
  );
  await insertCompleteResponses(rows[0]!.id, views.rows.map(findingsAnswersOf), 3);
});
// The suite shares one database: take the wave out again, so views over "every wave" elsewhere never see it.
afterAll(async () => {
  const waves = await testPool().query<{ id: string }>(
    `SELECT w.id FROM wave w JOIN survey s ON s.id = w.survey_id WHERE s.slug = $1 AND w.code = $2`,
    [SURVEY_SLUG, WAVE],
  );
  const ids = waves.rows.map((w) => w.id);
  await testPool().query(`DELETE FROM response WHERE wave_id = ANY($1::uuid[])`, [ids]);
  await testPool().query(`DELETE FROM wave WHERE id = ANY($1::uuid[])`, [ids]);
  await closeTestPool();
});

describe("weighted findings", () => {
  it("a wave without targets gives the unweighted findings, whatever the switch says", async () => {
    const { status, body } = await findings();
    expect(status).toBe(200);
    expect(body.weighting).toEqual({ state: "no_targets", available: false, n: 120, nEff: 120 });
    expect(body.findings.length).toBeGreaterThan(0);
    for (const f of body.findings) {
      expect([f.nEff, f.othersNEff]).toEqual([null, null]);
      expect(f.headline).not.toContain("n_eff");
    }
    expect((await findings("&weighted=1")).body).toEqual(body);
    expect((await findings("&weighted=0")).body).toEqual(body);
    unweighted = body;
  });

  it("is weighted by default once the wave has targets, each finding equal to R's (svyciprop, svymean, svyttest, BH)", async () => {
    const saved = await putWeightingTargets(WAVE, targets(), cookie);
    expect(saved.status).toBe(200);
    const { status, body } = await findings();
    expect(status).toBe(200);
    expect(body.weighting).toMatchObject({ state: "weighted", available: true, n: 120 });
    close(body.weighting.nEff, views.findings.whole.nEff, "nEff");
    // What R states at q < 0.05 with a difference of at least 8 (5 on readiness), less the pair repeating its industry.
    expect(body.findings.map((f) => f.id).sort()).toEqual(["mismatch.central_only.any.any.any", "readiness.strategy.technology.any.any"]);
    expectEqualToR(body, views.findings.whole.candidates);
    const mismatch = body.findings.find((f) => f.kind === "mismatch")!;
    expect(mismatch.headline).toContain(
      `n = 61, n_eff = ${Math.round(views.findings.whole.candidates["mismatch.central_only.any.any.any"].nEff)})`,
    );
    // weighted=1 is the default (equal up to the order the engine adds the cells in), its links keep the switch.
    const again = (await findings("&weighted=1")).body;
    expect(again.weighting.state).toBe("weighted");
    expect(again.findings.map((f) => f.id)).toEqual(body.findings.map((f) => f.id));
    again.findings.forEach((f, i) => {
      close(f.difference, body.findings[i]!.difference!, "weighted=1 difference");
      close(f.q, body.findings[i]!.q, "weighted=1 q");
      expect(f.evidenceUrl).toContain("&weighted=1");
    });
  });

  it("a filtered view is a domain of the wave's design (R: subset(design, region == ...))", async () => {
    const { body } = await findings("&region=north_america");
    expect(body.weighting).toMatchObject({ state: "weighted", n: views.findings.north_america.n });
    close(body.weighting.nEff, views.findings.north_america.nEff, "nEff");
    expect(body.findings.map((f) => f.id)).toEqual(["mismatch.central_only.any.any.any"]);
    expectEqualToR(body, views.findings.north_america.candidates as Record<string, Reference>);
  });

  it("weighted=0 gives back exactly the unweighted findings; a bad value is a 400 naming the parameter", async () => {
    const { body } = await findings("&weighted=0");
    expect(body.weighting).toEqual({ state: "switched_off", available: true, n: 120, nEff: 120 });
    // The evidence links keep the switch, as every link of the views does.
    for (const f of body.findings) expect(f.evidenceUrl).toMatch(/&weighted=0(#|$)/);
    const links = body.findings.map(({ evidenceUrl, ...f }) => ({ ...f, evidenceUrl: evidenceUrl.replace("&weighted=0", "") }));
    expect({ ...body, weighting: unweighted.weighting, findings: links }).toEqual(unweighted);
    const bad = await api<{ error: { fields: { path: string }[] } }>(`/api/v1/analytics/findings?wave=${WAVE}&weighted=2`, { cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.path)).toEqual(["weighted"]);
  });

  it("findings.csv carries the weighted figures, n_eff and the state, and follows the switch", async () => {
    const { body } = await findings();
    const rows = await csv(`/api/v1/exports/findings.csv?wave=${WAVE}`);
    expect(rows.map((r) => r.weighting)).toEqual(body.findings.map(() => "weighted"));
    body.findings.forEach((f, i) => {
      const row = rows[i]!;
      close(Number(row.difference), f.difference!, "csv difference");
      close(Number(row.n_eff), f.nEff!, "csv n_eff");
      close(Number(row.q), f.q, "csv q");
    });
    const plain = await csv(`/api/v1/exports/findings.csv?wave=${WAVE}&weighted=0`);
    expect(plain.map((r) => [r.weighting, r.n_eff])).toEqual(unweighted.findings.map(() => ["switched_off", ""]));
    expect(plain.map((r) => Number(r.difference))).toEqual(unweighted.findings.map((f) => f.difference));
  });

  it("the PDF report says whether its figures are weighted, with n and n_eff", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rr-weighted-pdf-"));
    const text = (bytes: ArrayBuffer) => {
      const file = path.join(dir, "report.pdf");
      writeFileSync(file, Buffer.from(bytes));
      return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    };
    const weighted = text(await (await download(`/api/v1/findings/report.pdf?wave=${WAVE}`)).arrayBuffer());
    expect(weighted).toContain("Weighted: shares, means, intervals and tests are weighted to the wave's population targets");
    expect(weighted).toContain(`n = 120, n_eff = ${Math.round(views.findings.whole.nEff)}.`);
    const plain = text(await (await download(`/api/v1/findings/report.pdf?wave=${WAVE}&weighted=0`)).arrayBuffer());
    expect(plain).toContain("Unweighted figures, as chosen; the wave has population targets.");
    expect(plain).toContain("are not weighted");
    rmSync(dir, { recursive: true, force: true });
  });

  it("the findings page shows the switch with n and n_eff, and each finding's n_eff", async () => {
    const page = await (await download(`/dashboard/findings?wave=${WAVE}`)).text();
    expect(page).toMatch(/data-testid="weighting-badge" data-state="weighted"/);
    expect(page).toContain('data-testid="view-n-eff"');
    expect(page).toContain('data-testid="finding-n-eff"');
    expect(page).toContain(`href="/dashboard/findings?wave=${WAVE}&amp;weighted=0"`);
    const off = await (await download(`/dashboard/findings?wave=${WAVE}&weighted=0`)).text();
    expect(off).toMatch(/data-testid="weighting-badge" data-state="switched_off"/);
    expect(off).not.toContain('data-testid="finding-n-eff"');
    // Links keep the switch: the CSV, the printable report.
    expect(off).toContain(`/api/v1/exports/findings.csv?wave=${WAVE}&amp;weighted=0`);
    expect(off).toContain(`/dashboard/findings/report?wave=${WAVE}&amp;weighted=0`);
  });

  it("viewers get unweighted (protected) findings, and the answer says so", async () => {
    const viewer = await createAnalyst("viewer");
    const viewerCookie = await signIn(viewer.email, viewer.password);
    for (const query of ["", "&weighted=1"]) {
      const { status, body } = await findings(query, viewerCookie);
      expect(status).toBe(200);
      expect(body.weighting).toMatchObject({ state: "protected", available: true });
      for (const f of body.findings) expect([f.nEff, f.othersNEff]).toEqual([null, null]);
    }
  });
});
