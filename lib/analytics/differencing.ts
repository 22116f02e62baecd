import "server-only";
import { analyticsDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { SEGMENT_KEYS, type Filters } from "./filters";
import { whereFor } from "./where";

/** The day before or after a YYYY-MM-DD day. */
function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The views an analyst could subtract this one from, or this one from them, to isolate a few
 * people: a whole filter dropped; one value of a multi-value filter dropped ("a or b" minus "a");
 * either date bound dropped; the range one day shorter at either end ("to D" minus "to D-1" is
 * the people of day D). Pure: unit-tested.
 */
export function relaxationsOf(filters: Filters): { name: string; filters: Filters }[] {
  const out: { name: string; filters: Filters }[] = [];
  for (const key of SEGMENT_KEYS) {
    const values = filters.segments[key];
    if (values.length === 0) continue;
    out.push({ name: key, filters: { ...filters, segments: { ...filters.segments, [key]: [] } } });
    if (values.length > 1)
      for (const value of values)
        out.push({ name: key, filters: { ...filters, segments: { ...filters.segments, [key]: values.filter((v) => v !== value) } } });
  }
  if (filters.from && filters.to) {
    out.push({ name: "dates", filters: { ...filters, from: null, to: null } });
    out.push({ name: "dates", filters: { ...filters, from: null } });
    out.push({ name: "dates", filters: { ...filters, to: null } });
  } else if (filters.from || filters.to) out.push({ name: "dates", filters: { ...filters, from: null, to: null } });
  if (filters.from && (!filters.to || filters.from < filters.to))
    out.push({ name: "dates", filters: { ...filters, from: shiftDay(filters.from, 1) } });
  if (filters.to && (!filters.from || filters.from < filters.to))
    out.push({ name: "dates", filters: { ...filters, to: shiftDay(filters.to, -1) } });
  return out;
}

/**
 * Guards against differencing: a view's total against the total of a view one step wider or
 * narrower (see relaxationsOf) would reveal how many respondents the step holds, and with them
 * their answers. When that difference is 1..k-1, the view is not reportable. A determined
 * analyst with many queries can still difference wider steps; analysts may read individual
 * responses anyway, and published figures get their own protection. Returns the names of the
 * filters that would single people out.
 */
export async function differencingRisks(waveId: string, filters: Filters, k: number): Promise<string[]> {
  const relaxations = relaxationsOf(filters);
  if (relaxations.length === 0) return [];
  // One scan: the view's count and each neighbouring view's count, over the wave's complete rows.
  const columns = [
    Prisma.sql`count(*) FILTER (WHERE ${whereFor(waveId, filters)})::int AS view`,
    ...relaxations.map((r, i) => Prisma.sql`count(*) FILTER (WHERE ${whereFor(waveId, r.filters)})::int AS ${Prisma.raw(`r${i}`)}`),
  ];
  const rows = await analyticsDb().$queryRaw<Record<string, number>[]>(Prisma.sql`
    SELECT ${Prisma.join(columns, ", ")} FROM response WHERE wave_id = ${waveId}::uuid AND status = 'complete'`);
  const row = rows[0] ?? {};
  const view = Number(row.view ?? 0);
  const risky = relaxations.filter((_, i) => {
    const difference = Math.abs(Number(row[`r${i}`] ?? 0) - view);
    return difference > 0 && difference < k;
  });
  return [...new Set(risky.map((r) => r.name))];
}
