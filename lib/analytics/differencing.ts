import "server-only";
import { analyticsDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { SEGMENT_KEYS, type Filters } from "./filters";
import { whereFor } from "./where";

/**
 * Guards against the simplest differencing attack: a view's total subtracted from the total of
 * the same view with one filter removed (e.g. "Healthcare" minus "Healthcare in every region but
 * one") would reveal how many respondents the removed part holds. When that difference is 1..k-1,
 * the view is not reportable. Returns the names of the filters that would single people out.
 */
export async function differencingRisks(waveId: string, filters: Filters, k: number): Promise<string[]> {
  const relaxations: { name: string; filters: Filters }[] = [];
  for (const key of SEGMENT_KEYS) {
    if (filters.segments[key].length)
      relaxations.push({ name: key, filters: { ...filters, segments: { ...filters.segments, [key]: [] } } });
  }
  if (filters.from || filters.to) relaxations.push({ name: "dates", filters: { ...filters, from: null, to: null } });
  if (relaxations.length === 0) return [];
  // One scan: the view's count and each relaxed view's count, over the wave's complete rows.
  const columns = [
    Prisma.sql`count(*) FILTER (WHERE ${whereFor(waveId, filters)})::int AS view`,
    ...relaxations.map((r, i) => Prisma.sql`count(*) FILTER (WHERE ${whereFor(waveId, r.filters)})::int AS ${Prisma.raw(`r${i}`)}`),
  ];
  const rows = await analyticsDb().$queryRaw<Record<string, number>[]>(Prisma.sql`
    SELECT ${Prisma.join(columns, ", ")} FROM response WHERE wave_id = ${waveId}::uuid AND status = 'complete'`);
  const row = rows[0] ?? {};
  const view = Number(row.view ?? 0);
  return relaxations
    .filter((_, i) => {
      const difference = Number(row[`r${i}`] ?? 0) - view;
      return difference > 0 && difference < k;
    })
    .map((r) => r.name);
}
