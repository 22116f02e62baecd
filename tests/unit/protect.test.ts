// The protected tally rows the engine gives viewers, the public and respondents' peers
// (lib/privacy/protect.ts): every count its own perturbed cell or withheld, sums perturbed and
// kept consistent, empty groups withheld like small ones, and no row passed on without keys.
import { describe, expect, it } from "vitest";
import { emptyFilters, segmentOptions } from "@/lib/analytics/filters";
import { suppressIndependent, suppressTable } from "@/lib/analytics/suppression";
import { withFigures } from "@/lib/engine/figures";
import type { TallyRequest, TallyRow } from "@/lib/engine/types";
import { perturbCount, protectedCount } from "@/lib/privacy/cellkey";
import { protectRows, variableOf, WITHHELD } from "@/lib/privacy/protect";
import { instrumentV1 } from "@/lib/survey/instrument";
import { readinessDimensions } from "@/lib/survey/roles";

const K = 5;
const dimension = readinessDimensions(instrumentV1)[0]?.question.id as string;
const industries = segmentOptions(instrumentV1, "industry").map((o) => o.id);

const request: TallyRequest = {
  instrument: instrumentV1,
  selection: { waveId: "00000000-0000-0000-0000-000000000000", status: "complete", filters: emptyFilters() },
  groupBy: [{ kind: "segment", key: "industry" }],
  measures: { index: true, scales: [dimension] },
};

function row(industry: string, n: number, keySum: number): TallyRow {
  return {
    key: [industry],
    n,
    complete: n,
    below: 0,
    index: { n, sum: 61.5 * n, sumSquares: 61.5 * 61.5 * n + 40 * n },
    scales: { [dimension]: { n, sum: 3 * n, sumSquares: 10 * n } },
    options: {},
    values: {},
    keys: { n: keySum, complete: keySum, below: 0, index: keySum, scales: { [dimension]: keySum }, options: {}, values: {} },
  };
}

describe("protectRows", () => {
  it("perturbs each count as its own cell and withholds small ones as WITHHELD", () => {
    const rows = [row(industries[0] as string, 40, 1234), row(industries[1] as string, 3, 77)];
    const out = protectRows(rows, request, K);
    const big = out.find((r) => r.key[0] === industries[0]) as TallyRow;
    expect(big.n).toBe(protectedCount({ n: 40, keySum: 1234 }, K));
    expect(big.n).toBe(perturbCount({ n: 40, keySum: 1234 }));
    expect(Math.abs(big.n - 40)).toBeLessThanOrEqual(3);
    expect(out.find((r) => r.key[0] === industries[1])?.n).toBe(WITHHELD);
    // The same records give the same figures, whatever else the query held.
    expect(protectRows([rows[0] as TallyRow], request, K).find((r) => r.key[0] === industries[0])).toEqual(big);
  });

  it("adds every group no row fell into, withheld like a group of a few", () => {
    const out = protectRows([row(industries[0] as string, 40, 1234)], request, K);
    expect(out.map((r) => r.key[0]).sort()).toEqual([...industries].sort());
    for (const r of out.filter((x) => x.key[0] !== industries[0])) {
      expect(r.n).toBe(WITHHELD);
      expect(r.scales[dimension]?.n).toBe(WITHHELD);
    }
  });

  it("perturbs sums, keeps means on the scale and variances non-negative", () => {
    for (let keySum = 0; keySum < 256; keySum++) {
      const [out] = protectRows([row(industries[0] as string, 6, keySum)], { ...request, groupBy: [] }, K);
      const m = out?.scales[dimension];
      if (!m || m.n === WITHHELD) continue;
      expect(m.sum / m.n).toBeGreaterThanOrEqual(1);
      expect(m.sum / m.n).toBeLessThanOrEqual(5);
      expect(m.sumSquares - (m.sum * m.sum) / m.n).toBeGreaterThanOrEqual(-1e-9);
      expect(Number.isInteger(m.sum)).toBe(true);
      const index = out.index;
      expect(index.sum / index.n).toBeLessThanOrEqual(100);
    }
  });

  it("salts sums by role or dimension code, not by question id", () => {
    expect(variableOf(instrumentV1, dimension)).toMatch(/^dimension:/);
  });

  it("splits complete and partial rows into cells of their own", () => {
    const anyRequest: TallyRequest = {
      ...request,
      selection: { ...request.selection, status: "any" },
      groupBy: [],
      measures: { complete: true },
    };
    const r = { ...row(industries[0] as string, 50, 900), complete: 30, keys: { ...row("", 0, 0).keys!, n: 900, complete: 500 } };
    const [out] = protectRows([r], anyRequest, K);
    expect(out?.complete).toBe(perturbCount({ n: 30, keySum: 500 }));
    expect((out?.n ?? 0) - (out?.complete ?? 0)).toBe(perturbCount({ n: 20, keySum: 400 }));
  });

  it("refuses rows without record keys rather than pass exact figures on", () => {
    const { keys: _keys, ...bare } = row(industries[0] as string, 40, 1);
    expect(() => protectRows([bare], request, K)).toThrow(/record keys/);
  });
});

describe("suppression under protected figures", () => {
  it("withholds only what arrives withheld: no complementary cells, no 'not chosen' check", () => {
    const table = [
      [WITHHELD, 40, 12],
      [30, 8, 50],
    ];
    expect(withFigures("protected", () => suppressTable(table, K))).toEqual([
      [null, 40, 12],
      [30, 8, 50],
    ]);
    expect(withFigures("protected", () => suppressIndependent([9, 48], K, 50))).toEqual([9, 48]);
    // Exact figures (analysts) keep complementary suppression.
    expect(suppressTable(table, K)[0]?.filter((n) => n === null).length).toBeGreaterThan(1);
    expect(suppressIndependent([9, 48], K, 50)).toEqual([9, null]);
  });
});
