import "server-only";
import type { Filters } from "@/lib/analytics/filters";
import type { AggregateReader, Predicate, TallyRequest } from "@/lib/engine";
import { allQuestions, type Instrument } from "@/lib/survey/instrument-schema";
import { idOfRole, optionIdByCode, type Role } from "@/lib/survey/roles";
import { WITHHELD } from "@/lib/privacy/protect";
import type { WeightedCount } from "@/lib/stats/weighted";
import { plainRow, type WeightedCell } from "@/lib/weighting/cells";
import { weightedTally, type ViewWeighting } from "@/lib/weighting/view";
import { cellOf, type CellAggregate } from "./cells";
import type { MismatchCounts } from "./engine";

/**
 * Per-cell aggregates (industry x region x role) under the current filters: one tally. On a weighted
 * view (`weighting` in state "weighted") the same tally is also grouped by profile cell, and each
 * findings cell carries its profile cells with their weights (its counts are their sum).
 */
export async function loadCells(
  reader: AggregateReader,
  waveId: string,
  instrument: Instrument,
  filters: Filters,
  weighting: ViewWeighting | null = null,
): Promise<CellAggregate[]> {
  const questions = allQuestions(instrument);
  const singles = questions.filter((q) => q.type === "single").map((q) => q.id);
  const multis = questions.filter((q) => q.type === "multi" || q.type === "rank").map((q) => q.id);
  const scales = questions.filter((q) => q.type === "likert").map((q) => q.id);
  const request: TallyRequest = {
    instrument,
    selection: { waveId, status: "complete", filters },
    groupBy: [
      { kind: "segment", key: "industry" },
      { kind: "segment", key: "region" },
      { kind: "segment", key: "role" },
    ],
    measures: { scales, options: [...singles, ...multis] },
  };
  const entries =
    weighting?.state === "weighted"
      ? (await weightedTally(reader, request, weighting)).map((group) => ({
          row: plainRow(group),
          cells: group.cells as WeightedCell[] | null,
        }))
      : (await reader.tally(request)).map((row) => ({ row, cells: null }));
  // Protected figures: a withheld cell (WITHHELD) is left out rather than counted as a few people.
  const published = reader.figures === "protected" ? entries.filter(({ row }) => row.n > WITHHELD) : entries;
  return published.map(({ row, cells }) => cellOf(row, { singles, multis, scales }, cells));
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
  weighting: ViewWeighting | null = null,
): Promise<MismatchCounts> {
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
  const request: TallyRequest = {
    instrument,
    selection: { waveId, status: "complete", filters },
    groupBy: [
      { kind: "flag", predicate: atRisk },
      { kind: "flag", predicate: centralOnly },
    ],
  };
  const groups = weighting?.state === "weighted" ? await weightedTally(reader, request, weighting) : null;
  const rows = groups ? groups.map(plainRow) : await reader.tally(request);
  const count = (risk: boolean, central?: boolean) =>
    rows.filter((r) => r.key[0] === risk && (central === undefined || r.key[1] === central)).reduce((sum, r) => sum + r.n, 0);
  const counts = { atRisk: count(true), centralOnly: count(true, true), others: count(false), othersCentralOnly: count(false, true) };
  if (!groups) return counts;
  // Each (at risk, central only) group's profile cells: "central only" is 1 for every row of a central-only group.
  const classes = (risk: boolean): WeightedCount[] =>
    groups
      .filter((g) => g.key[0] === risk)
      .flatMap((g) => g.cells.map(({ weight, row }) => ({ weight, n: row.n, count: g.key[1] === true ? row.n : 0 })));
  return { ...counts, weighted: { atRisk: classes(true), others: classes(false) } };
}
