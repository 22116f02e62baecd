// CSV that is safe to open in a spreadsheet: RFC 4180 quoting by csv-stringify, and any cell
// that a spreadsheet would evaluate as a formula (starting with = + - @, tab or CR) is prefixed
// with an apostrophe, the convention Excel, LibreOffice and Sheets all honour (OWASP).
import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;

/** What the codebook and the bundle's loaders say about the prefix. */
export const FORMULA_PREFIX_NOTE =
  "A leading ' was added to free text starting with = + - @, a tab or a carriage return, so spreadsheets show it " +
  "instead of evaluating it (a -5 answer reads '-5); it is not part of the answer: strip it (the bundle's R and SPSS loaders do).";

export function neutralizeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
  // Plain numbers (including negative ones) are data, not formulas.
  if (typeof value === "number") return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function toCsv(header: string[], rows: unknown[][], options: { bom?: boolean } = {}): string {
  // Any CR or LF inside a field must be quoted (RFC 4180), not only the record delimiter itself.
  const body = stringify([header, ...rows.map((row) => row.map(neutralizeCell))], { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
  return (options.bom ? "\uFEFF" : "") + body;
}
