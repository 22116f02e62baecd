import "server-only";
import { uuidSchema } from "@/lib/api/schemas";
import type { Filters } from "@/lib/analytics/filters";
import { whereFor } from "@/lib/analytics/where";
import { analyticsDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { SORT_KINDS, encodeCursor, type Cursor, type ExplorerParams, type ResponseRow, type SortKey } from "./params";

export type { ResponseRow };

/**
 * Sort expressions: never null, so (value, id) keyset comparisons are total orders. Partial responses
 * have no readiness index: they come last in either direction (-1 descending, 1000 ascending).
 */
const SORT_SQL: Record<SortKey, string | { asc: string; desc: string }> = {
  submitted_at: "coalesce(submitted_at, started_at)",
  started_at: "started_at",
  readiness_index: { asc: "coalesce(readiness_index, 1000)", desc: "coalesce(readiness_index, -1)" },
  industry: "coalesce(industry, '')",
  region: "coalesce(region, '')",
  company_size: "coalesce(company_size, '')",
  role: "coalesce(role, '')",
  stage: "coalesce(stage, '')",
};

export const responseRowSelect = Prisma.sql`id, status::text AS status, submitted_at, started_at, industry, region, company_size, role, stage, readiness_index`;

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
export async function listResponses(
  waveId: string,
  filters: Filters,
  params: Omit<ExplorerParams, "cursor">,
  cursor: Cursor | null,
): Promise<ResponsePage> {
  const kind = SORT_KINDS[params.sort];
  const sql = SORT_SQL[params.sort];
  const expr = Prisma.raw(typeof sql === "string" ? sql : sql[params.dir]);
  const where = whereFor(waveId, filters, params.status === "all" ? "any" : params.status);
  const forward = !cursor || cursor.d === "after";
  // Descending order walks to smaller values; going "before" reverses both.
  const descending = (params.dir === "desc") === forward;
  const cmp = Prisma.raw(descending ? "<" : ">");
  const order = Prisma.raw(descending ? "DESC" : "ASC");
  const cast = Prisma.raw(kind === "timestamp" ? "::timestamptz" : kind === "number" ? "::real" : "::text");
  // Timestamps travel in cursors as exact UTC text, whatever the session's time zone.
  const sortValue = kind === "timestamp" ? Prisma.sql`to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : expr;
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
    return encodeCursor({ v: value, id: String(row.id), d, s: params.sort, o });
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
  // Only a well-formed UUID can name a row (36 dashes or hex digits would make PostgreSQL fail).
  if (!uuidSchema.safeParse(id).success) return null;
  const rows = await analyticsDb().$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT ${responseRowSelect}, answers FROM response WHERE id = ${id}::uuid AND wave_id = ${waveId}::uuid`);
  const row = rows[0];
  return row ? { ...toRow(row), answers: (row.answers as Record<string, unknown>) ?? {} } : null;
}
