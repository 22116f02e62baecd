import "server-only";
import { filtersToQuery, type Filters } from "@/lib/analytics/filters";
import { differencingRisks } from "@/lib/analytics/differencing";
import { profileFromAggregate } from "@/lib/architecture/profile";
import { recommend } from "@/lib/architecture/recommend";
import { getEnv } from "@/lib/env";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { loadCells, loadMismatch } from "./data";
import { DEFAULT_FINDING_OPTIONS, computeFindings, type Finding } from "./engine";

export interface LinkedFinding extends Omit<Finding, "aggregate"> {
  /** The dashboard view that shows the evidence (the segment against everyone else). */
  evidenceUrl: string;
  architectures: { id: string; name: string; score: number; reasons: string[]; tradeoff: string }[];
}

export interface FindingsReport {
  k: number;
  reportable: boolean;
  population: number;
  findings: LinkedFinding[];
}

/** Findings under the current filters, each with its evidence view and recommended architectures. */
export async function getFindings(waveId: string, instrument: Instrument, filters: Filters): Promise<FindingsReport> {
  const k = getEnv().SUPPRESSION_K;
  const [cells, mismatch, risks] = await Promise.all([
    loadCells(waveId, instrument, filters),
    loadMismatch(waveId, filters),
    differencingRisks(waveId, filters, k),
  ]);
  const population = cells.reduce((s, c) => s + c.n, 0);
  if (population < k || risks.length > 0) return { k, reportable: false, population: 0, findings: [] };
  const findings = computeFindings(cells, instrument, mismatch, { ...DEFAULT_FINDING_OPTIONS, k });
  return {
    k,
    reportable: true,
    population,
    findings: findings.map(({ aggregate, ...finding }) => {
      const segmentFilters: Filters = {
        ...filters,
        segments: {
          ...filters.segments,
          industry: finding.segment.industry ? [finding.segment.industry] : filters.segments.industry,
          region: finding.segment.region ? [finding.segment.region] : filters.segments.region,
          role: finding.segment.role ? [finding.segment.role] : filters.segments.role,
        },
      };
      const evidenceUrl =
        finding.kind === "mismatch"
          ? `/dashboard?${filtersToQuery(filters)}#latency-geography-title`
          : `/dashboard/compare?${filtersToQuery(segmentFilters, "a_")}&b=rest`;
      const profile =
        finding.kind === "mismatch"
          ? profileFromAggregate({
              n: 1,
              homeRegion: null,
              single: { latency_budget: { "100_250ms": 1 }, user_geography: { global: 1 } },
              multi: { workloads: { realtime_chat: 1 } },
            })
          : profileFromAggregate({ n: aggregate.n, homeRegion: finding.segment.region, single: aggregate.single, multi: aggregate.multi });
      const ranked = recommend(profile).ranked.slice(0, 2);
      return {
        ...finding,
        evidenceUrl,
        architectures: ranked.map((r) => ({
          id: r.id,
          name: r.name,
          score: r.score,
          reasons: r.reasons.slice(0, 3),
          tradeoff: r.tradeoff,
        })),
      };
    }),
  };
}
