// Explorer parameters (besides the dashboard filters): status, sort, direction, page size, cursor.
// Shared by the page, the JSON API and the table component.
import { z } from "zod";
import { parseQuery } from "@/lib/api/query";
import type { FieldIssue } from "@/lib/errors";
import { isStorableText } from "@/lib/survey/answers";

export const SORT_KEYS = ["submitted_at", "started_at", "readiness_index", "industry", "region", "company_size", "role", "stage"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

/** How each sort key's value is compared (and carried in cursors). */
export const SORT_KINDS: Record<SortKey, "timestamp" | "number" | "text"> = {
  submitted_at: "timestamp",
  started_at: "timestamp",
  readiness_index: "number",
  industry: "text",
  region: "text",
  company_size: "text",
  role: "text",
  stage: "text",
};

/** The explorer's own parameters (the dashboard filters come from lib/analytics/filters.ts). */
export const explorerShape = {
  status: z
    .enum(["complete", "partial", "all"], { error: "must be complete, partial or all" })
    .default("all")
    .describe("Which responses: complete, partial (started, not submitted) or all."),
  sort: z
    .enum(SORT_KEYS, { error: `must be one of ${SORT_KEYS.join(", ")}` })
    .default("submitted_at")
    .describe("Sort column."),
  dir: z.enum(["asc", "desc"], { error: "must be asc or desc" }).default("desc").describe("Sort direction."),
  /** Page size ("size" is the company-size filter). */
  limit: z
    .enum(["25", "50", "100"], { error: "must be 25, 50 or 100" })
    .default("50")
    .transform(Number)
    .describe("Page size: 25, 50 or 100."),
  cursor: z
    .string()
    .max(400, "is too long")
    .regex(/^[A-Za-z0-9_-]+$/, "is not a valid cursor")
    .optional()
    .describe("nextCursor or prevCursor of a previous page (opaque)."),
};

export const explorerParamsSchema = z.object(explorerShape);
export type ExplorerParams = z.infer<typeof explorerParamsSchema>;

/** Parses the explorer's parameters alone (tests and the property tests' oracle). */
export function parseExplorerParams(params: URLSearchParams): { value: ExplorerParams; problems: FieldIssue[] } {
  const shape = { ...explorerShape };
  const own = new URLSearchParams([...params].filter(([key]) => key in shape));
  const parsed = parseQuery(shape, own);
  const cursor = parsed.value.cursor ? decodeCursor(parsed.value.cursor, parsed.value.sort) : null;
  return { value: parsed.value, problems: [...parsed.problems, ...(cursor && "problem" in cursor ? [cursor.problem] : [])] };
}

/** Where a page starts: the boundary row's sort value and id, the direction, and rows before it. */
export interface Cursor {
  v: string | number;
  id: string;
  /** "after" pages forward, "before" backward. */
  d: "after" | "before";
  s: SortKey;
  /** Rows before the page this cursor leads to, for "Showing 51-100 of N". */
  o: number;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** A UTC instant as the database prints it, that exists (no month 13) and PostgreSQL can hold. */
const instant = z.string().refine((v) => {
  if (!INSTANT.test(v) || v < "1900" || v > "9999-12-31T23:59:59.999Z") return false;
  const date = new Date(v);
  return !Number.isNaN(date.getTime()) && date.toISOString() === v;
});
/** Sort values by kind: readiness is 0-100 (-1 or 1000 for partial rows), text is a stored option id. */
const sortValue = {
  timestamp: instant,
  number: z
    .number()
    .finite()
    .refine((v) => v === -1 || v === 1000 || (v >= 0 && v <= 100), "not a readiness index"),
  text: z.string().max(200).refine(isStorableText),
} as const;

const cursorSchema = z
  .object({
    v: z.union([z.string(), z.number()]),
    id: z.guid(),
    d: z.enum(["after", "before"]),
    s: z.enum(SORT_KEYS),
    o: z.int().min(0).max(2_000_000_000),
  })
  .strict();

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/**
 * Decodes a cursor with a schema, field by field: anything else (edited, truncated, from another
 * sort order, or forged with impossible dates, huge numbers or non-UUIDs) is a problem named
 * `cursor`, never a query that fails in the database.
 */
export function decodeCursor(raw: string, sort: SortKey): Cursor | { problem: FieldIssue } {
  const problem = { problem: { path: "cursor", message: "is not a valid cursor for this sort order" } };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return problem;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success || parsed.data.s !== sort) return problem;
  if (!sortValue[SORT_KINDS[sort]].safeParse(parsed.data.v).success) return problem;
  return parsed.data;
}

/** One row of the explorer, as the API and the table see it. */
export interface ResponseRow {
  id: string;
  status: "partial" | "complete";
  submittedAt: string | null;
  startedAt: string;
  industry: string | null;
  region: string | null;
  companySize: string | null;
  role: string | null;
  stage: string | null;
  readinessIndex: number | null;
}
