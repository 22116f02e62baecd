// Reference values come from R 4.2 (Debian 12 r-base-core), produced by the calls quoted beside
// each expectation; the datasets are R's own documented examples (sleep; Agresti 2007 table).
import { describe, expect, it } from "vitest";
import { chiSquareUpperTail, studentTQuantileTwoSided, studentTTwoSided } from "@/lib/stats/distributions";
import { MONTE_CARLO_TABLES, chiSquareMonteCarlo, fisherExact2x2, sampleHypergeometric, seededRandom } from "@/lib/stats/exact";
import {
  LIKERT,
  SCALE_0_100,
  benjaminiHochberg,
  chiSquareIndependence,
  compareProportions,
  independenceTest,
  meanInterval,
  newcombeInterval,
  scaleMeanInterval,
  twoProportionZTest,
  welchInterval,
  welchTTest,
  wilsonInterval,
  type Moments,
} from "@/lib/stats/tests";

const moments = (xs: number[]): Moments => ({
  n: xs.length,
  sum: xs.reduce((s, x) => s + x, 0),
  sumSquares: xs.reduce((s, x) => s + x * x, 0),
});
const sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const sleep2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe("distributions against R", () => {
  it("Student t tail and quantile", () => {
    expect(studentTTwoSided(-2.5, 3)).toBeCloseTo(0.0877066470081, 9); // 2*pt(-2.5, 3)
    expect(studentTTwoSided(-1.0, 1000)).toBeCloseTo(0.317552418085, 9); // 2*pt(-1, 1000)
    expect(studentTQuantileTwoSided(0.05, 9)).toBeCloseTo(2.2621571628, 8); // qt(0.975, 9)
    expect(studentTQuantileTwoSided(0.05, 2)).toBeCloseTo(4.30265272975, 8); // qt(0.975, 2)
  });

  it("chi-square tail", () => {
    expect(chiSquareUpperTail(3.84, 1)).toBeCloseTo(0.0500435212487, 6); // pchisq(3.84, 1, lower.tail=FALSE)
    expect(chiSquareUpperTail(100, 30) / 1.85680233651e-9).toBeCloseTo(1, 6); // pchisq(100, 30, lower.tail=FALSE)
  });
});

describe("tests against R", () => {
  it("Welch's t-test: t.test(extra ~ group, data = sleep)", () => {
    const r = welchTTest(moments(sleep1), moments(sleep2));
    expect(r.t).toBeCloseTo(-1.86081346749, 9);
    expect(r.df).toBeCloseTo(17.7764735162, 8);
    expect(r.p).toBeCloseTo(0.0793941401874, 9);
  });

  it("Welch's t-test on Likert-like data with unequal sizes and variances", () => {
    // t.test(c(1,2,3,4,5,5,4,3,4,5), c(2,1,1,3,2,2,1,2,3,1,2,2))
    const r = welchTTest(moments([1, 2, 3, 4, 5, 5, 4, 3, 4, 5]), moments([2, 1, 1, 3, 2, 2, 1, 2, 3, 1, 2, 2]));
    expect(r.t).toBeCloseTo(3.72320696125, 9);
    expect(r.df).toBeCloseTo(13.1432507804, 8);
    expect(r.p).toBeCloseTo(0.00250997879841, 9);
  });

  it("Welch interval of a difference: t.test(extra ~ group, data = sleep)$conf.int", () => {
    const r = welchInterval(moments(sleep1), moments(sleep2));
    expect(r.lower).toBeCloseTo(-3.3654832, 6);
    expect(r.upper).toBeCloseTo(0.2054832, 6);
    // At confidence 1 - p the interval ends exactly at 0.
    const { p } = welchTTest(moments(sleep1), moments(sleep2));
    expect(welchInterval(moments(sleep1), moments(sleep2), 1 - p).upper).toBeCloseTo(0, 9);
  });

  it("Newcombe's interval of a difference of proportions: 56/70 - 48/80 (Newcombe 1998, method 10)", () => {
    const r = newcombeInterval(56 / 70, wilsonInterval(56, 70), 48 / 80, wilsonInterval(48, 80));
    expect(r.lower).toBeCloseTo(0.0524, 4);
    expect(r.upper).toBeCloseTo(0.3339, 4);
  });

  it("t interval for a mean: t.test(sleep$extra[group == 1])$conf.int", () => {
    const r = meanInterval(moments(sleep1));
    expect(r.mean).toBeCloseTo(0.75, 12);
    expect(r.lower).toBeCloseTo(-0.529780413526, 8);
    expect(r.upper).toBeCloseTo(2.02978041353, 8);
  });

  it("chi-square test of independence: chisq.test(rbind(c(762,327,468), c(484,239,477)))", () => {
    const r = chiSquareIndependence([
      [762, 327, 468],
      [484, 239, 477],
    ]);
    expect(r.statistic).toBeCloseTo(30.0701490958, 8);
    expect(r.df).toBe(2);
    expect(r.p / 2.95358918321e-7).toBeCloseTo(1, 6);
  });

  it("drops empty categories before counting degrees of freedom", () => {
    const r = chiSquareIndependence([
      [762, 327, 0, 468],
      [484, 239, 0, 477],
      [0, 0, 0, 0],
    ]);
    expect(r.df).toBe(2);
    expect(r.statistic).toBeCloseTo(30.0701490958, 8);
    expect(chiSquareIndependence([[5, 3]])).toEqual({ statistic: 0, df: 0, p: 1 });
  });

  it("two-proportion z-test: prop.test(c(x1, x2), c(n1, n2), correct = FALSE)", () => {
    const a = twoProportionZTest(61, 100, 38, 100);
    expect(a.z ** 2).toBeCloseTo(10.5810581058, 8);
    expect(a.p).toBeCloseTo(0.00114252248435, 6);
    const b = twoProportionZTest(83, 86, 90, 93);
    expect(b.z ** 2).toBeCloseTo(0.00950851874818, 9);
    expect(b.p).toBeCloseTo(0.922320095734, 6);
    expect(twoProportionZTest(0, 10, 0, 10)).toEqual({ z: 0, p: 1 });
  });

  it("Wilson interval: prop.test(x, n, correct = FALSE)$conf.int", () => {
    const a = wilsonInterval(81, 263);
    expect(a.lower).toBeCloseTo(0.255288519878, 9);
    expect(a.upper).toBeCloseTo(0.366209576983, 9);
    const zero = wilsonInterval(0, 20);
    expect(zero.lower).toBe(0);
    expect(zero.upper).toBeCloseTo(0.161125158053, 9);
  });

  it("Benjamini-Hochberg: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5, 0.2), 'BH')", () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5, 0.2]);
    [0.03, 0.06, 0.06, 0.03, 0.5, 0.24].forEach((expected, i) => expect(q[i]).toBeCloseTo(expected, 12));
    expect(benjaminiHochberg([])).toEqual([]);
  });
});

