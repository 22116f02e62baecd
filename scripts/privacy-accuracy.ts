// Prints docs/PRIVACY.md's accuracy table: cell-key perturbation's measured effect on published
// counts, shares and means by cell size (lib/privacy/accuracy.ts; seeded, so reproducible).
//   npx tsx scripts/privacy-accuracy.ts
import { measureAccuracy } from "@/lib/privacy/accuracy";

const fixed = (x: number | null, digits: number) => (x === null ? "withheld" : x.toFixed(digits));
console.log("| n | count RMSE | relative | max error | share of 30%: MAE (points) | 0-100 mean: RMSE | 1-5 mean: RMSE |");
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const row of measureAccuracy([5, 10, 20, 50, 100, 200, 1000, 5000], 20_000, 5)) {
  console.log(
    `| ${row.n} | ${fixed(row.countRmse, 2)} | ${(100 * row.countRelativeRmse).toFixed(2)}% | ${row.countMaxError} | ` +
      `${fixed(row.shareMaePoints, 2)} | ${fixed(row.indexMeanRmse, 2)} | ${fixed(row.scaleMeanRmse, 3)} |`,
  );
}
