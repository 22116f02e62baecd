import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { SEGMENT_FILTERS, SEGMENT_KEYS, type Filters } from "./filters";

/**
 * The WHERE clause for a wave and filters. Columns come from a fixed map, values are bound as
 * parameters. Dates bound the submission day for complete rows and the last save for partial ones.
 */
export function whereFor(
  waveId: string,
  filters: Filters,
  status: "complete" | "partial" | "any" = "complete",
  negateSegments = false,
): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`wave_id = ${waveId}::uuid`];
  if (status !== "any") parts.push(Prisma.sql`status = ${status}::response_status`);
  const when = status === "complete" ? Prisma.sql`submitted_at` : Prisma.sql`coalesce(submitted_at, updated_at)`;
  // Days are UTC days, whatever the database session's time zone.
  if (filters.from) parts.push(Prisma.sql`${when} >= (${filters.from}::date)::timestamp AT TIME ZONE 'UTC'`);
  if (filters.to) parts.push(Prisma.sql`${when} < (${filters.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  const segments: Prisma.Sql[] = [];
  for (const key of SEGMENT_KEYS) {
    const values = filters.segments[key];
    if (values.length) segments.push(Prisma.sql`${Prisma.raw(SEGMENT_FILTERS[key].column)} = ANY(${values}::text[])`);
  }
  if (segments.length) {
    const all = Prisma.join(segments, " AND ");
    // "Everyone else": the same wave and dates, outside the segment (profile columns of complete
    // rows are never null, so NOT is exact).
    parts.push(negateSegments ? Prisma.sql`NOT (${all})` : all);
  }
  return Prisma.join(parts, " AND ");
}
