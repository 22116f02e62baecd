import "server-only";
import { whereFor } from "@/lib/analytics/where";
import type { Filters } from "@/lib/analytics/filters";
import { analyticsDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { allQuestions, type Instrument } from "@/lib/survey/instrument-schema";
import { chosenOptions, momentsAt, questionList, scaleMoments } from "@/lib/analytics/sql";
import type { CellAggregate } from "./cells";

/** Per-cell aggregates under the current filters: three GROUP BY queries, no rows loaded. */
export async function loadCells(waveId: string, instrument: Instrument, filters: Filters): Promise<CellAggregate[]> {
  const where = whereFor(waveId, filters);
  const questions = allQuestions(instrument);
  const singles = questions.filter((q) => q.type === "single").map((q) => q.id);
  const multis = questions.filter((q) => q.type === "multi" || q.type === "rank").map((q) => q.id);
  const scales = questions.filter((q) => q.type === "likert").map((q) => q.id);
  const scaleSql = scaleMoments(scales);
  const [base, singleRows, multiRows] = await Promise.all([
    analyticsDb().$queryRaw<Record<string, unknown>[]>(
      Prisma.sql`SELECT industry, region, role, count(*)::int AS n, ${scaleSql} FROM response WHERE ${where} GROUP BY 1, 2, 3`,
    ),
    analyticsDb().$queryRaw<{ industry: string; region: string; role: string; question: string; option: string; n: number }[]>(Prisma.sql`
      SELECT r.industry, r.region, r.role, src.question, r.answers->>src.question AS option, count(*)::int AS n
      FROM response r CROSS JOIN ${questionList(singles)} AS src(question)
      WHERE ${where} AND r.answers ? src.question GROUP BY 1, 2, 3, 4, 5`),
    analyticsDb().$queryRaw<{ industry: string; region: string; role: string; question: string; option: string; n: number }[]>(Prisma.sql`
      SELECT r.industry, r.region, r.role, src.question, o.value AS option, count(*)::int AS n
      FROM response r CROSS JOIN ${questionList(multis)} AS src(question)
      CROSS JOIN LATERAL ${chosenOptions} AS o(value)
      WHERE ${where} GROUP BY 1, 2, 3, 4, 5`),
  ]);
  const cells = new Map<string, CellAggregate>();
  for (const row of base) {
    const industry = String(row.industry);
    const region = String(row.region);
    const role = String(row.role);
    cells.set(`${industry}|${region}|${role}`, {
      industry,
      region,
      role,
      n: Number(row.n),
      single: {},
      multi: {},
      scales: Object.fromEntries(scales.map((id, i) => [id, momentsAt(row, i)])),
    });
  }
  const put = (rows: typeof singleRows, key: "single" | "multi") => {
    for (const row of rows) {
      const cell = cells.get(`${row.industry}|${row.region}|${row.role}`);
      if (!cell) continue;
      (cell[key][row.question] ??= {})[row.option] = row.n;
    }
  };
  put(singleRows, "single");
  put(multiRows, "multi");
  return [...cells.values()];
}

/** Respondents whose needs clash with a centralized-only plan, for the mismatch finding. */
export async function loadMismatch(
  waveId: string,
  filters: Filters,
): Promise<{ atRisk: number; centralOnly: number; others: number; othersCentralOnly: number }> {
  const where = whereFor(waveId, filters);
  const rows = await analyticsDb().$queryRaw<
    { at_risk: number; central_only: number; others: number; others_central_only: number }[]
  >(Prisma.sql`
    WITH classified AS (
      SELECT
        (answers->>'latency_budget' IN ('lt_100ms', '100_250ms') AND answers->>'user_geography' IN ('several_regions', 'global')) AS at_risk,
        (answers->'infra_planned' ? 'central_cloud' AND NOT (answers->'infra_planned' ?| ARRAY['distributed_edge', 'hybrid', 'on_device'])) AS central_only
      FROM response WHERE ${where}
    )
    SELECT count(*) FILTER (WHERE at_risk)::int AS at_risk,
           count(*) FILTER (WHERE at_risk AND central_only)::int AS central_only,
           count(*) FILTER (WHERE NOT at_risk)::int AS others,
           count(*) FILTER (WHERE NOT at_risk AND central_only)::int AS others_central_only
    FROM classified`);
  const row = rows[0];
  return {
    atRisk: row?.at_risk ?? 0,
    centralOnly: row?.central_only ?? 0,
    others: row?.others ?? 0,
    othersCentralOnly: row?.others_central_only ?? 0,
  };
}
