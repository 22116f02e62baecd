// The weighted findings engine equals R's survey package on every planned test: the 120 rows of
// tests/fixtures/weighting/views.json (with R's raking weights) folded into the tally rows the
// aggregate engine returns for the findings' tally grouped also by profile cell, then scanned with
// every threshold opened (alpha above 1, no minimum difference) so every test comes back. Each
// candidate's shares or means, the segment's interval, the difference, the margin test's p and the
// Benjamini-Hochberg q (over the whole planned family, withheld tests as 1) equal findings-scan.R's
// to 1e-6, for the whole wave and for a filtered view (a domain of the wave's design).
import { describe, expect, it } from "vitest";
import type { TallyRow } from "@/lib/engine/types";
import { cellOf } from "@/lib/findings/cells";
import { computeFindings, DEFAULT_FINDING_OPTIONS, type Finding, type MismatchCounts } from "@/lib/findings/engine";
import { instrumentV1 } from "@/lib/survey/instrument";
import { allQuestions, type Answers } from "@/lib/survey/instrument-schema";
import { weightedGroups, type Profile } from "@/lib/weighting/cells";
import views from "../fixtures/weighting/views.json";
import { findingsAnswersOf, type ViewRow } from "../helpers/weighted-rows";

const TOL = 1e-6;
const questions = allQuestions(instrumentV1);
const measured = {
  singles: questions.filter((q) => q.type === "single").map((q) => q.id),
  multis: questions.filter((q) => q.type === "multi" || q.type === "rank").map((q) => q.id),
  scales: questions.filter((q) => q.type === "likert").map((q) => q.id),
};
const profileKey = (p: Profile | ViewRow) => [p.industry, p.region, p.company_size, p.role].join("|");
const weightOf = new Map(views.rows.map((r) => [profileKey(r), r.weight]));

/** One row's contribution to a tally row: its option counts and scale moments. */
function add(into: TallyRow, answers: Answers) {
  into.n += 1;
  into.complete += 1;
  for (const q of questions) {
    const value = answers[q.id];
    if (q.type === "likert" && typeof value === "number") {
      const m = (into.scales[q.id] ??= { n: 0, sum: 0, sumSquares: 0 });
      m.n += 1;
      m.sum += value;
      m.sumSquares += value * value;
    } else if (typeof value === "string" || Array.isArray(value)) {
      const counts = (into.options[q.id] ??= {});
      for (const option of Array.isArray(value) ? value : [value]) counts[String(option)] = (counts[String(option)] ?? 0) + 1;
    }
  }
}

/** The engine's answer to the findings' tally grouped by industry, region, role, then the four profile columns. */
function tally(rows: readonly ViewRow[]): TallyRow[] {
  const out = new Map<string, TallyRow>();
  for (const r of rows) {
    const key = [r.industry, r.region, r.role, r.industry, r.region, r.company_size, r.role];
    const id = JSON.stringify(key);
    let row = out.get(id);
    if (!row) {
      row = { key, n: 0, complete: 0, below: 0, index: { n: 0, sum: 0, sumSquares: 0 }, scales: {}, options: {}, values: {} };
      out.set(id, row);
    }
    add(row, findingsAnswersOf(r));
  }
  return [...out.values()];
}

function scan(rows: readonly ViewRow[]): Finding[] {
  const groups = weightedGroups(tally(rows), 3, (p) => weightOf.get(profileKey(p)) as number);
  const cells = groups.map((g) => {
    const plain = g.cells.map((c) => c.row);
    const row = plain.reduce((a, b) => {
      const sum: TallyRow = structuredClone(a);
      sum.n += b.n;
      for (const [q, m] of Object.entries(b.scales)) {
        const t = (sum.scales[q] ??= { n: 0, sum: 0, sumSquares: 0 });
        t.n += m.n;
        t.sum += m.sum;
        t.sumSquares += m.sumSquares;
      }
      for (const [q, counts] of Object.entries(b.options))
        for (const [o, n] of Object.entries(counts)) (sum.options[q] ??= {})[o] = (sum.options[q]?.[o] ?? 0) + n;
      return sum;
    });
    return cellOf({ ...row, key: g.key }, measured, g.cells);
  });
  // The mismatch group: a budget under 250 ms (every row's users are worldwide); one class per row.
  const classes = (tight: number) => rows.filter((r) => r.tight === tight).map((r) => ({ weight: r.weight, n: 1, count: r.central_only }));
  const mismatch: MismatchCounts = {
    atRisk: rows.filter((r) => r.tight === 1).length,
    centralOnly: rows.filter((r) => r.tight === 1 && r.central_only === 1).length,
    others: rows.filter((r) => r.tight === 0).length,
    othersCentralOnly: rows.filter((r) => r.tight === 0 && r.central_only === 1).length,
    weighted: { atRisk: classes(1), others: classes(0) },
  };
  const open = { ...DEFAULT_FINDING_OPTIONS, alpha: 2, minShareDifference: 0, minScaleDifference: 0 };
  return computeFindings(cells, instrumentV1, mismatch, open, { designN: views.rows.length });
}