describe("margin tests for exploratory scans", () => {
  it("with a zero margin, the one-sided p is half the two-sided one", async () => {
    const { proportionDifferenceBeyond, meanDifferenceBeyond } = await import("@/lib/stats/tests");
    // Unpooled z for 61/100 vs 38/100: 0.23 / sqrt(.61*.39/100 + .38*.62/100) = 3.3601
    const r = proportionDifferenceBeyond(61, 100, 38, 100, 0);
    expect(r.z).toBeCloseTo(0.23 / Math.sqrt((0.61 * 0.39) / 100 + (0.38 * 0.62) / 100), 10);
    const welch = welchTTest(moments(sleep1), moments(sleep2));
    expect(meanDifferenceBeyond(moments(sleep1), moments(sleep2), 0).p).toBeCloseTo(welch.p / 2, 10);
  });

  it("a margin makes a small difference non-significant however large the sample", async () => {
    const { proportionDifferenceBeyond } = await import("@/lib/stats/tests");
    // 52% vs 50% on 100,000 each: overwhelming for "differs from zero", but not beyond 5 points.
    expect(twoProportionZTest(52_000, 100_000, 50_000, 100_000).p).toBeLessThan(1e-10);
    expect(proportionDifferenceBeyond(52_000, 100_000, 50_000, 100_000, 0.05).p).toBeGreaterThan(0.99);
    // 70% vs 50% on 300 each clears a 5-point margin comfortably.
    expect(proportionDifferenceBeyond(210, 300, 150, 300, 0.05).p).toBeLessThan(0.001);
  });
});

