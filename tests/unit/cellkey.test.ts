import { describe, expect, it } from "vitest";
import {
  allowedNoise,
  cellKeyOf,
  countNoise,
  countsConsistentWith,
  GENERIC_ROW,
  MAX_NOISE,
  noiseDistribution,
  perturbCount,
  perturbSum,
  protectedCount,
  protectedMean,
  protectedShare,
  RECORD_KEY_MODULUS,
  SMALL_COUNT_LIMIT,
  SUM_NOISE_SCALE,
  sumNoise,
} from "@/lib/privacy/cellkey";

/** A small fixed PRNG for the test's own records (not the module's). */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

interface Row {
  id: number;
  key: number;
  industry: string;
  region: string;
  day: number;
  score: number;
}

function population(size: number, seed = 7): Row[] {
  const next = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  return Array.from({ length: size }, (_, id) => ({
    id,
    key: Math.floor(next() * RECORD_KEY_MODULUS),
    industry: pick(["tech", "health", "finance", "retail"]),
    region: pick(["eu", "na", "apac"]),
    day: Math.floor(next() * 30),
    score: 1 + Math.floor(next() * 5),
  }));
}

const aggregate = (rows: Row[]) => ({ n: rows.length, keySum: rows.reduce((s, r) => s + r.key, 0) });

describe("cell keys", () => {
  it("are the key sum modulo 256, for numbers, bigints and SQL's bigint-as-text", () => {
    expect(cellKeyOf(0)).toBe(0);
    expect(cellKeyOf(257)).toBe(1);
    expect(cellKeyOf("1000000000000000000001")).toBe(Number(1000000000000000000001n % 256n));
    expect(cellKeyOf(513n)).toBe(1);
  });

  it("refuse counts and keys that cannot be", () => {
    expect(() => countNoise(-1, 0)).toThrow(RangeError);
    expect(() => countNoise(1.5, 0)).toThrow(RangeError);
    expect(() => countNoise(3, 256)).toThrow(RangeError);
  });
});

describe("the same cell gets the same value whatever the query path", () => {
  const rows = population(2000);
  it("counts: filters applied in any order, or the cell reached as a part of a bigger table, agree", () => {
    const a = rows.filter((r) => r.industry === "tech").filter((r) => r.region === "eu");
    const b = rows.filter((r) => r.region === "eu").filter((r) => r.industry === "tech");
    const c = rows.filter((r) => r.industry === "tech" && r.region === "eu" && r.day >= 0); // a redundant date filter
    const heatmap = new Map<string, Row[]>();
    for (const r of rows) heatmap.set(`${r.industry}|${r.region}`, [...(heatmap.get(`${r.industry}|${r.region}`) ?? []), r]);
    const heatmapCell = heatmap.get("tech|eu")!;
    const values = [a, b, c, heatmapCell].map((cell) => perturbCount(aggregate(cell)));
    expect(new Set(values).size).toBe(1);
    // Records in another order: the same set, the same key sum.
    expect(perturbCount(aggregate([...a].reverse()))).toBe(values[0]);
  });

  it("sums and means too, and a sum's draw differs per variable", () => {
    const cell = rows.filter((r) => r.industry === "health");
    const agg = aggregate(cell);
    const sum = cell.reduce((s, r) => s + r.score, 0);
    const range = { min: 1, max: 5 };
    expect(perturbSum(sum, agg, "q_a", range)).toBe(perturbSum(sum, aggregate([...cell].reverse()), "q_a", range));
    expect(protectedMean(sum, agg, "q_a", range, 5)).toBe(protectedMean(sum, { ...agg, keySum: String(agg.keySum) }, "q_a", range, 5));
    const draws = new Set(["a", "b", "c", "d", "e", "f", "g", "h"].map((v) => sumNoise(agg, v, range)));
    expect(draws.size).toBeGreaterThan(1);
  });
});

