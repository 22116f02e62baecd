import "server-only";
// The exports' work once their route (./routes.ts) has checked the caller and parameters: audit, build, stream.
import { compareSegments, otherWave } from "@/lib/analytics/compare";
import type { AnalyticsScope, WaveInfo } from "@/lib/analytics/context";
import type { Filters } from "@/lib/analytics/filters";
import { getTrends } from "@/lib/analytics/trends";
import { getOverview, type Share } from "@/lib/analytics/overview";
import type { Caller } from "@/lib/api/route";
import { FORMULA_PREFIX_NOTE, toCsv } from "@/lib/csv/safe";
import { getFindings } from "@/lib/findings";
import { exportWeights } from "@/lib/weighting/store";
import { completeExport, finishExport, startExport } from "./audit";
import { bundleColumns, dataPackage, rScript, spssSyntax, stataDo, type BundleOptions } from "./bundle";
import { exportColumns } from "./columns";
import { streamResponsesCsv, streamWavesCsv, type ExportWave } from "./responses-csv";
import { zipStream } from "./zip";
import { getEnv } from "@/lib/env";

const csvHeaders = (filename: string) => ({
  "Content-Type": "text/csv; charset=utf-8",
  "Content-Disposition": `attachment; filename="${filename}"`,
  // no-transform: Next's built-in gzip (level 6, one core) would otherwise compress every export,
  // which at a million rows costs more CPU than PostgreSQL spends producing the CSV. Compression
  // is the client's choice (gzip=1) or a reverse proxy's.
  "Cache-Control": "no-store, no-transform",
  "X-Content-Type-Options": "nosniff",
});

export interface Download {
  caller: Caller;
  bom: boolean;
  gzip: boolean;
}

/** A CSV download; gzip=1 sends it compressed as <name>.gz (the analyst's choice of CPU vs bytes). */
function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string, gzip: boolean): Response {
  if (!gzip) return new Response(body, { headers: csvHeaders(filename) });
  const stream = typeof body === "string" ? new Blob([body]).stream() : body;
  return new Response(stream.pipeThrough(new CompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>), {
    headers: { ...csvHeaders(`${filename}.gz`), "Content-Type": "application/gzip" },
  });
}

export async function responsesCsv(
  { caller: analyst, bom, gzip }: Download,
  scope: AnalyticsScope,
  requested: "complete" | "partial" | "all",
  signal: AbortSignal,
): Promise<Response> {
  const status = requested === "all" ? "any" : requested;
  const auditId = await startExport(analyst.id, "responses.csv", { ...scope.filters, status: requested }, analyst.via);
  // The request's signal aborts when the client goes away: the stream then cancels its COPY and
  // releases the connection, and the audit row is closed as cancelled (lib/exports/responses-csv.ts).
  // A weighted wave's export carries each complete response's raking weight (its profile cell's).
  const weights = await exportWeights(scope.wave);
  const stream = await streamResponsesCsv(scope.wave, scope.filters, status, {
    bom,
    signal,
    weights,
    onEnd: (outcome, rows) => void finishExport(auditId, outcome, rows),
    idleMs: getEnv().EXPORT_IDLE_SECONDS * 1000,
  });
  return csvResponse(stream, `responses-${scope.wave.code}.csv`, gzip);
}

/**
 * The statisticians' bundle for the current filters: the responses CSV (streamed from COPY, with the
 * weight when the wave is weighted) beside its SPSS, R and Stata loaders and datapackage.json, as
 * one stored ZIP produced while it downloads. Audited as one export ("bundle.zip"), closed when the
 * CSV inside ends, however it ends.
 */
export async function responsesBundle(
  analyst: Caller,
  scope: AnalyticsScope,
  requested: "complete" | "partial" | "all",
  signal: AbortSignal,
): Promise<Response> {
  const status = requested === "all" ? "any" : requested;
  const wave = scope.wave;
  const weights = await exportWeights(wave);
  const base = `responses-${wave.code}`;
  const options: BundleOptions = {
    csvFile: `${base}.csv`,
    waveCodes: [wave.code],
    instrument: wave.instrument,
    weighted: weights !== null,
    suppressionK: getEnv().SUPPRESSION_K,
  };
  const columns = exportColumns(wave.instrument, wave.code);
  const auditId = await startExport(analyst.id, "bundle.zip", { ...scope.filters, status: requested }, analyst.via);
  const csv = await streamResponsesCsv(wave, scope.filters, status, {
    bom: false,
    signal,
    weights,
    onEnd: (outcome, rows) => void finishExport(auditId, outcome, rows),
    idleMs: getEnv().EXPORT_IDLE_SECONDS * 1000,
  });
  const archive = zipStream([
    { name: options.csvFile, data: csv },
    { name: `${base}.sps`, data: spssSyntax(columns, options) },
    { name: `${base}.R`, data: rScript(columns, options) },
    { name: `${base}.do`, data: stataDo(columns, options) },
    { name: "datapackage.json", data: `${JSON.stringify(dataPackage(columns, options), null, 2)}\n` },
  ]);
  return new Response(archive, {
    headers: {
      ...csvHeaders(`${base}.zip`),
      "Content-Type": "application/zip",
    },
  });
}

