// The findings engine: scans segments (each industry, region and role, and industry x region
// pairs) for differences from everyone else. Each test asks whether the difference exceeds a
// margin (5 percentage points, 3 points on the 0-100 readiness scale), not merely zero, since a
// scan of thousands of comparisons would otherwise state noise; every test then enters one
// Benjamini-Hochberg correction, and only what is significant, large enough to matter, and built
// from counts of at least k respondents is stated. The infrastructure-mismatch finding is one more
// test of the same kind (a group against everyone else), in the same family.
//
// Weighted (the cells carry their profile cells' weights, and a design is given): every share, mean,
// interval and test is compare's weighted one (./weighted.ts, equal to R's survey package), while
// the minimum sizes and k-suppression stay on the unweighted counts.
import {
  LIKERT,
  SCALE_0_100,
  benjaminiHochberg,
  meanDifferenceBeyond,
  proportionDifferenceBeyond,
  scaleMeanInterval,
  wilsonInterval,
  type Interval,
} from "@/lib/stats/tests";
import type { DesignOptions, WeightedCount } from "@/lib/stats/weighted";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { codeOf, optionByCode, optionLabelOf, questionByRole, readinessDimensions, roleOptions, type Role } from "@/lib/survey/roles";
import { scaleClasses, optionClasses, type WeightedCell } from "@/lib/weighting/cells";
import { combine, type CellAggregate, type SegmentAggregate } from "./cells";
import { anyOptionClasses, weightedRating, weightedShare, type WeightedComparison } from "./weighted";

export type FindingKind = "concern" | "stage" | "readiness" | "mismatch";

export interface Segment {
  industry: string | null;
  region: string | null;
  role: string | null;
  label: string;
}

export interface Finding {
  id: string;
  kind: FindingKind;
  /** What the finding is about: the concern's option code, "production", the readiness dimension's code, or "central_only". */
  subject: string;
  segment: Segment;
  headline: string;
  /** What was measured, e.g. "Latency in top 3 concerns". */
  measure: string;
  unit: "%" | "points";
  segmentValue: number;
  othersValue: number | null;
  interval: Interval;
  /** Segment minus others, in percentage points or 0-100 scale points. */
  difference: number | null;
  p: number;
  q: number;
  /** Respondents in the segment. */
  n: number;
  othersN: number | null;
  /** Weighted findings: Kish's effective sizes of the segment and everyone else; null when unweighted. */
  nEff: number | null;
  othersNEff: number | null;
  /** Ranking: effect size weighted by the population it concerns. */
  score: number;
  aggregate: SegmentAggregate;
}

export interface FindingOptions {
  k: number;
  /** Smallest segment (and complement) considered. */
  minSegment: number;
  /** Smallest difference worth stating: percentage points for shares, 0-100 points for scales. */
  minShareDifference: number;
  minScaleDifference: number;
  /** Each test asks whether the difference exceeds this margin (not merely zero). */
  shareMargin: number;
  scaleMargin: number;
  alpha: number;
}

export const DEFAULT_FINDING_OPTIONS: FindingOptions = {
  k: 5,
  minSegment: 30,
  minShareDifference: 8,
  minScaleDifference: 5,
  shareMargin: 5,
  scaleMargin: 3,
  alpha: 0.05,
};

/** The stage option codes that count as running AI in production. */
export const PRODUCTION_STAGES = ["limited_production", "scaled_production"] as const;

export interface MismatchCounts {
  atRisk: number;
  centralOnly: number;
  others: number;
  othersCentralOnly: number;
  /** On a weighted view: "plans centralized cloud only" per weight class, among the at-risk and the others. */
  weighted?: { atRisk: WeightedCount[]; others: WeightedCount[] };
}

interface Candidate extends Omit<Finding, "q" | "score" | "headline"> {
  headlineFor: (q: number) => string;
}

// Findings are stated at q < 0.05, so q is never rounded up to (or past) that line: 0.047 reads
// "q = 0.047", not "q = 0.05"; three decimals, truncated, below 0.01 a bound.
export const formatQ = (q: number) => (q < 0.001 ? "q < 0.001" : q < 0.01 ? "q < 0.01" : `q = ${(Math.floor(q * 1000) / 1000).toFixed(3)}`);
const pct = (v: number) => `${Math.round(v * 100)}%`;
const signed = (v: number) => `${v > 0 ? "+" : ""}${Math.round(v)}`;
/** "n = 1,204", and Kish's n_eff beside it when the figures are weighted. */
const sizeOf = (n: number, nEff: number | null) =>
  `n = ${n.toLocaleString("en")}${nEff === null ? "" : `, n_eff = ${Math.round(nEff).toLocaleString("en")}`}`;

