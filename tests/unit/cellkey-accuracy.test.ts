// docs/PRIVACY.md's accuracy table, held to what the method measures (lib/privacy/accuracy.ts).
import { describe, expect, it } from "vitest";
import { measureAccuracy } from "@/lib/privacy/accuracy";
import { countNoiseVariance, sumNoiseVariance } from "@/lib/privacy/cellkey";

describe("the effect of cell-key perturbation on accuracy, as documented", () => {
  const [n20, n100, n1000] = measureAccuracy([20, 100, 1000], 4000, 5);

  it("counts: RMSE about 1.19 at every size, never more than 3 off", () => {
    for (const row of [n20!, n100!, n1000!]) {
      expect(row.countRmse).toBeGreaterThan(1.1);
      expect(row.countRmse).toBeLessThan(1.28);
      expect(row.countMaxError).toBeLessThanOrEqual(3);
    }
    expect(Math.sqrt(countNoiseVariance())).toBeCloseTo(1.186, 2);
  });

  it("shares and means: within the documented errors at 20, 100 and 1,000 respondents", () => {
    expect(n20!.shareMaePoints).toBeLessThan(5);
    expect(n100!.shareMaePoints).toBeLessThan(1.2);
    expect(n1000!.shareMaePoints).toBeLessThan(0.15);
    expect(n100!.indexMeanRmse).toBeLessThan(1.1);
    expect(n1000!.indexMeanRmse).toBeLessThan(0.12);
    expect(n100!.scaleMeanRmse).toBeLessThan(0.05);
    // The sum noise's standard deviation: 0.61 of one record's range.
    expect(Math.sqrt(sumNoiseVariance({ min: 0, max: 100 }))).toBeCloseTo(61.2, 0);
  });
});
