import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { SEGMENT_FILTERS, SEGMENT_KEYS, type Filters } from "./filters";

type Status = "complete" | "partial" | "any";

/** The date and segment conditions of filters (no wave, no status); empty when nothing is filtered. */
function conditionsOf(filters: Filters, status: Status): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  const when = status === "complete" ? Prisma.sql`submitted_at` : Prisma.sql`coalesce(submitted_at, updated_at)`;
  // Days are UTC days, whatever the database session's time zone.
  if (filters.from) parts.push(Prisma.sql`${when} >= (${filters.from}::date)::timestamp AT TIME ZONE 'UTC'`);
  if (filters.to) parts.push(Prisma.sql`${when} < (${filters.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  for (const key of SEGMENT_KEYS) {
    const values = filters.segments[key];
    if (values.length) parts.push(Prisma.sql`${Prisma.raw(SEGMENT_FILTERS[key].column)} = ANY(${values}::text[])`);
  }
  if (filters.languages?.length) parts.push(Prisma.sql`language = ANY(${filters.languages}::text[])`);
  return parts;
}

function scope(waveId: string, status: Status): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [Prisma.sql`wave_id = ${waveId}::uuid`];
  if (status !== "any") parts.push(Prisma.sql`status = ${status}::response_status`);
  return parts;
}

/**
 * The WHERE clause for a wave and filters. Columns come from a fixed map, values are bound as
 * parameters. Dates bound the submission day for complete rows and the last save for partial ones.
 */
export function whereFor(waveId: string, filters: Filters, status: Status = "complete"): Prisma.Sql {
  return Prisma.join([...scope(waveId, status), ...conditionsOf(filters, status)], " AND ");
}

/**
 * "Everyone else": the complete responses of `within` (the wave, or the wave under further filters)
 * that are not in `segment`. Every filter of the segment is negated together, dates included, so
 * the two groups never share a respondent. Profile columns and submitted_at of complete rows are
 * never null (a check constraint), so NOT is exact.
 */
export function complementWhere(waveId: string, segment: Filters, within: Filters): Prisma.Sql {
  const own = conditionsOf(segment, "complete");
  const parts = [...scope(waveId, "complete"), ...conditionsOf(within, "complete")];
  // A segment without conditions is the whole wave: nobody is outside it.
  parts.push(own.length ? Prisma.sql`NOT (${Prisma.join(own, " AND ")})` : Prisma.sql`false`);
  return Prisma.join(parts, " AND ");
}