describe("bounds", () => {
  it("never moves a count by more than 3, never below 0, never to 1 or 2, and keeps 0 at 0", () => {
    for (let n = 0; n <= 40; n++) {
      for (let key = 0; key < RECORD_KEY_MODULUS; key++) {
        const d = countNoise(n, key);
        expect(Math.abs(d)).toBeLessThanOrEqual(MAX_NOISE);
        expect(n + d).toBeGreaterThanOrEqual(0);
        if (n + d >= 1) expect(n + d).toBeGreaterThan(SMALL_COUNT_LIMIT);
        if (n === 0) expect(d).toBe(0);
      }
    }
  });

  it("uses every allowed perturbation for each count (no value is certain from its output alone)", () => {
    for (let n = 1; n <= GENERIC_ROW + 2; n++) expect([...noiseDistribution(n).keys()]).toEqual(allowedNoise(n));
  });

  it("withholds counts whose true or perturbed value is below k", () => {
    for (let n = 0; n < 5; n++) for (let key = 0; key < 256; key++) expect(protectedCount({ n, keySum: key }, 5)).toBeNull();
    for (let key = 0; key < 256; key++) {
      const value = protectedCount({ n: 6, keySum: key }, 5);
      expect(value === null || value >= 5).toBe(true);
    }
  });

  it("keeps a sum's noise within 1.5 records' range, and shares and means within their range", () => {
    const range = { min: 0, max: 100 };
    for (let key = 0; key < 256; key++) {
      expect(Math.abs(sumNoise({ n: 10, keySum: key }, "readiness", range))).toBeLessThan(MAX_NOISE * SUM_NOISE_SCALE * 100);
      const sum = perturbSum(10 * 99.3, { n: 10, keySum: key }, "readiness", range);
      expect(Number.isInteger(sum)).toBe(true);
      expect(Math.abs(sum - 993)).toBeLessThanOrEqual(MAX_NOISE * SUM_NOISE_SCALE * 100 + 0.5);
      const mean = protectedMean(10 * 99, { n: 10, keySum: key }, "readiness", range, 5);
      if (mean !== null) expect(mean).toBeGreaterThanOrEqual(0);
      if (mean !== null) expect(mean).toBeLessThanOrEqual(100);
      const share = protectedShare({ n: 10, keySum: key }, { n: 10, keySum: key * 7 }, 5);
      if (share !== null) expect(share).toBeLessThanOrEqual(1);
    }
    expect(protectedShare({ n: 0, keySum: 0 }, { n: 50, keySum: 3 }, 5)).toBeNull();
    expect(protectedShare({ n: 2, keySum: 9 }, { n: 50, keySum: 3 }, 5)).toBeNull();
  });
});

describe("zero mean and stated variance", () => {
  it("has mean exactly 0 in every row of the table (over all 256 keys)", () => {
    for (let n = 0; n <= GENERIC_ROW + 3; n++) {
      let total = 0;
      for (let key = 0; key < RECORD_KEY_MODULUS; key++) total += countNoise(n, key);
      expect(total, `n = ${n}`).toBe(0);
    }
  });

  it("sums: mean exactly 0 over all keys for whole-number sums, variance 1.5 × (0.5 × range)²", () => {
    const range = { min: 1, max: 5 };
    let total = 0;
    let squares = 0;
    for (let key = 0; key < RECORD_KEY_MODULUS; key++) {
      total += perturbSum(300, { n: 100, keySum: key }, "dimension", range) - 300;
      squares += sumNoise({ n: 100, keySum: key }, "dimension", range) ** 2;
    }
    expect(total).toBe(0);
    expect(squares / RECORD_KEY_MODULUS).toBeCloseTo(1.5 * 4, 1);
  });

  it("has variance about 1.41 from 6 up (standard deviation 1.19), as docs/PRIVACY.md states", () => {
    const dist = noiseDistribution(50);
    const variance = [...dist].reduce((s, [d, p]) => s + d * d * p, 0);
    expect(variance).toBeCloseTo(1.406, 2);
  });

  it("averages to about zero over many random cells (keys from real sums of record keys)", () => {
    const rows = population(20_000, 11);
    const next = prng(99);
    let totalNoise = 0;
    const cells = 5000;
    for (let i = 0; i < cells; i++) {
      const size = 6 + Math.floor(next() * 200);
      const start = Math.floor(next() * (rows.length - size));
      const cell = rows.slice(start, start + size);
      totalNoise += perturbCount(aggregate(cell)) - cell.length;
    }
    // Standard error of the mean of 5000 draws with sd 1.19: 0.017; allow 4 of them.
    expect(Math.abs(totalNoise / cells)).toBeLessThan(0.07);
  });
});

describe("what one published figure tells someone who knows the table", () => {
  it("is always an interval of two or more true counts", () => {
    for (const published of [null, 5, 6, 7, 8, 9, 10, 50, 1000]) {
      const { min, max } = countsConsistentWith(published, 5);
      expect(max - min, String(published)).toBeGreaterThanOrEqual(1);
    }
    expect(countsConsistentWith(null, 5)).toEqual({ min: 0, max: 7 });
    expect(countsConsistentWith(50, 5)).toEqual({ min: 47, max: 53 });
  });
});
