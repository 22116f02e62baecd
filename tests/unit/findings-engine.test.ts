import { describe, expect, it } from "vitest";
import type { CellAggregate } from "@/lib/findings/cells";
import { computeFindings, DEFAULT_FINDING_OPTIONS, formatQ } from "@/lib/findings/engine";
import { LIKERT, SCALE_0_100, proportionDifferenceBeyond, scaleMeanInterval } from "@/lib/stats/tests";
import { instrumentV1 } from "@/lib/survey/instrument";

/** A cell of n respondents where `latency` is in the top 3 for `latencyTop3` of them. */
function cell(
  industry: string,
  region: string,
  n: number,
  latencyTop3: number,
  production = Math.round(n / 2),
  strategyMean = 3,
): CellAggregate {
  return {
    industry,
    region,
    role: "engineering",
    n,
    single: { ai_stage: { pilots: n - production, scaled_production: production } },
    multi: { concerns_top3: { latency: latencyTop3, cost: Math.round(n / 2) } },
    // Ratings spread 1 around the mean (half at mean-1, half at mean+1): variance 1.
    scales: { dim_strategy: { n, sum: strategyMean * n, sumSquares: n * (strategyMean * strategyMean + 1) } },
  };
}

const world = (overrides: CellAggregate[] = []): CellAggregate[] => {
  const base = [
    cell("healthcare", "north_america", 200, 60),
    cell("healthcare", "western_europe", 200, 60),
    cell("retail_ecommerce", "north_america", 200, 60),
    cell("retail_ecommerce", "western_europe", 200, 60),
    cell("telecom", "north_america", 200, 60),
  ];
  return [...base, ...overrides];
};

describe("findings engine", () => {
  it("states a planted difference, with figures, q-value and n", () => {
    const findings = computeFindings(world([cell("financial_services", "east_asia", 300, 180)]), instrumentV1, null);
    const latency = findings.find((f) => f.id === "concern.latency.financial_services.any.any");
    expect(latency).toBeDefined();
    expect(latency!.segmentValue).toBeCloseTo(0.6, 6);
    expect(latency!.othersValue).toBeCloseTo(0.3, 6);
    expect(latency!.difference).toBeCloseTo(30, 6);
    expect(latency!.q).toBeLessThan(0.05);
    expect(latency!.headline).toMatch(
      /Respondents in Financial services rank latency among their top 3 concerns more often than others \(60% vs 30%, \+30 points, q < 0\.001, n = 300\)/,
    );
  });

  it("states nothing where nothing was planted", () => {
    expect(computeFindings(world(), instrumentV1, null)).toEqual([]);
  });

  it("never states a non-significant difference", () => {
    // 12 points on 40 respondents is large but not significant.
    const findings = computeFindings(world([cell("education", "south_asia", 40, 17)]), instrumentV1, null, {
      ...DEFAULT_FINDING_OPTIONS,
      minSegment: 30,
    });
    expect(findings.filter((f) => f.segment.industry === "education" && f.kind === "concern")).toEqual([]);
  });

  it("never states a finding from a cell of fewer than k respondents", () => {
    // 4 of 30 choose latency: a big relative gap, but the count is under k = 5.
    const findings = computeFindings(world([cell("energy_utilities", "latin_america", 30, 4)]), instrumentV1, null, {
      ...DEFAULT_FINDING_OPTIONS,
      k: 5,
      minSegment: 30,
    });
    expect(findings.some((f) => f.segment.industry === "energy_utilities" && f.measure.startsWith("Latency"))).toBe(false);
  });

  it("finds readiness and stage gaps, and ranks by effect weighted by population", () => {
    const findings = computeFindings(world([cell("technology", "east_asia", 400, 120, 360, 4.2)]), instrumentV1, null);
    const kinds = findings.filter((f) => f.segment.industry === "technology").map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(["stage", "readiness"]));
    const scores = findings.map((f) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("tests the centralized-only mismatch like every other finding: against others, beyond the margin, in the same correction", () => {
    // 48% of the at-risk group against 27% of others: stated as more often.
    const more = computeFindings(world(), instrumentV1, { atRisk: 300, centralOnly: 144, others: 700, othersCentralOnly: 189 });
    const m = more.find((f) => f.kind === "mismatch")!;
    expect(m.p).toBeCloseTo(proportionDifferenceBeyond(144, 300, 189, 700, 0.05).p, 12);
    expect(m.q).toBeGreaterThanOrEqual(m.p);
    expect(m.difference).toBeCloseTo(21, 6);
    expect(m.headline).toMatch(
      /^48% of respondents .* plan centralized cloud inference only, more often than others \(27%, \+21 points, q < 0\.001/,
    );
    // A high level with no difference from others (40% against 37.5%) is no finding; a floor on the level admitted it.
    const level = computeFindings(world(), instrumentV1, { atRisk: 200, centralOnly: 80, others: 800, othersCentralOnly: 300 });
    expect(level.map((f) => f.kind)).not.toContain("mismatch");
  });

  it("words the mismatch by the direction of the difference", () => {
    // 27% against 48%: the group is less often centralized-only; the headline must not imply a mismatch.
    const less = computeFindings(world(), instrumentV1, { atRisk: 300, centralOnly: 81, others: 700, othersCentralOnly: 336 });
    const m = less.find((f) => f.kind === "mismatch")!;
    expect(m.difference).toBeCloseTo(-21, 6);
    expect(m.headline).toMatch(/^27% of respondents .* plan centralized cloud inference only, less often than others \(48%, -21 points/);
    expect(m.headline).not.toMatch(/more often|keeps distant users far/);
  });

  it("gives readiness the same interval as every other view of a rating (t, cut at the scale), and a formatted q", () => {
    const findings = computeFindings(world([cell("technology", "east_asia", 400, 120, 360, 4.2)]), instrumentV1, null);
    const strategy = findings.find((f) => f.id === "readiness.strategy.technology.any.any")!;
    const expected = scaleMeanInterval({ n: 400, sum: 4.2 * 400, sumSquares: 400 * (4.2 * 4.2 + 1) }, LIKERT, SCALE_0_100);
    expect(strategy.interval.lower).toBeCloseTo(expected.lower, 12);
    expect(strategy.interval.upper).toBeCloseTo(expected.upper, 12);
    expect(strategy.headline).toMatch(/\+30 points, q < 0\.001, n = 400\)\.$/);
    // Near the bottom of the scale at n = 30 the t interval runs below 0 and is cut there.
    const low = computeFindings(world([cell("education", "south_asia", 30, 9, 15, 1.2)]), instrumentV1, null);
    expect(low.find((f) => f.id === "readiness.strategy.education.any.any")!.interval.lower).toBe(0);
  });

  it("is deterministic", () => {
    const input = world([cell("financial_services", "east_asia", 300, 180)]);
    expect(computeFindings(input, instrumentV1, null)).toEqual(computeFindings(structuredClone(input), instrumentV1, null));
  });
});

describe("q in a headline", () => {
  it("is never rounded up to the 0.05 a finding is stated at, nor shown as 0", () => {
    expect(formatQ(0.0499)).toBe("q = 0.049");
    expect(formatQ(0.047)).toBe("q = 0.047");
    expect(formatQ(0.0123)).toBe("q = 0.012");
    expect(formatQ(0.0099)).toBe("q < 0.01");
    expect(formatQ(0.0004)).toBe("q < 0.001");
  });
});