function labelOf(instrument: Instrument, role: Role, optionId: string): string {
  return optionLabelOf(instrument, role, optionId);
}

/** Segments to scan: every industry, region and role, and each industry x region pair. */
function segmentsOf(cells: CellAggregate[], instrument: Instrument): { segment: Segment; cells: CellAggregate[] }[] {
  const distinct = (pick: (c: CellAggregate) => string) => [...new Set(cells.map(pick))].sort();
  const label = (industry: string | null, region: string | null) =>
    [industry ? labelOf(instrument, "industry", industry) : null, region ? labelOf(instrument, "region", region) : null]
      .filter(Boolean)
      .join(" in ");
  const pairs = [...new Set(cells.map((c) => `${c.industry}|${c.region}`))].sort();
  return [
    ...distinct((c) => c.industry).map((industry) => ({
      segment: { industry, region: null, role: null, label: label(industry, null) },
      cells: cells.filter((c) => c.industry === industry),
    })),
    ...distinct((c) => c.region).map((region) => ({
      segment: { industry: null, region, role: null, label: label(null, region) },
      cells: cells.filter((c) => c.region === region),
    })),
    ...distinct((c) => c.role).map((role) => ({
      segment: { industry: null, region: null, role, label: `${labelOf(instrument, "role", role).toLowerCase()} roles` },
      cells: cells.filter((c) => c.role === role),
    })),
    ...pairs.map((pair) => {
      const [industry = "", region = ""] = pair.split("|");
      return {
        segment: { industry, region, role: null, label: label(industry, region) },
        cells: cells.filter((c) => c.industry === industry && c.region === region),
      };
    }),
  ];
}

/**
 * The findings of the cells. With `design` (the wave's design, of which the cells are a domain)
 * and every cell carrying its weighted profile cells, the figures and tests are weighted.
 */
