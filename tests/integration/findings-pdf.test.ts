// The findings report as a generated PDF (GET /api/v1/findings/report.pdf): analysts only, the
// report's filters, a document pdf-lib parses, whose text (poppler's pdftotext) carries every
// section and the findings, and whose first page is rendered (pdftoppm) for a person to look at.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FindingsReport } from "@/lib/findings";
import { recommendations } from "@/lib/findings/report";
import { signIn } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { api, type ErrorBody } from "../helpers/http";

const PDF_URL = "/api/v1/findings/report.pdf";
const SECTIONS = [
  "AI inference readiness: findings",
  "Summary",
  "Key charts",
  "Findings by theme",
  "Recommendations",
  "Method and caveats",
];
const work = mkdtempSync(path.join(tmpdir(), "rr-findings-pdf-"));
let cookie = "";

beforeAll(async () => {
  for (const tool of ["pdftotext", "pdftoppm"]) {
    try {
      execFileSync(tool, ["-v"], { stdio: "ignore" });
    } catch {
      throw new Error(`${tool} is missing: apt-get install -y poppler-utils (.ci/run installs it)`);
    }
  }
  cookie = await signIn();
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await closeTestPool();
});

async function download(query = ""): Promise<{ response: Response; bytes: Uint8Array }> {
  const response = await fetch(`${testEnv.baseUrl}${PDF_URL}${query}`, { headers: { cookie } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** The PDF's text as pdftotext reads it, whitespace collapsed (wrapped lines join with a space). */
function textOf(bytes: Uint8Array, name: string): string {
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

describe("GET /api/v1/findings/report.pdf", () => {
  it("answers 401 without a session or token, and 401 to a wrong bearer token", async () => {
    const anonymous = await api<ErrorBody>(PDF_URL);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBeTruthy();
    const bearer = await api<ErrorBody>(PDF_URL, { headers: { authorization: "Bearer rr_not-a-token" } });
    expect(bearer.status).toBe(401);
    expect(bearer.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("sends an analyst the report as a PDF: it parses, its pages are A4 and numbered, its text has every section and the findings", async () => {
    const findings = await api<FindingsReport & { wave: string }>("/api/v1/analytics/findings", { cookie });
    expect(findings.status).toBe(200);
    expect(findings.body.findings.length).toBeGreaterThan(3);

    const started = new Date();
    const { response, bytes } = await download();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="findings-${findings.body.wave}.pdf"`);
    expect(response.headers.get("cache-control")).toMatch(/no-store/);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");

    const doc = await PDFDocument.load(bytes);
    const pages = doc.getPageCount();
    // An executive report: a handful of pages, not one per finding.
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(12);
    for (const page of doc.getPages()) {
      expect(Math.round(page.getWidth())).toBe(595);
      expect(Math.round(page.getHeight())).toBe(842);
    }
    expect(doc.getTitle()).toContain("AI inference readiness: findings");

    const text = textOf(bytes, "everyone");
    for (const section of SECTIONS) expect(text, section).toContain(section);
    expect(text).toContain("Filters: everyone");
    expect(text).toContain(`${findings.body.population.toLocaleString("en")} complete responses`);
    // The strongest finding (summary and theme table) in full, and the theme tables' first rows.
    const top = findings.body.findings[0]!;
    expect(text.split(top.headline.replace(/\s+/g, " ")).length - 1).toBeGreaterThanOrEqual(2);
    for (const f of findings.body.findings.slice(0, 3)) expect(text).toContain(f.headline.replace(/\s+/g, " "));
    // Each recommended architecture once: its trade-off (from its strongest finding) exactly once.
    const recs = recommendations(findings.body.findings);
    expect(recs.length).toBeGreaterThan(0);
    for (const rec of recs) expect(text.split(rec.tradeoff.replace(/\s+/g, " ")).length - 1, rec.name).toBe(1);
    // Numbered pages, and the text the embedded font could not draw: none (no replacement marks).
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).not.toContain("\uFFFD");

    // Audited like the findings CSV: who exported what, under which filters, how many findings.
    const audit = await testPool().query<{ row_count: number; outcome: string }>(
      `SELECT row_count, outcome::text FROM export_audit WHERE kind = 'findings.pdf' AND created_at >= $1`,
      [started],
    );
    expect(audit.rows).toEqual([{ row_count: findings.body.findings.length, outcome: "completed" }]);

    // Page 1, rendered for a person to look at (tests/artifacts/findings-pdf/page-1.png).
    const dir = path.join(testEnv.artifactsDir, "findings-pdf");
    mkdirSync(dir, { recursive: true });
    execFileSync("pdftoppm", [
      "-r",
      "80",
      "-f",
      "1",
      "-l",
      "1",
      "-png",
      "-singlefile",
      path.join(work, "everyone.pdf"),
      path.join(dir, "page-1"),
    ]);
    writeFileSync(path.join(dir, "report.pdf"), bytes);
  });

  it("takes the findings report's filters: names them, refuses bad ones by name, and says when there is too little to report", async () => {
    const filtered = await download("?industry=technology");
    expect(filtered.response.status).toBe(200);
    const text = textOf(filtered.bytes, "technology");
    expect(text).toMatch(/Filters: Technology/);
    for (const section of SECTIONS) expect(text).toContain(section);

    const bad = await api<ErrorBody>(`${PDF_URL}?industry=no-such-industry`, { cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.path)).toContain("industry");

    // No complete response in this window: the PDF says why it states nothing, still with its method.
    const empty = await download("?from=2020-01-01&to=2020-01-31");
    expect(empty.response.status).toBe(200);
    const emptyText = textOf(empty.bytes, "empty");
    expect(emptyText).toContain("Too few respondents match these filters");
    expect(emptyText).toContain("Method and caveats");
    expect(emptyText).not.toContain("Key charts");
    expect((await PDFDocument.load(empty.bytes)).getPageCount()).toBeLessThanOrEqual(2);
  });
});
