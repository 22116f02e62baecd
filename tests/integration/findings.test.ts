import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { FindingsReport } from "@/lib/findings";
import { signIn } from "../helpers/auth";
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

  it("links each finding to its evidence view and recommended architectures", () => {
    for (const f of report.findings) {
      expect(f.evidenceUrl).toMatch(/^\/dashboard(\/compare)?\?/);
      expect(f.architectures.length).toBeGreaterThan(0);
      expect(f.architectures[0]!.reasons.length).toBeGreaterThan(0);
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

  it("refuses anonymous access and bad filters", async () => {
    expect((await api("/api/v1/analytics/findings")).status).toBe(401);
    expect((await fetch(`${process.env.APP_BASE_URL}/api/v1/exports/findings.csv`)).status).toBe(401);
    const bad = await api<ErrorBody>("/api/v1/analytics/findings?stage=warp", { cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]?.path).toBe("stage");
  });
});
