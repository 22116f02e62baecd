import "server-only";
// HTTP side of the exports: authenticate, validate parameters (400 naming them), audit, stream.
import { resolveScope } from "@/lib/analytics/context";
import { loadComparison, loadOverview, rejectProblems } from "@/lib/analytics/pages";
import { requireAnalystApi } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv/safe";
import { ValidationError, type FieldIssue } from "@/lib/errors";
import { loadFindings } from "@/lib/findings/pages";
import { parseExplorerParams } from "@/lib/responses/params";
import { completeExport, finishExport, startExport } from "./audit";
import { exportColumns } from "./columns";
import { DOWNLOAD_KEYS, parseDownloadOptions } from "./options";
import { streamResponsesCsv } from "./responses-csv";

const csvHeaders = (filename: string) => ({
  "Content-Type": "text/csv; charset=utf-8",
  "Content-Disposition": `attachment; filename="${filename}"`,
  // no-transform: Next's built-in gzip (level 6, one core) would otherwise compress every export,
  // which at a million rows costs more CPU than PostgreSQL spends producing the CSV. Compression
  // is the client's choice (gzip=1) or a reverse proxy's.
  "Cache-Control": "no-store, no-transform",
  "X-Content-Type-Options": "nosniff",
});

/** Takes the download options out of the parameters; their problems are reported with the filters'. */
function downloadOptions(url: URL): { params: URLSearchParams; bom: boolean; gzip: boolean; problems: FieldIssue[] } {
  const params = new URLSearchParams(url.searchParams);
  const { value, problems } = parseDownloadOptions(params);
  for (const key of DOWNLOAD_KEYS) params.delete(key);
  return { params, ...value, problems };
}

/** Runs a strict loader and answers one 400 naming every bad parameter, download options included. */
async function withDownloadProblems<T>(problems: FieldIssue[], load: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await load();
  } catch (error) {
    if (error instanceof ValidationError && problems.length) throw new ValidationError([...problems, ...error.fields]);
    throw error;
  }
  rejectProblems(problems);
  return result;
}

/** A CSV download; gzip=1 sends it compressed as <name>.gz (the analyst's choice of CPU vs bytes). */
function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string, gzip: boolean): Response {
  if (!gzip) return new Response(body, { headers: csvHeaders(filename) });
  const stream = typeof body === "string" ? new Blob([body]).stream() : body;
  return new Response(stream.pipeThrough(new CompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>), {
    headers: { ...csvHeaders(`${filename}.gz`), "Content-Type": "application/gzip" },
  });
}

export async function responsesCsv(request: Request): Promise<Response> {
  const analyst = await requireAnalystApi();
  const { params, bom, gzip, problems } = downloadOptions(new URL(request.url));
  const scope = await resolveScope(params);
  const explorer = parseExplorerParams(params);
  rejectProblems([...problems, ...scope.problems, ...explorer.problems.filter((p) => p.path === "status")]);
  const status = explorer.value.status === "all" ? "any" : explorer.value.status;
  const auditId = await startExport(analyst.id, "responses.csv", { ...scope.filters, status: explorer.value.status }, analyst.via);
  const stream = await streamResponsesCsv(scope.wave.id, scope.wave.instrument, scope.filters, status, {
    bom,
    signal: request.signal,
    onEnd: (outcome, rows) => void finishExport(auditId, outcome, rows),
  });
  return csvResponse(stream, `responses-${scope.wave.code}.csv`, gzip);
}

export async function codebookCsv(request: Request): Promise<Response> {
  const analyst = await requireAnalystApi();
  const { params, bom, gzip, problems } = downloadOptions(new URL(request.url));
  const scope = await resolveScope(params);
  rejectProblems([...problems, ...scope.problems.filter((p) => p.path === "wave")]);
  const rows = exportColumns(scope.wave.instrument).flatMap((c) =>
    c.values?.length
      ? c.values.map((v) => [c.name, c.question, c.kind, c.label, v.value, v.label])
      : [[c.name, c.question, c.kind, c.label, "", ""]],
  );
  const auditId = await startExport(analyst.id, "codebook.csv", { wave: scope.wave.code }, analyst.via);
  await completeExport(auditId, rows.length);
  return csvResponse(
    toCsv(["column", "question_id", "kind", "label", "value", "value_label"], rows, { bom }),
    `codebook-${scope.wave.code}.csv`,
    gzip,
  );
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 10000) / 10000);

