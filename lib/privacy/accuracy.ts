// The measured effect of cell-key perturbation on accuracy (docs/PRIVACY.md's table): for cells of
// several sizes with random record keys, how far published counts, shares and means land from the
// truth. Pure and seeded, so the documented figures are reproducible (`npx tsx
// scripts/privacy-accuracy.ts`) and checked by tests/unit/cellkey-accuracy.test.ts.
import { perturbCount, protectedMean, protectedShare, RECORD_KEY_MODULUS } from "./cellkey";

export interface AccuracyRow {
  /** True cell size. */
  n: number;
  /** Root mean square error of the published count, and as a share of n. */
  countRmse: number;
  countRelativeRmse: number;
  /** Largest count error seen. */
  countMaxError: number;
  /** Share of 30% of the cell: mean absolute error in percentage points (null: the part is withheld). */
  shareMaePoints: number | null;
  /** Mean of a 0-100 index (true 55): root mean square error in points. */
  indexMeanRmse: number | null;
  /** Mean of a 1-5 scale (true 3.2): root mean square error. */
  scaleMeanRmse: number | null;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Measures `trials` random cells of each size (threshold k). */
export function measureAccuracy(sizes: number[], trials: number, k: number, seed = 20261201): AccuracyRow[] {
  const random = lcg(seed);
  const keySum = (n: number) => {
    let total = 0;
    for (let i = 0; i < n; i++) total += Math.floor(random() * RECORD_KEY_MODULUS);
    return total;
  };
  return sizes.map((n) => {
    let countSquares = 0;
    let countMax = 0;
    let shareAbs = 0;
    let shares = 0;
    let indexSquares = 0;
    let indexes = 0;
    let scaleSquares = 0;
    for (let t = 0; t < trials; t++) {
      const cell = { n, keySum: keySum(n) };
      const error = perturbCount(cell) - n;
      countSquares += error * error;
      countMax = Math.max(countMax, Math.abs(error));
      const partN = Math.round(n * 0.3);
      const share = protectedShare({ n: partN, keySum: keySum(partN) }, cell, k);
      if (share !== null) {
        shareAbs += Math.abs(share - partN / n);
        shares++;
      }
      const index = protectedMean(55 * n, cell, "readiness_index", { min: 0, max: 100 }, k);
      const scale = protectedMean(3.2 * n, cell, "dimension", { min: 1, max: 5 }, k);
      if (index !== null && scale !== null) {
        indexSquares += (index - 55) ** 2;
        scaleSquares += (scale - 3.2) ** 2;
        indexes++;
      }
    }
    const countRmse = Math.sqrt(countSquares / trials);
    return {
      n,
      countRmse,
      countRelativeRmse: countRmse / n,
      countMaxError: countMax,
      shareMaePoints: shares ? (100 * shareAbs) / shares : null,
      indexMeanRmse: indexes ? Math.sqrt(indexSquares / indexes) : null,
      scaleMeanRmse: indexes ? Math.sqrt(scaleSquares / indexes) : null,
    };
  });
}
