// Target sets as CSV: a header row naming the columns dimension, category and share (any order,
// any case), then one row per category. RFC 4180 quoting, CRLF or LF, a UTF-8 BOM and blank lines
// are accepted; a leading apostrophe (the formula-neutralizing prefix of the app's own CSV exports)
// is dropped from a cell. Every problem is named by line and column, so an upload that fails says
// where, and the rows go through the same checks as JSON (targetRowSchema, checkTargets).
import type { FieldIssue } from "@/lib/errors";
import { targetRowSchema, type RowPath, type TargetRow } from "./schemas";

const COLUMNS = ["dimension", "category", "share"] as const;
export const TARGET_CSV_HEADER = COLUMNS.join(",");
/** Rows at most (the JSON body's limit). */
export const MAX_CSV_ROWS = 2000;

/** Splits CSV text into records of cells, each with the line it starts on (1-based). */
export function parseCsvRecords(text: string): { records: { line: number; cells: string[] }[]; issues: FieldIssue[] } {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: { line: number; cells: string[] }[] = [];
  const issues: FieldIssue[] = [];
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const start = line;
    const cells: string[] = [];
    let cell = "";
    let quoted = false;
    let wasQuoted = false;
    for (;;) {
      if (i >= source.length) {
        if (quoted) issues.push({ path: `line ${start}`, message: "a quoted cell is not closed" });
        cells.push(cell);
        break;
      }
      const ch = source[i] as string;
      if (quoted) {
        if (ch === '"') {
          if (source[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            quoted = false;
            i += 1;
          }
        } else {
          if (ch === "\n") line += 1;
          cell += ch;
          i += 1;
        }
        continue;
      }
      if (ch === '"' && cell === "" && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        i += 1;
      } else if (ch === ",") {
        cells.push(cell);
        cell = "";
        wasQuoted = false;
        i += 1;
      } else if (ch === "\r" || ch === "\n") {
        cells.push(cell);
        i += ch === "\r" && source[i + 1] === "\n" ? 2 : 1;
        line += 1;
        break;
      } else {
        cell += ch;
        i += 1;
      }
    }
    if (cells.some((c) => c.trim() !== "")) records.push({ line: start, cells });
  }
  return { records, issues };
}

/** Problems in file order (a stable sort on the line number; others first). */
const byLine = (issues: FieldIssue[]) => {
  const lineOf = (issue: FieldIssue) => Number(/^line (\d+)/.exec(issue.path)?.[1] ?? 0);
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => lineOf(a.issue) - lineOf(b.issue) || a.i - b.i)
    .map(({ issue }) => issue);
};

const unprefixed = (cell: string) => {
  const trimmed = cell.trim();
  return trimmed.startsWith("'") ? trimmed.slice(1).trim() : trimmed;
};

/**
 * Target rows from CSV text, with every problem named ("line 4: share", "header"); `rowPath` maps
 * a row's index back to its line for the later checks (checkTargets).
 */
export function parseTargetCsv(text: string): { rows: TargetRow[]; rowPath: RowPath; issues: FieldIssue[] } {
  const { records, issues } = parseCsvRecords(text);
  const lines: number[] = [];
  const rowPath: RowPath = (index, field) => `line ${lines[index] ?? "?"}${field ? `: ${field}` : ""}`;
  const [header, ...body] = records;
  if (!header)
    return { rows: [], rowPath, issues: [...issues, { path: "header", message: `the file is empty; expected ${TARGET_CSV_HEADER}` }] };
  const names = header.cells.map((c) => unprefixed(c).toLowerCase());
  const position = Object.fromEntries(COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.filter((column) => position[column] < 0);
  const extra = names.filter((name) => !(COLUMNS as readonly string[]).includes(name));
  if (missing.length > 0 || extra.length > 0) {
    const problems = [
      ...(missing.length ? [`missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`] : []),
      ...(extra.length ? [`unknown column${extra.length > 1 ? "s" : ""} ${extra.map((e) => `"${e}"`).join(", ")}`] : []),
    ];
    return { rows: [], rowPath, issues: [...issues, { path: "header", message: `${problems.join("; ")}; expected ${TARGET_CSV_HEADER}` }] };
  }
  if (body.length === 0) issues.push({ path: "body", message: "no rows after the header" });
  if (body.length > MAX_CSV_ROWS) {
    issues.push({ path: "body", message: `at most ${MAX_CSV_ROWS} rows` });
    return { rows: [], rowPath, issues };
  }
  const rows: TargetRow[] = [];
  for (const record of body) {
    if (record.cells.length !== names.length) {
      issues.push({ path: `line ${record.line}`, message: `has ${record.cells.length} cells; the header has ${names.length}` });
      continue;
    }
    const cell = (column: (typeof COLUMNS)[number]) => unprefixed(record.cells[position[column]] ?? "");
    const shareText = cell("share");
    const share = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(shareText) ? Number(shareText) : NaN;
    const parsed = targetRowSchema.safeParse({ dimension: cell("dimension"), category: cell("category"), share });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        const message = field === "share" && Number.isNaN(share) ? `"${shareText}" is not a number` : issue.message;
        issues.push({ path: `line ${record.line}: ${field}`, message });
      }
      continue;
    }
    lines.push(record.line);
    rows.push(parsed.data);
  }
  return { rows, rowPath, issues: byLine(issues) };
}
