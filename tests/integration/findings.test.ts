import http from "node:http";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { Comparison } from "@/lib/analytics/compare";
import type { FindingsReport } from "@/lib/findings";
import { signIn } from "../helpers/auth";
import { FIXTURE_WAVE, ensureFixtureWave } from "../helpers/fixture-wave";
import { api, type ErrorBody } from "../helpers/http";

let cookie: string;
let report: FindingsReport;

beforeAll(async () => {
  cookie = await signIn();
  const r = await api<FindingsReport>("/api/v1/analytics/findings", { cookie });
  expect(r.status).toBe(200);
  report = r.body;
});

describe("findings on the seeded data", () => {
  it("finds the patterns the generator planted", () => {
    const ids = report.findings.map((f) => f.id);
    // Technology is planted as the most ready industry, the public sector as the least.
    expect(ids.some((id) => id.startsWith("readiness.") && id.includes(".technology.any.any"))).toBe(true);
    expect(report.findings.find((f) => f.id.startsWith("stage.production.technology"))?.difference).toBeGreaterThan(0);
    expect(ids.some((id) => id.startsWith("readiness.") && id.includes(".public_sector.any.any"))).toBe(true);
    // Sovereignty worries are planted in regulated industries and Europe.
    expect(
      ids.some(
        (id) =>
          id.startsWith("concern.privacy_sovereignty.") &&
          (id.includes("western_europe") || id.includes("healthcare") || id.includes("public_sector") || id.includes("financial_services")),
      ),
    ).toBe(true);
    // Early-stage organizations planning one central region whatever their users need.
    expect(ids).toContain("mismatch.central_only.any.any.any");
  });

  it("finds nothing for roles, where the generator planted no difference", () => {
    expect(report.findings.filter((f) => f.segment.role !== null)).toEqual([]);
  });

  it("states only significant differences, from groups of at least k, ranked", () => {
    for (const f of report.findings) {
      expect(f.q).toBeLessThan(0.05);
      expect(f.n).toBeGreaterThanOrEqual(report.k);
      expect(f.headline).toMatch(/n = [\d,]+/);
    }
    const scores = report.findings.map((f) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("links each finding to its evidence view and to an architecture, or says why none follows", () => {
    for (const f of report.findings) {
      expect(f.evidenceUrl).toMatch(/^\/dashboard(\/compare)?\?/);
      if (f.architectures.length > 0) expect(f.architectures[0]!.reasons.length).toBeGreaterThan(0);
      else expect(f.architectureNote).toBeTruthy();
    }
    const tech = report.findings.find((f) => f.id.startsWith("stage.production.technology"));
    expect(tech?.evidenceUrl).toContain("a_industry=technology");
    expect(tech?.evidenceUrl).toContain("b=rest");
  });

  it("exports the same findings as spreadsheet-safe CSV", async () => {
    const response = await fetch(`${process.env.APP_BASE_URL}/api/v1/exports/findings.csv?bom=1`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="findings-2026-Q4.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.slice(3));
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(report.findings.length);
    expect(parsed.data[0]!.headline).toBe(report.findings[0]!.headline);
    expect(Number(parsed.data[0]!.n)).toBe(report.findings[0]!.n);
  });

  it("links evidence from APP_URL, not from the Host the request came in with (behind a proxy, that host is internal)", async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const request = http.get(`${process.env.APP_BASE_URL}/api/v1/exports/findings.csv`, {
        headers: { cookie, host: "internal.lan:8080" },
      });
      request.on("error", reject);
      request.on("response", (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => (response.statusCode === 200 ? resolve(body) : reject(new Error(`${response.statusCode}: ${body}`))));
      });
    });
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.evidence_url?.startsWith(`${process.env.APP_URL}/dashboard`), row.evidence_url).toBe(true);
  });

  it("refuses anonymous access and bad filters", async () => {
    expect((await api("/api/v1/analytics/findings")).status).toBe(401);
    expect((await fetch(`${process.env.APP_BASE_URL}/api/v1/exports/findings.csv`)).status).toBe(401);
    const bad = await api<ErrorBody>("/api/v1/analytics/findings?stage=warp", { cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]?.path).toBe("stage");
  });
});

describe("findings under filters (the fixture wave)", () => {
  // Companies of 1,000-9,999 in the fixture: technology 30 (strategy 28 x 1, 2 x 5) and healthcare 60;
  // retail (30, companies under 100) is outside these filters.
  let filtered: FindingsReport;
  beforeAll(async () => {
    await ensureFixtureWave();
    const r = await api<FindingsReport>(`/api/v1/analytics/findings?wave=${FIXTURE_WAVE}&size=1000_9999`, { cookie });
    expect(r.status).toBe(200);
    filtered = r.body;
  });

  it("links to an evidence view comparing the same two groups as the finding (everyone else under the same filters)", async () => {
    const finding = filtered.findings.find((f) => f.id === "readiness.strategy.technology.any.any")!;
    expect([finding.n, finding.othersN]).toEqual([30, 60]);
    const evidence = await api<Comparison>(`/api/v1/analytics/compare?${finding.evidenceUrl.split("?")[1]}`, { cookie });
    expect(evidence.status).toBe(200);
    expect([evidence.body.nA, evidence.body.nB]).toEqual([30, 60]); // retail is not "everyone else" here
    const row = evidence.body.rows.find((x) => x.questionId === "dim_strategy")!;
    expect(row.a.value).toBeCloseTo(finding.segmentValue, 10);
    expect(row.b.value).toBeCloseTo(finding.othersValue!, 10);
    // One interval method everywhere: the finding's is the comparison's (t, cut at the scale: R gives -2.81 to 16.14).
    expect(finding.interval).toEqual(row.a.interval);
    expect(finding.interval.lower).toBe(0);
    expect(finding.interval.upper).toBeCloseTo(16.1402839989798, 8);
  });

  it("states readiness findings with a formatted q-value", () => {
    const finding = filtered.findings.find((f) => f.id === "readiness.strategy.technology.any.any")!;
    expect(finding.headline).toMatch(/7 vs 63 on 0–100, -56 points, q < 0\.001, n = 30\)/);
  });
});

describe("architectures linked to findings", () => {
  it("follow each finding's subject, with a reason citing its figures, and differ across subjects", () => {
    const linked = report.findings.filter((f) => f.architectures.length > 0);
    expect(new Set(linked.map((f) => f.architectures[0]!.id)).size).toBeGreaterThanOrEqual(3);
    for (const f of linked) {
      expect(f.architectureBasis).toBe("subject");
      expect(f.architectures[0]!.reasons[0]).toContain(
        f.unit === "%" ? `${Math.round(f.segmentValue * 100)}%` : `${Math.round(f.segmentValue)}`,
      );
    }
    for (const f of report.findings.filter((x) => x.architectures.length === 0)) {
      expect(f.architectureBasis).toBe("none");
      expect(f.architectureNote).toMatch(/does not point to an inference architecture/);
    }
    // A sovereignty concern points to sovereign inference, a low production share elsewhere.
    const sovereignty = report.findings.find((f) => f.id.startsWith("concern.privacy_sovereignty.") && f.difference! > 0)!;
    expect(["sovereign_onprem", "regional_cloud"]).toContain(sovereignty.architectures[0]!.id);
    const lowProduction = report.findings.find((f) => f.id.startsWith("stage.production.") && f.difference! < 0)!;
    expect(lowProduction.architectures[0]!.id).toBe("central_factory");
  });
});
