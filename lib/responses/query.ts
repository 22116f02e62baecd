import "server-only";
import type { Filters } from "@/lib/analytics/filters";
import { whereFor } from "@/lib/analytics/where";
import { analyticsDb } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ExplorerParams, ResponseRow, SortKey } from "./params";

export type { ResponseRow };

/** Sort expressions: never null, so (value, id) keyset comparisons are total orders. */
const SORT_SQL: Record<SortKey, { expr: string; kind: "timestamp" | "number" | "text" }> = {
  submitted_at: { expr: "coalesce(submitted_at, started_at)", kind: "timestamp" },
  started_at: { expr: "started_at", kind: "timestamp" },
  readiness_index: { expr: "coalesce(readiness_index, -1)", kind: "number" },
  industry: { expr: "coalesce(industry, '')", kind: "text" },
  region: { expr: "coalesce(region, '')", kind: "text" },
  company_size: { expr: "coalesce(company_size, '')", kind: "text" },
  role: { expr: "coalesce(role, '')", kind: "text" },
  stage: { expr: "coalesce(stage, '')", kind: "text" },
};

export const responseRowSelect = Prisma.sql`id, status::text AS status, submitted_at, started_at, industry, region, company_size, role, stage, readiness_index`;

interface Cursor {
  /** The sort value and id of the boundary row; "after" pages forward, "before" backward. */
  v: string | number;
  id: string;
  d: "after" | "before";
  s: SortKey;
  /** Rows before the page this cursor leads to, for "Showing 51-100 of N". */
  o: number;
}

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decode(raw: string, sort: SortKey): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    const idOk = typeof c.id === "string" && /^[0-9a-f-]{36}$/.test(c.id);
    const kind = SORT_SQL[sort].kind;
    const valueOk =
      kind === "number"
        ? typeof c.v === "number" && Number.isFinite(c.v)
        : kind === "timestamp"
          ? typeof c.v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(c.v)
          : typeof c.v === "string" && c.v.length <= 200;
    if (!idOk || !valueOk || (c.d !== "after" && c.d !== "before") || c.s !== sort || !Number.isInteger(c.o) || c.o < 0)
      throw new Error("shape");
    return c;
  } catch {
    throw new ValidationError([{ path: "cursor", message: "is not a valid cursor for this sort order" }]);
  }
}

export interface ResponsePage {
  rows: ResponseRow[];
  total: number;
  nextCursor: string | null;
  prevCursor: string | null;
  /** Number of rows before this page (exact unless rows arrived or left meanwhile). */
  offset: number;
}

/**
 * One page of responses in any sort order, by keyset: the page after (or before) the boundary
 * row's (sort value, id). Page 5,000 costs the same as page 1: an index range scan, no OFFSET.
 */
export async function listResponses(waveId: string, filters: Filters, params: ExplorerParams): Promise<ResponsePage> {
  const sort = SORT_SQL[params.sort];
  const expr = Prisma.raw(sort.expr);
  const where = whereFor(waveId, filters, params.status === "all" ? "any" : params.status);
  const cursor = params.cursor ? decode(params.cursor, params.sort) : null;
  const forward = !cursor || cursor.d === "after";
  // Descending order walks to smaller values; going "before" reverses both.
  const descending = (params.dir === "desc") === forward;
  const cmp = Prisma.raw(descending ? "<" : ">");
  const order = Prisma.raw(descending ? "DESC" : "ASC");
  const cast = Prisma.raw(sort.kind === "timestamp" ? "::timestamptz" : sort.kind === "number" ? "::real" : "::text");
  // Timestamps travel in cursors as exact UTC text, whatever the session's time zone.
  const sortValue = sort.kind === "timestamp" ? Prisma.sql`to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : expr;
  const boundary = cursor ? Prisma.sql`AND (${expr}, id) ${cmp} (${cursor.v}${cast}, ${cursor.id}::uuid)` : Prisma.empty;

  const [rows, count] = await Promise.all([
    analyticsDb().$queryRaw<Record<string, unknown>[]>(Prisma.sql`
      SELECT ${responseRowSelect}, ${sortValue} AS sort_value FROM response
      WHERE ${where} ${boundary}
      ORDER BY ${expr} ${order}, id ${order}
      LIMIT ${params.limit + 1}`),
    analyticsDb().$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM response WHERE ${where}`),
  ]);
  const hasMore = rows.length > params.limit;
  const page = rows.slice(0, params.limit);
  if (!forward) page.reverse();
  const offset = cursor?.o ?? 0;
  const toCursor = (row: Record<string, unknown> | undefined, d: "after" | "before") => {
    if (!row) return null;
    const value = row.sort_value as string | number;
    const o = d === "after" ? offset + page.length : Math.max(0, offset - params.limit);
    return encode({ v: value, id: String(row.id), d, s: params.sort, o });
  };
  const first = page[0];
  const last = page[page.length - 1];
  return {
    rows: page.map(toRow),
    total: count[0]?.n ?? 0,
    nextCursor: forward ? (hasMore ? toCursor(last, "after") : null) : toCursor(last, "after"),
    prevCursor: forward ? (cursor ? toCursor(first, "before") : null) : hasMore ? toCursor(first, "before") : null,
    offset,
  };
}

function iso(value: unknown): string | null {
  return value instanceof Date ? value.toISOString() : value === null || value === undefined ? null : String(value);
}

function toRow(row: Record<string, unknown>): ResponseRow {
  return {
    id: String(row.id),
    status: row.status === "complete" ? "complete" : "partial",
    submittedAt: iso(row.submitted_at),
    startedAt: iso(row.started_at) ?? "",
    industry: (row.industry as string | null) ?? null,
    region: (row.region as string | null) ?? null,
    companySize: (row.company_size as string | null) ?? null,
    role: (row.role as string | null) ?? null,
    stage: (row.stage as string | null) ?? null,
    readinessIndex: row.readiness_index === null || row.readiness_index === undefined ? null : Number(row.readiness_index),
  };
}

/** One response with its answers, for the detail view. */
export async function getResponse(waveId: string, id: string): Promise<(ResponseRow & { answers: Record<string, unknown> }) | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows = await analyticsDb().$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT ${responseRowSelect}, answers FROM response WHERE id = ${id}::uuid AND wave_id = ${waveId}::uuid`);
  const row = rows[0];
  return row ? { ...toRow(row), answers: (row.answers as Record<string, unknown>) ?? {} } : null;
}