/** The tables behind the overview, suppressed exactly as on screen (withheld cells are empty). */
export async function overviewCsv(request: Request): Promise<Response> {
  const analyst = await requireAnalystApi();
  const { params, bom, gzip, problems } = downloadOptions(new URL(request.url));
  const { scope, data } = await withDownloadProblems(problems, () => loadOverview(params, true));
  const rows: unknown[][] = [];
  const withheld = (n: number | null) => (n === null ? "withheld" : "");
  if (data.reportable) {
    data.heatmap.industries.forEach((industry, i) =>
      data.heatmap.regions.forEach((region, j) => {
        const cell = data.heatmap.cells[i]?.[j];
        if (cell && cell.n !== 0)
          rows.push([
            "readiness_by_industry_region",
            `${industry.id}|${region.id}`,
            "readiness_index",
            cell.n,
            fmt(cell.index),
            null,
            null,
            withheld(cell.n),
          ]);
      }),
    );
    for (const d of data.dimensions)
      rows.push([
        "readiness_profile",
        d.id,
        "mean_0_100",
        d.filtered ? data.complete : null,
        fmt(d.filtered?.mean),
        fmt(d.filtered?.lower),
        fmt(d.filtered?.upper),
        d.filtered ? "" : "withheld",
      ]);
    for (const s of data.stages)
      rows.push(["ai_stage", s.id, "share", s.n, fmt(s.share), fmt(s.interval?.lower), fmt(s.interval?.upper), withheld(s.n)]);
    for (const c of data.concerns) {
      rows.push(["concerns_mentioned", c.id, "share", c.n, fmt(c.share), fmt(c.interval?.lower), fmt(c.interval?.upper), withheld(c.n)]);
      rows.push(["concerns_top3", c.id, "share", c.top3, fmt(c.top3Share), null, null, withheld(c.top3)]);
    }
    for (const r of data.infrastructure) {
      rows.push([
        "infrastructure_current",
        r.id,
        "share",
        r.current.n,
        fmt(r.current.share),
        fmt(r.current.interval?.lower),
        fmt(r.current.interval?.upper),
        withheld(r.current.n),
      ]);
      rows.push([
        "infrastructure_planned",
        r.id,
        "share",
        r.planned.n,
        fmt(r.planned.share),
        fmt(r.planned.interval?.lower),
        fmt(r.planned.interval?.upper),
        withheld(r.planned.n),
      ]);
    }
    data.latencyGeography.latency.forEach((l, i) =>
      data.latencyGeography.geography.forEach((g, j) => {
        const n = data.latencyGeography.cells[i]?.[j];
        if (n !== 0 && n !== undefined) rows.push(["latency_by_geography", `${l.id}|${g.id}`, "count", n, null, null, null, withheld(n)]);
      }),
    );
  }
  const auditId = await startExport(analyst.id, "overview.csv", scope.filters, analyst.via);
  await completeExport(auditId, rows.length);
  return csvResponse(
    toCsv(["table", "category", "measure", "n", "value", "ci_lower", "ci_upper", "note"], rows, { bom }),
    `overview-${scope.wave.code}.csv`,
    gzip,
  );
}

export async function compareCsv(request: Request): Promise<Response> {
  const analyst = await requireAnalystApi();
  const { params, bom, gzip, problems } = downloadOptions(new URL(request.url));
  const { a, b, data } = await withDownloadProblems(problems, () => loadComparison(params, true));
  const rows = data.rows.map((r) => [
    r.questionId,
    r.optionId ?? "",
    r.kind,
    r.a.n,
    fmt(r.a.value),
    fmt(r.a.interval?.lower),
    fmt(r.a.interval?.upper),
    r.b.n,
    fmt(r.b.value),
    fmt(r.b.interval?.lower),
    fmt(r.b.interval?.upper),
    fmt(r.difference),
    r.test,
    fmt(r.p),
    fmt(r.q),
    r.significant ? 1 : 0,
  ]);
  const auditId = await startExport(analyst.id, "compare.csv", { a: a.filters, b: b ? b.filters : "rest" }, analyst.via);
  await completeExport(auditId, rows.length);
  return csvResponse(
    toCsv(
      [
        "question_id",
        "option_id",
        "kind",
        "a_n",
        "a_value",
        "a_ci_lower",
        "a_ci_upper",
        "b_n",
        "b_value",
        "b_ci_lower",
        "b_ci_upper",
        "difference",
        "test",
        "p",
        "q",
        "significant",
      ],
      rows,
      { bom },
    ),
    `compare-${a.wave.code}.csv`,
    gzip,
  );
}

export async function findingsCsv(request: Request): Promise<Response> {
  const analyst = await requireAnalystApi();
  const url = new URL(request.url);
  const { params, bom, gzip, problems } = downloadOptions(url);
  const { scope, report } = await withDownloadProblems(problems, () => loadFindings(params, true));
  const header = [
    "rank",
    "kind",
    "segment",
    "headline",
    "measure",
    "segment_value",
    "others_value",
    "difference",
    "unit",
    "q",
    "n",
    "recommended_architecture",
    "reasons",
    "evidence_url",
  ];
  const percent = (v: number) => v * 100;
  const rows = report.findings.map((f, i) => [
    i + 1,
    f.kind,
    f.segment.label,
    f.headline,
    f.measure,
    f.unit === "%" ? percent(f.segmentValue) : f.segmentValue,
    f.othersValue === null ? null : f.unit === "%" ? percent(f.othersValue) : f.othersValue,
    f.difference,
    f.unit === "%" ? "percent" : "points",
    f.q,
    f.n,
    f.architectures[0]?.name ?? "",
    f.architectures[0]?.reasons.join(" | ") ?? "",
    `${url.origin}${f.evidenceUrl}`,
  ]);
  const auditId = await startExport(analyst.id, "findings.csv", scope.filters, analyst.via);
  await completeExport(auditId, rows.length);
  return csvResponse(toCsv(header, rows, { bom }), `findings-${scope.wave.code}.csv`, gzip);
}
