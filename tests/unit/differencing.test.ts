import { describe, expect, it } from "vitest";
import { relaxationsOf } from "@/lib/analytics/differencing";
import { emptyFilters, type Filters } from "@/lib/analytics/filters";

const filters = (change: { from?: string; to?: string; segments?: Partial<Filters["segments"]> }): Filters => {
  const base = emptyFilters();
  return { ...base, from: change.from ?? null, to: change.to ?? null, segments: { ...base.segments, ...change.segments } };
};

describe("the views a differencing attack would subtract", () => {
  it("include each value of a multi-value filter dropped, not only the whole filter", () => {
    const views = relaxationsOf(filters({ segments: { industry: ["technology", "healthcare"] } }));
    expect(views.map((v) => v.filters.segments.industry)).toEqual([[], ["healthcare"], ["technology"]]);
    expect(new Set(views.map((v) => v.name))).toEqual(new Set(["industry"]));
  });

  it("never step past the last or before the first day a filter accepts (no invalid date reaches SQL)", () => {
    const last = relaxationsOf(filters({ from: "9999-12-31" }));
    expect(last.map((v) => v.filters.from)).toEqual([null]);
    const first = relaxationsOf(filters({ to: "1900-01-01" }));
    expect(first.map((v) => v.filters.to)).toEqual([null]);
  });

  it("include either date bound dropped and the range one day shorter at either end", () => {
    const views = relaxationsOf(filters({ from: "2026-10-01", to: "2026-10-31" }));
    expect(views.map((v) => [v.filters.from, v.filters.to])).toEqual([
      [null, null],
      [null, "2026-10-31"],
      ["2026-10-01", null],
      ["2026-10-02", "2026-10-31"],
      ["2026-10-01", "2026-10-30"],
    ]);
  });

  it("shorten a one-sided range at its one end, across months and years, and never past a single day", () => {
    expect(relaxationsOf(filters({ to: "2027-01-01" })).map((v) => v.filters.to)).toEqual([null, "2026-12-31"]);
    expect(relaxationsOf(filters({ from: "2028-02-28" })).map((v) => v.filters.from)).toEqual([null, "2028-02-29"]);
    const oneDay = relaxationsOf(filters({ from: "2026-10-01", to: "2026-10-01" }));
    expect(oneDay.every((v) => v.filters.from === null || v.filters.to === null)).toBe(true);
  });

  it("are none for an unfiltered view", () => {
    expect(relaxationsOf(emptyFilters())).toEqual([]);
  });
});
