// Weighted figures from cell tallies (lib/weighting/cells.ts) equal R's survey package: the rows of
// tests/fixtures/weighting/estimates.json folded into per-profile-cell tally rows (what the
// aggregate engine hands over when a view also groups by the raking dimensions), each with the
// app's raking weight, give svymean, svyciprop(logit) and Kish's n_eff to 1e-6.
import { describe, expect, it } from "vitest";
import type { TallyRow } from "@/lib/engine/types";
import { svyCiPropLogit, svyMean } from "@/lib/stats/weighted";
import { kish, memberClasses, optionClasses, plainRows, scaleClasses, weightedGroups, type Profile } from "@/lib/weighting/cells";
import { rake } from "@/lib/weighting/rake";
import type { Margins, WeightingDimension } from "@/lib/weighting/schemas";
import rakeFixture from "../fixtures/weighting/rake.json";
import estimates from "../fixtures/weighting/estimates.json";

type Row = (typeof estimates.rows)[number];
const DIMS = ["industry", "region", "company_size", "role"] as const;
const keyOf = (p: Profile | Row) => DIMS.map((d) => p[d] ?? "").join("|");
const margins: Margins = {};
for (const [dimension, shares] of Object.entries(rakeFixture.targets))
  margins[dimension as WeightingDimension] = new Map(Object.entries(shares));
const cellsIn = rakeFixture.cells.map((c) => ({
  profile: { industry: c.industry, region: c.region, company_size: c.company_size, role: c.role },
  n: c.n,
}));
const raked = rake(cellsIn, margins);
const weights = new Map(cellsIn.map((c, i) => [keyOf(c.profile), raked.weights[i] as number]));
const weightOf = (p: Profile) => weights.get(keyOf(p)) as number;

/** The engine's answer to a tally grouped by `group` then the four cell dimensions. */
function tally(rows: readonly Row[], group: (r: Row) => (string | null)[] = () => []): TallyRow[] {
  const out = new Map<string, TallyRow>();
  for (const r of rows) {
    const key = [...group(r), r.industry, r.region, r.company_size, r.role];
    const id = JSON.stringify(key);
    let row = out.get(id);
    if (!row) {
      row = {
        key,
        n: 0,
        complete: 0,
        below: 0,
        index: { n: 0, sum: 0, sumSquares: 0 },
        scales: { scale: { n: 0, sum: 0, sumSquares: 0 } },
        options: { binary: { yes: 0 }, choice: { a: 0, b: 0, c: 0 } },
        values: {},
      };
      out.set(id, row);
    }
    row.n += 1;
    row.complete += 1;
    if (r.scale !== null) {
      const m = row.scales.scale!;
      m.n += 1;
      m.sum += Number(r.scale);
      m.sumSquares += Number(r.scale) ** 2;
    }
    if (r.binary === 1) row.options.binary!.yes! += 1;
    row.options.choice![r.choice] = (row.options.choice![r.choice] ?? 0) + 1;
  }
  return [...out.values()];
}

const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(1e-6);

describe("weighted figures from cell tallies equal the survey package", () => {
  const rows = estimates.rows;
  const designN = rows.length;

  it("svymean of a scale over the whole design and over a domain", () => {
    const [whole] = weightedGroups(tally(rows), 0, weightOf);
    const m = svyMean(scaleClasses(whole!.cells, "scale"), { designN });
    close(m.mean, estimates.svymean.scale.estimate);
    close(m.se, estimates.svymean.scale.se);
    close(m.lower, estimates.svymean.scale.lower);
    close(m.upper, estimates.svymean.scale.upper);
    const [north] = weightedGroups(tally(rows.filter((r) => r.region === "north")), 0, weightOf);
    const d = svyMean(scaleClasses(north!.cells, "scale"), { designN });
    close(d.mean, estimates.svymean.scale_north.estimate);
    close(d.se, estimates.svymean.scale_north.se);
  });

  it("svyciprop(logit) of an option and of a group's share; the plain rows are the unweighted tally", () => {
    const [whole] = weightedGroups(tally(rows), 0, weightOf);
    const p = svyCiPropLogit(optionClasses(whole!.cells, "binary", "yes"));
    close(p.proportion, estimates.svyciprop.binary.estimate);
    close(p.lower, estimates.svyciprop.binary.lower);
    close(p.upper, estimates.svyciprop.binary.upper);
    // A share of a grouped tally (as the overview's stages): the rows of group "a" among all.
    const byChoice = weightedGroups(
      tally(rows, (r) => [r.choice]),
      1,
      weightOf,
    );
    expect(byChoice.map((g) => g.key[0]).sort()).toEqual(["a", "b", "c"]);
    const a = svyCiPropLogit(memberClasses(byChoice, (key) => key[0] === "a"));
    close(a.proportion, estimates.svyciprop.choice_a.estimate);
    close(a.lower, estimates.svyciprop.choice_a.lower);
    close(a.upper, estimates.svyciprop.choice_a.upper);
    const plain = plainRows(byChoice);
    expect(plain.find((r) => r.key[0] === "a")?.n).toBe(rows.filter((r) => r.choice === "a").length);
    expect(plain.reduce((s, r) => s + r.n, 0)).toBe(rows.length);
  });

  it("Kish's n_eff of the cells is R's (Σw)²/Σw²", () => {
    const [whole] = weightedGroups(tally(rows), 0, weightOf);
    const { n, nEff } = kish(whole!.cells);
    expect(n).toBe(rakeFixture.kish.n);
    close(nEff, rakeFixture.kish.nEff);
  });
});
