import "server-only";
import type { Filters } from "@/lib/analytics/filters";
import type { AggregateReader, Predicate } from "@/lib/engine";
import { allQuestions, type Instrument } from "@/lib/survey/instrument-schema";
import { idOfRole, optionIdByCode, type Role } from "@/lib/survey/roles";
import { WITHHELD } from "@/lib/privacy/protect";
import type { CellAggregate } from "./cells";

/** Per-cell aggregates (industry x region x role) under the current filters: one tally. */
export async function loadCells(
  reader: AggregateReader,
  waveId: string,
  instrument: Instrument,
  filters: Filters,
): Promise<CellAggregate[]> {
  const questions = allQuestions(instrument);
  const singles = questions.filter((q) => q.type === "single").map((q) => q.id);
  const multis = questions.filter((q) => q.type === "multi" || q.type === "rank").map((q) => q.id);
  const scales = questions.filter((q) => q.type === "likert").map((q) => q.id);
  const rows = await reader.tally({
    instrument,
    selection: { waveId, status: "complete", filters },
    groupBy: [
      { kind: "segment", key: "industry" },
      { kind: "segment", key: "region" },
      { kind: "segment", key: "role" },
    ],
    measures: { scales, options: [...singles, ...multis] },
  });
  // Option counts as the findings engine reads them: only options chosen at least once.
  const chosen = (ids: string[], options: Record<string, Record<string, number>>) =>
    Object.fromEntries(
      ids.flatMap((id) => {
        const counts = Object.entries(options[id] ?? {}).filter(([, n]) => n > 0);
        return counts.length ? [[id, Object.fromEntries(counts)]] : [];
      }),
    );
  // Protected figures: a withheld cell (WITHHELD) is left out rather than counted as a few people.
  const published = reader.figures === "protected" ? rows.filter((row) => row.n > WITHHELD) : rows;
  return published.map((row) => ({
    industry: String(row.key[0]),
    region: String(row.key[1]),
    role: String(row.key[2]),
    n: row.n,
    single: chosen(singles, row.options),
    multi: chosen(multis, row.options),
    scales: Object.fromEntries(scales.map((id) => [id, row.scales[id] ?? { n: 0, sum: 0, sumSquares: 0 }])),
  }));
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
  reader: AggregateReader,
  waveId: string,
  instrument: Instrument,
  filters: Filters,
): Promise<{ atRisk: number; centralOnly: number; others: number; othersCentralOnly: number }> {
  // The question ids and option ids come from the wave's instrument, by role and option code.
  const ids = (role: Role, codes: readonly string[]) => codes.flatMap((code) => optionIdByCode(instrument, role, code) ?? []);
  const planned = idOfRole(instrument, "infra_planned");
  const atRisk: Predicate = {
    kind: "and",
    of: [
      { kind: "answerIn", question: idOfRole(instrument, "latency_budget"), values: ids("latency_budget", MISMATCH.tightBudgets) },
      { kind: "answerIn", question: idOfRole(instrument, "user_geography"), values: ids("user_geography", MISMATCH.spreadUsers) },
    ],
  };
  const centralOnly: Predicate = {
    kind: "and",
    of: [
      { kind: "anyOption", question: planned, options: ids("infra_planned", MISMATCH.central) },
      { kind: "not", of: { kind: "anyOption", question: planned, options: ids("infra_planned", MISMATCH.distributed) } },
    ],
  };
  const rows = await reader.tally({
    instrument,
    selection: { waveId, status: "complete", filters },
    groupBy: [
      { kind: "flag", predicate: atRisk },
      { kind: "flag", predicate: centralOnly },
    ],
  });
  const count = (risk: boolean, central?: boolean) =>
    rows.filter((r) => r.key[0] === risk && (central === undefined || r.key[1] === central)).reduce((sum, r) => sum + r.n, 0);
  return { atRisk: count(true), centralOnly: count(true, true), others: count(false), othersCentralOnly: count(false, true) };
}