type Reference = (typeof views.findings.whole.candidates)[keyof typeof views.findings.whole.candidates];

function expectEqualToR(findings: Finding[], reference: Record<string, Reference>) {
  // dropRedundant may leave out an industry x region pair; everything else comes back.
  const singles = Object.keys(reference).filter(
    (id) =>
      id
        .split(".")
        .slice(2)
        .filter((part) => part !== "any").length < 2,
  );
  expect(findings.map((f) => f.id)).toEqual(expect.arrayContaining(singles));
  expect(findings.length).toBeGreaterThan(20);
  for (const f of findings) {
    const r = reference[f.id];
    expect(r, f.id).toBeDefined();
    if (!r) continue;
    expect([f.n, f.othersN], f.id).toEqual([r.n, r.othersN]);
    const pairs: [string, number | null, number][] = [
      ["segmentValue", f.segmentValue, r.segmentValue],
      ["othersValue", f.othersValue, r.othersValue],
      ["lower", f.interval.lower, r.lower],
      ["upper", f.interval.upper, r.upper],
      ["difference", f.difference, r.difference],
      ["p", f.p, r.p],
      ["q", f.q, r.q],
      ["nEff", f.nEff, r.nEff],
      ["othersNEff", f.othersNEff, r.othersNEff],
    ];
    for (const [name, actual, expected] of pairs) {
      expect(actual, `${f.id} ${name}`).not.toBeNull();
      expect(Math.abs((actual as number) - expected), `${f.id} ${name}: ${actual} vs ${expected}`).toBeLessThanOrEqual(TOL);
    }
  }
}

describe("weighted findings equal R's survey package (findings-scan.R)", () => {
  it("on the whole wave: every test's shares, means, interval, difference, p and q", () => {
    expectEqualToR(scan(views.rows), views.findings.whole.candidates);
  });

  it("on a filtered view, a domain of the wave's design", () => {
    expectEqualToR(
      scan(views.rows.filter((r) => r.region === "north_america")),
      views.findings.north_america.candidates as Record<string, Reference>,
    );
  });

  it("states the same findings as R at the usual thresholds, with n_eff in the headline", () => {
    const stated = scan(views.rows).filter((f) => f.q < 0.05 && Math.abs(f.difference ?? 0) >= (f.unit === "%" ? 8 : 5));
    const qualifying = Object.entries(views.findings.whole.candidates)
      .filter(([, r]) => r.q < 0.05 && Math.abs(r.difference) >= (r.kind === "readiness" ? 5 : 8))
      .map(([id]) => id);
    // Every stated finding qualifies in R; every qualifying one is stated but a pair repeating its parent.
    expect(qualifying).toEqual(expect.arrayContaining(stated.map((f) => f.id)));
    expect(stated.map((f) => f.id).sort()).toEqual(["mismatch.central_only.any.any.any", "readiness.strategy.technology.any.any"]);
    expect(qualifying.sort()).toEqual([
      "mismatch.central_only.any.any.any",
      "readiness.strategy.technology.any.any",
      "readiness.strategy.technology.north_america.any",
    ]);
    const mismatch = stated.find((f) => f.kind === "mismatch")!;
    expect(mismatch.headline).toMatch(/n = 61, n_eff = \d+\)/);
  });
});
