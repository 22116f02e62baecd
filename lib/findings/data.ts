import "server-only";
import { whereFor } from "@/lib/analytics/where";
import type { Filters } from "@/lib/analytics/filters";
import { analyticsDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { allQuestions, type Instrument } from "@/lib/survey/instrument-schema";
import { idOfRole, optionIdByCode, type Role } from "@/lib/survey/roles";
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

/** Option codes of the mismatch finding: budgets under 250 ms, users in several regions or worldwide, central-only plans. */
export const MISMATCH = {
  tightBudgets: ["lt_100ms", "100_250ms"],
  spreadUsers: ["several_regions", "global"],
  central: ["central_cloud"],
  distributed: ["distributed_edge", "hybrid", "on_device"],
} as const;

/** Respondents whose needs clash with a centralized-only plan, for the mismatch finding. */
export async function loadMismatch(
  waveId: string,
  instrument: Instrument,
  filters: Filters,
): Promise<{ atRisk: number; centralOnly: number; others: number; othersCentralOnly: number }> {
  const where = whereFor(waveId, filters);
  // The question ids and option ids come from the wave's instrument, by role and option code.
  const ids = (role: Role, codes: readonly string[]) => codes.flatMap((code) => optionIdByCode(instrument, role, code) ?? []);
  const budget = idOfRole(instrument, "latency_budget");
  const geography = idOfRole(instrument, "user_geography");
  const planned = idOfRole(instrument, "infra_planned");
  const tight = ids("latency_budget", MISMATCH.tightBudgets);
  const spread = ids("user_geography", MISMATCH.spreadUsers);
  const central = ids("infra_planned", MISMATCH.central);
  const distributed = ids("infra_planned", MISMATCH.distributed);
  const rows = await analyticsDb().$queryRaw<
    { at_risk: number; central_only: number; others: number; others_central_only: number }[]
  >(Prisma.sql`
    WITH classified AS (
      SELECT
        (answers->>${budget} = ANY(${tight}::text[]) AND answers->>${geography} = ANY(${spread}::text[])) AS at_risk,
        ((answers->${planned}) ?| ${central}::text[] AND NOT ((answers->${planned}) ?| ${distributed}::text[])) AS central_only
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