const CODEBOOK_HEADER = [
  "wave",
  "column",
  "section_id",
  "section_title",
  "section_text",
  "question_id",
  "role",
  "question_text",
  "question_help",
  "kind",
  "label",
  "value",
  "value_label",
];

/**
 * A wave's codebook rows: each column with its section, question text and role, one row per value;
 * `weight` last when the wave's responses.csv carries it.
 */
function codebookRows(wave: ExportWave, weighted = false): unknown[][] {
  return bundleColumns(exportColumns(wave.instrument, wave.code), weighted).flatMap((c) => {
    const head = [
      wave.code,
      c.name,
      c.section?.id ?? "",
      c.section?.title ?? "",
      c.section?.description ?? "",
      c.question,
      c.role ?? "",
      c.questionText ?? "",
      c.help ?? "",
      c.kind,
      c.label,
    ];
    const values = c.kind === "text" ? [{ value: "'", label: FORMULA_PREFIX_NOTE }] : c.values;
    return values?.length ? values.map((v) => [...head, v.value, v.label]) : [[...head, "", ""]];
  });
}

export async function codebookCsv({ caller: analyst, bom, gzip }: Download, scope: AnalyticsScope): Promise<Response> {
  const rows = codebookRows(scope.wave, (await exportWeights(scope.wave)) !== null);
  const auditId = await startExport(analyst.id, "codebook.csv", { wave: scope.wave.code }, analyst.via);
  await completeExport(auditId, rows.length);
  return csvResponse(toCsv(CODEBOOK_HEADER, rows, { bom }), `codebook-${scope.wave.code}.csv`, gzip);
}

const wavesName = (waves: ExportWave[]) => `${waves[0]?.code ?? "none"}_to_${waves[waves.length - 1]?.code ?? "none"}`;

/** The codebooks of several waves, one after the other (oldest first), each row naming its wave. */
export async function codebookWavesCsv({ caller: analyst, bom, gzip }: Download, waves: ExportWave[]): Promise<Response> {
  const rows = waves.flatMap((wave) => codebookRows(wave));
  const auditId = await startExport(analyst.id, "codebook-waves.csv", { waves: waves.map((w) => w.code) }, analyst.via);
  await completeExport(auditId, rows.length);
  return csvResponse(toCsv(CODEBOOK_HEADER, rows, { bom }), `codebook-${wavesName(waves)}.csv`, gzip);
}

/** Several waves' responses in one CSV (the union of their columns, a wave column on every row). */
export async function responsesWavesCsv(
  { caller: analyst, bom, gzip }: Download,
  waves: ExportWave[],
  filters: Filters,
  requested: "complete" | "partial" | "all",
  signal: AbortSignal,
): Promise<Response> {
  const status = requested === "all" ? "any" : requested;
  const audited = { ...filters, waves: waves.map((w) => w.code), status: requested };
  const auditId = await startExport(analyst.id, "responses-waves.csv", audited, analyst.via);
  // Each wave's own raking weights (a wave is its own design), computed afresh like responses.csv's.
  const weights = await Promise.all(waves.map((wave) => exportWeights(wave)));
  const stream = await streamWavesCsv(waves, filters, status, {
    bom,
    signal,
    weights,
    onEnd: (outcome, rows) => void finishExport(auditId, outcome, rows),
  });
  return csvResponse(stream, `responses-${wavesName(waves)}.csv`, gzip);
}

/** The trends as a long table: one row per measure and wave, with the change from the wave before. */
export async function trendsCsv(
  { caller: analyst, bom, gzip }: Download,
  waves: WaveInfo[],
  filters: Filters,
  weighted: boolean | null = null,
): Promise<Response> {
  // Each wave's points weighted with its own raking weights (when it has them): wave_n_eff and weighting say which.
  const data = await getTrends(waves, filters, { weighted });
  const rows = data.series.flatMap((s) =>
    s.points.map((p, i) => {
      const change = i > 0 ? s.steps[i - 1] : undefined;
      const wave = data.waves[i];
      return [
        s.measure,
        s.id,
        s.questionId ?? "",
        s.optionId ?? "",
        s.label,
        s.kind,
        p.wave,
        wave?.n ?? null,
        p.offered ? 1 : 0,
        p.n,
        fmt(p.value),
        fmt(p.interval?.lower),
        fmt(p.interval?.upper),
        change?.from ?? "",
        fmt(change?.difference),
        change?.test ?? "",
        fmt(change?.p),
        fmt(change?.q),
        change ? (change.significant ? 1 : 0) : null,
        [p.offered && p.value === null ? "withheld" : "", change?.note ?? ""].filter(Boolean).join(" "),
        fmt(wave?.nEff),
        wave?.weighting ?? "",
      ];
    }),
  );
  const auditId = await startExport(analyst.id, "trends.csv", { ...filters, waves: waves.map((w) => w.code) }, analyst.via);
  await completeExport(auditId, rows.length);
  const header = [
    "measure",
    "series",
    "question_id",
    "option_code",
    "label",
    "kind",
    "wave",
    "wave_n",
    "offered",
    "n",
    "value",
    "ci_lower",
    "ci_upper",
    "change_from",
    "difference",
    "test",
    "p",
    "q",
    "significant",
    "note",
    "wave_n_eff",
    "weighting",
  ];
  return csvResponse(toCsv(header, rows, { bom }), `trends-${wavesName(waves)}.csv`, gzip);
}

