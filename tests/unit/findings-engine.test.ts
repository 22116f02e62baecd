import { describe, expect, it } from "vitest";
import type { CellAggregate } from "@/lib/findings/cells";
import { computeFindings, DEFAULT_FINDING_OPTIONS } from "@/lib/findings/engine";
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

  it("states the centralized-only mismatch only when its interval clears the floor", () => {
    const strong = computeFindings(world(), instrumentV1, { atRisk: 200, centralOnly: 80, others: 800, othersCentralOnly: 300 });
    expect(strong.map((f) => f.kind)).toContain("mismatch");
    const weak = computeFindings(world(), instrumentV1, { atRisk: 200, centralOnly: 30, others: 800, othersCentralOnly: 300 });
    expect(weak.map((f) => f.kind)).not.toContain("mismatch");
  });

  it("is deterministic", () => {
    const input = world([cell("financial_services", "east_asia", 300, 180)]);
    expect(computeFindings(input, instrumentV1, null)).toEqual(computeFindings(structuredClone(input), instrumentV1, null));
  });
});