describe("small expected counts (values from R 4.2)", () => {
  it("Fisher's exact test: fisher.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE))$p.value", () => {
    expect(fisherExact2x2(3, 4, 1, 4).p).toBeCloseTo(0.485714285714286, 12); // R's tea-tasting example
    expect(fisherExact2x2(2, 30, 40, 2000).p).toBeCloseTo(0.126402827474085, 10);
    expect(fisherExact2x2(0, 12, 9, 40).p).toBeCloseTo(0.0966510933698179, 10);
    expect(fisherExact2x2(5, 5, 0, 5).p).toBeCloseTo(0.00793650793650794, 12);
  });

  it("switches from z to Fisher's exact when an expected count is under 5, and says so", () => {
    const small = compareProportions(2, 30, 40, 2000); // expected chosen in A: 42 * 30 / 2030 = 0.62
    expect(small.test).toBe("Fisher's exact");
    expect(small.minExpected).toBeCloseTo((42 * 30) / 2030, 10);
    expect(small.p).toBeCloseTo(0.126402827474085, 10);
    const large = compareProportions(61, 100, 38, 100);
    expect(large.test).toBe("two-proportion z");
    expect(large.p).toBeCloseTo(0.00114252248435, 6); // prop.test(c(61, 38), c(100, 100), correct = FALSE)
  });

  it("Monte Carlo chi-square when an expected count is under 5, against the exact conditional p", () => {
    // m <- matrix(c(3,1,0, 2,6,8), 2, byrow = TRUE): chisq.test(m, correct = FALSE) gives X² = 7.14285714285714 and an
    // asymptotic p of 0.028115659748972 with "Chi-squared approximation may be incorrect". The exact P(X² >= 7.142857 |
    // margins), enumerating every table with these margins in R (dhyper), is 0.0371517027863777; R's own
    // chisq.test(m, simulate.p.value = TRUE, B = 1e6) gave 0.036962963037037 (set.seed(1)).
    const table = [
      [3, 1, 0],
      [2, 6, 8],
    ];
    const r = independenceTest(table);
    expect(r.test).toBe("chi-square (Monte Carlo)");
    expect(r.simulations).toBe(MONTE_CARLO_TABLES);
    expect(r.statistic).toBeCloseTo(7.14285714285714, 10);
    expect(r.minExpected).toBeLessThan(5);
    // Within four Monte Carlo standard errors of the exact value (sd of p over B tables).
    const se = Math.sqrt((0.0371517027863777 * (1 - 0.0371517027863777)) / MONTE_CARLO_TABLES);
    expect(Math.abs(r.p - 0.0371517027863777)).toBeLessThan(4 * se);
    expect(independenceTest(table).p).toBe(r.p); // fixed seed: the same table, the same p
    expect(chiSquareMonteCarlo(table, 200_000, 7).p).toBeCloseTo(0.0371517027863777, 2);
    // Large expected counts keep the asymptotic test (the Agresti table above).
    const big = independenceTest([
      [762, 327, 468],
      [484, 239, 477],
    ]);
    expect(big.test).toBe("chi-square");
    expect(big.simulations).toBeNull();
    expect(big.p / 2.95358918321e-7).toBeCloseTo(1, 6);
  });

  it("draws hypergeometric variables with R's dhyper probabilities", () => {
    const random = seededRandom(42);
    const draws = 100_000;
    const counts = new Array<number>(41).fill(0);
    for (let i = 0; i < draws; i++) {
      const x = sampleHypergeometric(1000, 300, 40, random);
      counts[x] = (counts[x] ?? 0) + 1;
    }
    // sprintf("%.4f", dhyper(5:19, 300, 700, 40))
    const r = [0.0054, 0.0141, 0.0301, 0.0545, 0.0845, 0.1138, 0.1341, 0.1394, 0.1285, 0.1055, 0.0775, 0.051, 0.0302, 0.0161, 0.0078];
    r.forEach((p, i) => expect(Math.abs((counts[i + 5] ?? 0) / draws - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / draws) + 5e-5));
    const mean = counts.reduce((s, c, x) => s + c * x, 0) / draws;
    expect(Math.abs(mean - 12)).toBeLessThan(4 * Math.sqrt((40 * 0.3 * 0.7 * 960) / 999 / draws));
    expect(sampleHypergeometric(10, 10, 4, random)).toBe(4); // a single possible value
  });
});

describe("means on a bounded scale", () => {
  it("cuts the t interval at the ends of the scale and says so: t.test(c(1, 1, 1, 2, 4))$conf.int", () => {
    // R: 0.181068215291297 3.418931784708703 on 1-5, i.e. -20.47 to 60.47 on 0-100.
    const r = scaleMeanInterval(moments([1, 1, 1, 2, 4]), LIKERT, SCALE_0_100);
    expect(r.mean).toBeCloseTo(20, 12);
    expect(r.lower).toBe(0);
    expect(r.upper).toBeCloseTo(60.4732946177176, 8);
    expect(r.clamped).toBe(true);
    // t.test(c(5, 5, 5, 4, 5, 3))$conf.int: 3.62197914967882 5.37802085032118.
    const top = scaleMeanInterval(moments([5, 5, 5, 4, 5, 3]), LIKERT, SCALE_0_100);
    expect(top.lower).toBeCloseTo(65.5494787419705, 8);
    expect(top.upper).toBe(100);
    expect(top.clamped).toBe(true);
    // Inside the scale nothing changes: the sleep data's interval, unclamped.
    const inside = scaleMeanInterval(moments(sleep1), { min: -5, max: 5 });
    expect(inside).toMatchObject({ mean: 0.75, clamped: false });
    expect(inside.lower).toBeCloseTo(-0.529780413526, 8);
    expect(inside.upper).toBeCloseTo(2.02978041353, 8);
  });
});
