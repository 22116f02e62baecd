import "server-only";
import { filtersToQuery, type Filters } from "@/lib/analytics/filters";
import { differencingRisks } from "@/lib/analytics/differencing";
import type { ViewWeightingInfo } from "@/lib/analytics/overview";
import { aggregates } from "@/lib/engine";
import { getEnv } from "@/lib/env";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { kish } from "@/lib/weighting/cells";
import { designN, viewWeighting } from "@/lib/weighting/view";
import { linkArchitectures, type ArchitectureLink } from "./architecture";
import { loadCells, loadMismatch } from "./data";
import { DEFAULT_FINDING_OPTIONS, computeFindings, type Finding } from "./engine";

export interface LinkedFinding extends Omit<Finding, "aggregate"> {
  /** The dashboard view that shows the evidence: the segment against everyone else under the same filters. */
  evidenceUrl: string;
  /** "subject": chosen for what the finding is about (./architecture); "none": it points to no architecture by itself. */
  architectureBasis: ArchitectureLink["basis"];
  architectures: ArchitectureLink["architectures"];
  /** Why no architecture is linked, citing the finding's figures (basis "none"), else null. */
  architectureNote: string | null;
}

export interface FindingsReport {
  k: number;
  /** Whether the figures are weighted (and why not), with the population's n and Kish's n_eff (null when not reportable). */
  weighting: ViewWeightingInfo;
  reportable: boolean;
  population: number;
  findings: LinkedFinding[];
}

/**
 * Findings under the current filters, each with its evidence view and recommended architectures.
 * `weighted` is the view's switch (null: weighted when the wave has usable weights; never for
 * protected readers, whose findings stay unweighted: docs/WEIGHTING.md).
 */
export async function getFindings(
  waveId: string,
  instrument: Instrument,
  filters: Filters,
  options: { weighted?: boolean | null } = {},
): Promise<FindingsReport> {
  const k = getEnv().SUPPRESSION_K;
  const requested = options.weighted ?? null;
  const weighting = await viewWeighting({ id: waveId, code: filters.wave ?? "", instrument }, requested);
  const reader = await aggregates();
  const w = weighting.state === "weighted" ? weighting : null;
  const [cells, mismatch, risks] = await Promise.all([
    loadCells(reader, waveId, instrument, filters, w),
    loadMismatch(reader, waveId, instrument, filters, w),
    differencingRisks(reader, waveId, filters, k),
  ]);
  // Protected figures: the population is a cell of its own (a sum of perturbed cells would add their noise).
  const population =
    reader.figures === "protected" ? ((await reader.countEach(waveId, [filters]))[0] ?? 0) : cells.reduce((s, c) => s + c.n, 0);
  const info = (n: number | null, nEff: number | null): ViewWeightingInfo => ({
    state: weighting.state,
    available: weighting.available,
    n,
    nEff,
  });
  if (population < k || risks.length > 0) return { k, weighting: info(null, null), reportable: false, population: 0, findings: [] };
  // The filtered population is a domain of the wave's design (the weights as the tallies found them).
  const design = w?.weights ? { designN: designN(w.weights) } : null;
  const findings = computeFindings(cells, instrument, mismatch, { ...DEFAULT_FINDING_OPTIONS, k }, design);
  // The switch is kept in the evidence links when it was given and means something (the wave has weights).
  const switchParam = requested === null || !weighting.available ? "" : `&weighted=${requested ? 1 : 0}`;
  return {
    k,
    weighting: info(population, design ? kish(cells.flatMap((c) => c.weighted ?? [])).nEff : population),
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
      // Everyone else *under these filters* (b_* is the group it is taken from), as the engine compared.
      const evidenceUrl =
        finding.kind === "mismatch"
          ? `/dashboard?${filtersToQuery(filters)}${switchParam}#latency-geography-title`
          : `/dashboard/compare?${filtersToQuery(segmentFilters, "a_")}&b=rest&${filtersToQuery(filters, "b_")}${switchParam}`;
      const link = linkArchitectures({ ...finding, aggregate }, aggregate, instrument);
      return { ...finding, evidenceUrl, architectureBasis: link.basis, architectures: link.architectures, architectureNote: link.note };
    }),
  };
}
