// One row per measured figure: the app's, PostgreSQL's doing the same work in the same run, the
// ratio and the target. Printed as a table and written as JSON to bench/results/latest.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../lib/proc";

export interface BenchResult {
  benchmark: string;
  metric: string;
  unit: string;
  app: number;
  /** PostgreSQL doing the same work in the same run (null where the target is absolute). */
  baseline: number | null;
  /** app / baseline for times, app / baseline for rates: "higher is better" says which way passes. */
  ratio: number | null;
  target: string;
  /** null: reported, not judged (e.g. scaling on a machine without spare cores). */
  pass: boolean | null;
  note?: string;
}

const fmt = (n: number | null, unit = "") =>
  n === null || Number.isNaN(n) ? "—" : `${n.toLocaleString("en", { maximumFractionDigits: n < 10 ? 2 : 0 })}${unit}`;

export function printResults(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.benchmark,
    `${r.metric} (${r.unit})`,
    fmt(r.app),
    fmt(r.baseline),
    r.ratio === null ? "—" : `${formatRatio(r.ratio)}x`,
    r.target,
    r.pass === null ? "info" : r.pass ? "pass" : "FAIL",
  ]);
  const header = ["benchmark", "metric", "app", "PostgreSQL", "ratio", "target", "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line(r));
  for (const r of results.filter((r) => r.note)) console.log(`  · ${r.benchmark} / ${r.metric}: ${r.note}`);
}

export function writeResults(meta: Record<string, unknown>, results: BenchResult[]): string {
  const dir = path.join(ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "latest.json");
  writeFileSync(file, JSON.stringify({ ...meta, at: new Date().toISOString(), results }, null, 2));
  return file;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** A ratio rounded for reading: two decimals, or two significant digits below 0.01 (never "0.00x"). */
const belowTwoDecimals = (n: number) => n !== 0 && Math.abs(n) < 0.01;
export const roundRatio = (n: number) => (belowTwoDecimals(n) ? Number(n.toPrecision(2)) : round2(n));
const formatRatio = (n: number) => (belowTwoDecimals(n) ? String(n) : n.toFixed(2));