// Figures go out at full precision (as in findings.csv): rounding made small p- and q-values read 0.
const fmt = (v: number | null | undefined) => (v === null || v === undefined ? null : v);

/** The tables behind the overview, suppressed exactly as on screen (withheld cells are empty). */
export async function overviewCsv(
  { caller: analyst, bom, gzip }: Download,
  scope: AnalyticsScope,
  weighted: boolean | null = null,
): Promise<Response> {
  const data = await getOverview(scope.wave.id, scope.wave.instrument, scope.filters, { weighted });
  const rows: unknown[][] = [];
  const withheld = (n: number | null) => (n === null ? "withheld" : "");
  if (data.reportable) {
    // The view's size first: n, and Kish's n_eff as the value; the note says whether the figures below are weighted.
    rows.push(["view", "complete_responses", "n_eff", data.weighting.n, fmt(data.weighting.nEff), null, null, data.weighting.state]);
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
    // A share with its interval, as every share table of the overview writes it.
    const share = (table: string, id: string, f: Share) => [
      table,
      id,
      "share",
      f.n,
      fmt(f.share),
      fmt(f.interval?.lower),
      fmt(f.interval?.upper),
      withheld(f.n),
    ];
    for (const s of data.stages) rows.push(share("stage", s.id, s));
    for (const c of data.concerns) {
      rows.push(share("concerns_mentioned", c.id, c));
      rows.push(["top_concerns", c.id, "share", c.top3, fmt(c.top3Share), null, null, withheld(c.top3)]);
    }
    for (const r of data.infrastructure) {
      rows.push(share("infrastructure_current", r.id, r.current));
      rows.push(share("infrastructure_planned", r.id, r.planned));
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

export async function compareCsv(
  { caller: analyst, bom, gzip }: Download,
  a: AnalyticsScope,
  b: AnalyticsScope,
  rest: boolean,
  weighted: boolean | null = null,
): Promise<Response> {
  const data = await compareSegments(a.wave.id, a.wave.instrument, a.filters, rest ? { within: b.filters } : b.filters, otherWave(b), {
    weighted,
  });
  // The groups' sizes first: n, and Kish's n_eff as the value; the note says whether the figures are weighted.
  const sizes: unknown[][] = data.reportable
    ? [
        [
          "segment_a",
          "",
          "n_eff",
          data.nA,
          fmt(data.nEffA),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          data.weighting.state,
        ],
        [
          "segment_b",
          "",
          "n_eff",
          data.nB,
          fmt(data.nEffB),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          data.weighting.state,
        ],
      ]
    : [];
  const rows = [
    ...sizes,
    ...data.rows.map((r) => [
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
      r.note ?? "",
    ]),
  ];
  // Single-choice questions tested as a whole: their own rows, so every flag names its test.
  for (const x of data.questions)
    rows.push([
      x.questionId,
      "",
      "question",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      x.test ?? "",
      fmt(x.p),
      fmt(x.q),
      x.significant ? 1 : 0,
      x.note ?? "",
    ]);
  const audited = rest ? { a: a.filters, b: "rest", within: b.filters } : { a: a.filters, b: b.filters };
  const auditId = await startExport(analyst.id, "compare.csv", audited, analyst.via);
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
        "note",
      ],
      rows,
      { bom },
    ),
    `compare-${a.wave.code}.csv`,
    gzip,
  );
}

export async function findingsCsv(
  { caller: analyst, bom, gzip }: Download,
  scope: AnalyticsScope,
  origin: string,
  weighted: boolean | null = null,
): Promise<Response> {
  const report = await getFindings(scope.wave.id, scope.wave.instrument, scope.filters, { weighted });
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
    // Kish's n_eff of the segment (empty when unweighted), and whether the figures are weighted (the view's state).
    "n_eff",
    "weighting",
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
    `${origin}${f.evidenceUrl}`,
    f.nEff,
    report.weighting.state,
  ]);
  const auditId = await startExport(analyst.id, "findings.csv", scope.filters, analyst.via);
  await completeExport(auditId, rows.length);
  return csvResponse(toCsv(header, rows, { bom }), `findings-${scope.wave.code}.csv`, gzip);
}
