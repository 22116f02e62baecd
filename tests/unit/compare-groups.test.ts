import { describe, expect, it } from "vitest";
import { emptyFilters, type Filters } from "@/lib/analytics/filters";
import { comparisonProblem, filtersDisjoint, filtersWithin } from "@/lib/analytics/groups";

const f = (over: Partial<Omit<Filters, "segments">> & { segments?: Partial<Filters["segments"]> } = {}): Filters => {
  const base = emptyFilters();
  return { ...base, ...over, segments: { ...base.segments, ...over.segments } };
};

describe("which groups a comparison may test against each other", () => {
  it("everyone else: A must lie inside the group and not be all of it", () => {
    const wave = f();
    expect(comparisonProblem(f({ from: "2026-11-01" }), { within: wave })).toBeNull();
    expect(comparisonProblem(f({ segments: { industry: ["technology"] } }), { within: wave })).toBeNull();
    expect(comparisonProblem(wave, { within: wave })).toMatch(/nobody else/);
    const november = f({ from: "2026-11-01" });
    expect(comparisonProblem(november, { within: november })).toMatch(/nobody else/);
    expect(comparisonProblem(f({ from: "2026-11-01", segments: { industry: ["technology"] } }), { within: november })).toBeNull();
    expect(comparisonProblem(f({ segments: { industry: ["technology"] } }), { within: november })).toMatch(/dates start before/);
    expect(
      comparisonProblem(f({ segments: { industry: ["technology"] } }), { within: f({ segments: { industry: ["healthcare"] } }) }),
    ).toMatch(/industry filter goes beyond/);
  });

  it("custom segments must not share a respondent", () => {
    expect(filtersDisjoint(f({ segments: { industry: ["technology"] } }), f({ segments: { industry: ["healthcare"] } }))).toBe(true);
    expect(
      filtersDisjoint(f({ segments: { industry: ["technology", "healthcare"] } }), f({ segments: { industry: ["healthcare"] } })),
    ).toBe(false);
    expect(filtersDisjoint(f({ segments: { industry: ["technology"] } }), f({ segments: { region: ["east_asia"] } }))).toBe(false);
    expect(filtersDisjoint(f({ to: "2026-10-31" }), f({ from: "2026-11-01" }))).toBe(true);
    expect(filtersDisjoint(f({ to: "2026-11-01" }), f({ from: "2026-11-01" }))).toBe(false); // both hold Nov 1
    expect(filtersDisjoint(f(), f())).toBe(false);
    expect(comparisonProblem(f({ segments: { industry: ["technology"] } }), f({ segments: { region: ["east_asia"] } }))).toMatch(/overlap/);
  });

  it("knows when one group lies inside another", () => {
    expect(filtersWithin(f({ from: "2026-11-02", to: "2026-11-05" }), f({ from: "2026-11-01", to: "2026-11-30" })).within).toBe(true);
    expect(filtersWithin(f({ from: "2026-11-02" }), f({ from: "2026-11-01", to: "2026-11-30" })).within).toBe(false);
  });
});