export function computeFindings(
  cells: CellAggregate[],
  instrument: Instrument,
  mismatch: MismatchCounts | null,
  options: FindingOptions = DEFAULT_FINDING_OPTIONS,
  design: DesignOptions | null = null,
): Finding[] {
  const { k, minSegment } = options;
  const total = combine(cells);
  const weighted = design !== null && cells.every((c) => c.weighted !== undefined) ? design : null;
  const profileCells = (parts: CellAggregate[]): WeightedCell[] => parts.flatMap((c) => c.weighted ?? []);
  const candidates: Candidate[] = [];
  // Planned tests whose counts are too small to state (a cell under k): they still count in the
  // correction, as p = 1, so how many tests it corrects for does not depend on the outcomes.
  let withheldTests = 0;
  const topConcerns = questionByRole(instrument, "top_concerns");
  const concernOptions = roleOptions(instrument, topConcerns);
  const stage = questionByRole(instrument, "stage");
  const productionIds = PRODUCTION_STAGES.flatMap((code) => optionByCode(instrument, stage, code)?.id ?? []);

  for (const { segment, cells: members } of segmentsOf(cells, instrument)) {
    const seg = combine(members);
    const rest = combine([total, seg], [1, -1]);
    if (seg.n < minSegment || rest.n < minSegment) continue;
    // Weighted: the segment's profile cells and everyone else's (the cells outside the segment).
    const inSegment = new Set(members);
    const sides = weighted ? { seg: profileCells(members), rest: profileCells(cells.filter((c) => !inSegment.has(c))) } : null;
    const idBase = `${segment.industry ?? "any"}.${segment.region ?? "any"}.${segment.role ?? "any"}`;

    // Shares: top-3 concerns and the production stage. Both sides' counts must be >= k.
    const shareCandidate = (
      kind: FindingKind,
      key: string,
      measure: string,
      x1: number,
      x2: number,
      classes: ((cells: WeightedCell[]) => WeightedCount[]) | null,
      headline: (a: string, b: string, d: string, q: string, size: string) => string,
    ) => {
      if (x1 < k || x2 < k || seg.n - x1 < k || rest.n - x2 < k) {
        withheldTests++;
        return;
      }
      const w: WeightedComparison | null =
        sides && classes && weighted ? weightedShare(classes(sides.seg), classes(sides.rest), weighted, options.shareMargin / 100) : null;
      const a = w ? w.segmentValue : x1 / seg.n;
      const b = w ? w.othersValue : x2 / rest.n;
      const difference = w ? w.difference : (a - b) * 100;
      const size = sizeOf(seg.n, w?.nEff ?? null);
      candidates.push({
        id: `${kind}.${key}.${idBase}`,
        kind,
        subject: key,
        segment,
        measure,
        unit: "%",
        segmentValue: a,
        othersValue: b,
        interval: w ? w.interval : wilsonInterval(x1, seg.n),
        difference,
        p: w ? w.p : proportionDifferenceBeyond(x1, seg.n, x2, rest.n, options.shareMargin / 100).p,
        n: seg.n,
        othersN: rest.n,
        nEff: w?.nEff ?? null,
        othersNEff: w?.othersNEff ?? null,
        aggregate: seg,
        headlineFor: (q) => headline(pct(a), pct(b), signed(difference), formatQ(q), size),
      });
    };
    for (const option of concernOptions) {
      const x1 = seg.multi[topConcerns.id]?.[option.id] ?? 0;
      const x2 = rest.multi[topConcerns.id]?.[option.id] ?? 0;
      shareCandidate(
        "concern",
        codeOf(option),
        `${option.label} in top 3 concerns`,
        x1,
        x2,
        (c) => optionClasses(c, topConcerns.id, option.id),
        (a, b, d, q, size) =>
          `Respondents in ${segment.label} rank ${option.label.toLowerCase()} among their top 3 concerns ` +
          `${Number(d) > 0 ? "more" : "less"} often than others (${a} vs ${b}, ${d} points, ${q}, ${size}).`,
      );
    }
    const production = (agg: SegmentAggregate) => productionIds.reduce((s, id) => s + (agg.single[stage.id]?.[id] ?? 0), 0);
    shareCandidate(
      "stage",
      "production",
      "Running AI in production",
      production(seg),
      production(rest),
      (c) => anyOptionClasses(c, stage.id, productionIds),
      (a, b, d, q, size) =>
        `${a} of respondents in ${segment.label} run AI in production (limited or scaled), against ${b} of others (${d} ` +
        `points, ${q}, ${size}).`,
    );

    // Readiness by dimension: Welch's t (weighted: svyttest) on the 1-5 ratings, reported on 0-100.
    for (const dimension of readinessDimensions(instrument)) {
      const m1 = seg.scales[dimension.question.id];
      const m2 = rest.scales[dimension.question.id];
      if (!m1 || !m2 || m1.n < minSegment || m2.n < minSegment) continue;
      const margin = (options.scaleMargin / 100) * 4;
      const q = dimension.question.id;
      const w = sides && weighted ? weightedRating(scaleClasses(sides.seg, q), scaleClasses(sides.rest, q), weighted, margin) : null;
      // The same interval as every other view of a rating: t (weighted: normal), cut at the ends of the scale.
      const interval = w ? { mean: w.segmentValue, ...w.interval } : scaleMeanInterval(m1, LIKERT, SCALE_0_100);
      const a = interval.mean;
      const b = w ? w.othersValue : scaleMeanInterval(m2, LIKERT, SCALE_0_100).mean;
      const difference = w ? w.difference : a - b;
      const size = sizeOf(m1.n, w?.nEff ?? null);
      candidates.push({
        id: `readiness.${dimension.code}.${idBase}`,
        kind: "readiness",
        subject: dimension.code,
        segment,
        measure: `${dimension.label} readiness (0-100)`,
        unit: "points",
        segmentValue: a,
        othersValue: b,
        interval: { lower: interval.lower, upper: interval.upper },
        difference,
        p: w ? w.p : meanDifferenceBeyond(m1, m2, margin).p,
        n: m1.n,
        othersN: m2.n,
        nEff: w?.nEff ?? null,
        othersNEff: w?.othersNEff ?? null,
        aggregate: seg,
        headlineFor: (qValue) =>
          `Respondents in ${segment.label} rate their ${dimension.label.toLowerCase()} readiness ` +
          `${difference > 0 ? "higher" : "lower"} than others (${Math.round(a)} vs ${Math.round(b)} on 0–100, ` +
          `${signed(difference)} points, ${formatQ(qValue)}, ${size}).`,
      });
    }
  }

  // Mismatch: do respondents with tight budgets and far-flung users plan centralized cloud only more
  // (or less) often than everyone else? Tested like every other finding: a margin test entering the
  // same correction, stated by the direction of the difference.
  const mismatchPlanned = mismatch !== null && mismatch !== undefined && mismatch.atRisk >= minSegment && mismatch.others >= minSegment;
  const mismatchStatable =
    mismatchPlanned &&
    mismatch.centralOnly >= k &&
    mismatch.atRisk - mismatch.centralOnly >= k &&
    mismatch.othersCentralOnly >= k &&
    mismatch.others - mismatch.othersCentralOnly >= k;
  if (mismatchPlanned && !mismatchStatable) withheldTests++;
  if (mismatchStatable) {
    const w =
      weighted && mismatch.weighted
        ? weightedShare(mismatch.weighted.atRisk, mismatch.weighted.others, weighted, options.shareMargin / 100)
        : null;
    const a = w ? w.segmentValue : mismatch.centralOnly / mismatch.atRisk;
    const b = w ? w.othersValue : mismatch.othersCentralOnly / mismatch.others;
    const difference = w ? w.difference : (a - b) * 100;
    const size = sizeOf(mismatch.atRisk, w?.nEff ?? null);
    const group = "respondents whose latency budget is under 250 ms and whose users span several regions or the globe";
    candidates.push({
      id: "mismatch.central_only.any.any.any",
      kind: "mismatch",
      subject: "central_only",
      segment: { industry: null, region: null, role: null, label: "respondents with tight budgets and distant users" },
      measure: "Plan centralized cloud only",
      unit: "%",
      segmentValue: a,
      othersValue: b,
      interval: w ? w.interval : wilsonInterval(mismatch.centralOnly, mismatch.atRisk),
      difference,
      p: w
        ? w.p
        : proportionDifferenceBeyond(
            mismatch.centralOnly,
            mismatch.atRisk,
            mismatch.othersCentralOnly,
            mismatch.others,
            options.shareMargin / 100,
          ).p,
      n: mismatch.atRisk,
      othersN: mismatch.others,
      nEff: w?.nEff ?? null,
      othersNEff: w?.othersNEff ?? null,
      aggregate: combine([]),
      headlineFor: (q) =>
        difference > 0
          ? `${pct(a)} of ${group} plan centralized cloud inference only, more often than others (${pct(b)}, ${signed(difference)} ` +
            `points, ${formatQ(q)}, ${size}): a plan that keeps distant users far from the model.`
          : `${pct(a)} of ${group} plan centralized cloud inference only, less often than others (${pct(b)}, ${signed(difference)} ` +
            `points, ${formatQ(q)}, ${size}).`,
    });
  }

  // Every test enters the correction; the size threshold applies only afterwards, since choosing
  // tests by their observed effect first would let noise through the correction.
  const q = benjaminiHochberg([...candidates.map((c) => c.p), ...Array<number>(withheldTests).fill(1)]);
  const kept: Finding[] = [];
  candidates.forEach((candidate, i) => {
    const qValue = q[i] ?? 1;
    if (qValue >= options.alpha) return;
    const minimum = candidate.unit === "%" ? options.minShareDifference : options.minScaleDifference;
    if (Math.abs(candidate.difference ?? 0) < minimum) return;
    const { headlineFor, ...rest } = candidate;
    const effect = Math.abs(candidate.difference ?? candidate.segmentValue * 100);
    kept.push({ ...rest, q: qValue, headline: headlineFor(qValue), score: effect * Math.sqrt(candidate.n) });
  });
  return dropRedundant(kept).sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
}

/** An industry x region finding that merely repeats its industry's or region's is dropped. */
function dropRedundant(findings: Finding[]): Finding[] {
  const byId = new Map(findings.map((f) => [f.id, f]));
  return findings.filter((f) => {
    if (!f.segment.industry || !f.segment.region) return true;
    const [kind, key] = f.id.split(".");
    const parents = [byId.get(`${kind}.${key}.${f.segment.industry}.any.any`), byId.get(`${kind}.${key}.any.${f.segment.region}.any`)];
    return !parents.some(
      (p) =>
        p && Math.sign(p.difference ?? 0) === Math.sign(f.difference ?? 0) && Math.abs(f.difference ?? 0) < Math.abs(p.difference ?? 0) + 5,
    );
  });
}
