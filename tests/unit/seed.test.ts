import { describe, expect, it } from "vitest";
import { completeAnswersSchema, draftAnswersSchema } from "@/lib/survey/answers";
import { CURRENT_WAVE, instrumentV1 } from "@/lib/survey/instrument";
import { generateRow, type SeedRow } from "@/lib/seed/generate";
import { DEMO_WAVES } from "@/lib/seed/waves";
import { diffInstruments } from "@/lib/waves/diff";
import { createRandom } from "@/lib/seed/random";

const NOW = new Date("2026-11-29T12:00:00Z");
const rows = Array.from({ length: 4000 }, (_, i) => generateRow(42, i, NOW, instrumentV1));

describe("demo data generator", () => {
  it("is deterministic: same seed and index, same row; another seed differs", () => {
    expect(generateRow(42, 123, NOW, instrumentV1)).toEqual(generateRow(42, 123, NOW, instrumentV1));
    expect(generateRow(43, 123, NOW, instrumentV1)).not.toEqual(generateRow(42, 123, NOW, instrumentV1));
    const a = createRandom(1);
    const b = createRandom(1);
    expect(Array.from({ length: 5 }, a.next)).toEqual(Array.from({ length: 5 }, b.next));
  });

  it("produces only answers the instrument accepts", () => {
    const complete = completeAnswersSchema(instrumentV1);
    const draft = draftAnswersSchema(instrumentV1);
    for (const row of rows) {
      const result = (row.status === "complete" ? complete : draft).safeParse(row.answers);
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    }
  });

  it("mixes complete and partial responses with consistent columns", () => {
    const partial = rows.filter((r) => r.status === "partial");
    expect(partial.length / rows.length).toBeGreaterThan(0.04);
    expect(partial.length / rows.length).toBeLessThan(0.12);
    for (const row of rows.filter((r) => r.status === "complete")) {
      expect(row.industry && row.region && row.stage && row.submittedAt).toBeTruthy();
      expect(row.readinessIndex).toBeGreaterThanOrEqual(0);
      expect(row.readinessIndex).toBeLessThanOrEqual(100);
    }
  });

  it("has the patterns analysts should find: latency worry tracks tight budgets and far-away users", () => {
    const complete = rows.filter((r) => r.status === "complete");
    const share = (subset: typeof complete) =>
      subset.filter((r) => (r.answers.concerns as string[]).includes("latency")).length / subset.length;
    const tight = complete.filter(
      (r) => ["lt_100ms", "100_250ms"].includes(r.answers.latency_budget as string) && r.answers.user_geography === "global",
    );
    const loose = complete.filter(
      (r) => ["500_1000ms", "gt_1s"].includes(r.answers.latency_budget as string) && r.answers.user_geography === "one_metro",
    );
    expect(share(tight) - share(loose)).toBeGreaterThan(0.3);
  });

  it("makes industries differ in readiness", () => {
    const mean = (industry: string) => {
      const subset = rows.filter((r) => r.status === "complete" && r.industry === industry);
      return subset.reduce((s, r) => s + (r.readinessIndex ?? 0), 0) / subset.length;
    };
    expect(mean("technology") - mean("public_sector")).toBeGreaterThan(15);
  });
});

describe("demo waves", () => {
  const DAY = 24 * 60 * 60 * 1000;
  const byWave = DEMO_WAVES.map((wave) => ({
    wave,
    rows: Array.from({ length: 3000 }, (_, i) =>
      generateRow(42 + wave.seedOffset, i, new Date(NOW.getTime() - wave.endsDaysAgo * DAY), wave.instrument, wave.drift, wave.windowDays),
    ),
  }));
  const complete = (rows: SeedRow[]) => rows.filter((r) => r.status === "complete");
  const share = (rows: SeedRow[], test: (r: SeedRow) => boolean) => complete(rows).filter(test).length / complete(rows).length;
  const planned = (r: SeedRow) => (r.answers.infra_planned as string[] | undefined) ?? [];

  it("are three, oldest first, the last open on v2 with one question and one option more", () => {
    expect(DEMO_WAVES.map((w) => w.code)).toEqual(["2026-Q2", "2026-Q3", CURRENT_WAVE.code]);
    const diff = diffInstruments(DEMO_WAVES[1]!.instrument, DEMO_WAVES[2]!.instrument);
    expect(diff.questionsAdded.map((q) => q.id)).toEqual(["edge_timeline"]);
    expect(diff.optionsAdded.map((o) => `${o.questionId}.${o.optionId}`)).toEqual(["infra_planned.regional_cloud"]);
    expect(diff.questionsRemoved).toEqual([]);
    expect(diff.comparisons.every((c) => c.valid)).toBe(true);
  });

  it("produce answers each wave's own instrument accepts, dated inside the wave", () => {
    for (const { wave, rows } of byWave) {
      const completeSchema = completeAnswersSchema(wave.instrument);
      const draftSchema = draftAnswersSchema(wave.instrument);
      const end = NOW.getTime() - wave.endsDaysAgo * DAY;
      for (const row of rows) {
        const result = (row.status === "complete" ? completeSchema : draftSchema).safeParse(row.answers);
        expect(result.success, `${wave.code}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
        if (row.submittedAt) {
          expect(row.submittedAt.getTime()).toBeLessThanOrEqual(end);
          expect(row.submittedAt.getTime()).toBeGreaterThanOrEqual(end - wave.windowDays * DAY);
        }
      }
    }
    const [, , q4] = byWave;
    expect(share(q4!.rows, (r) => r.answers.edge_timeline !== undefined)).toBeGreaterThan(0.7);
    expect(share(q4!.rows, (r) => planned(r).includes("regional_cloud"))).toBeGreaterThan(0.1);
    expect(byWave[1]!.rows.some((r) => r.answers.edge_timeline !== undefined || planned(r).includes("regional_cloud"))).toBe(false);
  });

  it("drift: more in production, plans away from central cloud only, latency concerns rising", () => {
    const production = byWave.map(({ rows }) => share(rows, (r) => r.stage === "limited_production" || r.stage === "scaled_production"));
    const centralOnly = byWave.map(({ rows }) => share(rows, (r) => planned(r).length === 1 && planned(r)[0] === "central_cloud"));
    const distributed = byWave.map(({ rows }) =>
      share(rows, (r) => planned(r).some((id) => ["distributed_edge", "hybrid", "regional_cloud"].includes(id))),
    );
    const latency = byWave.map(({ rows }) => share(rows, (r) => ((r.answers.concerns as string[]) ?? []).includes("latency")));
    for (const series of [production, distributed, latency]) {
      expect(series[1]! - series[0]!).toBeGreaterThan(0.03);
      expect(series[2]! - series[1]!).toBeGreaterThan(0.03);
    }
    expect(centralOnly[0]! - centralOnly[1]!).toBeGreaterThan(0.03);
    expect(centralOnly[1]! - centralOnly[2]!).toBeGreaterThan(0.03);
  });

  it("draws v2's additions from a stream of their own: every other answer is as on v1", () => {
    const without = (row: SeedRow) => {
      const { infra_planned: _planned, edge_timeline: _timeline, ...rest } = row.answers;
      return { ...row, readinessIndex: null, answers: rest };
    };
    for (let i = 0; i < 50; i++)
      expect(without(generateRow(42, i, NOW, DEMO_WAVES[2]!.instrument))).toEqual(without(generateRow(42, i, NOW, instrumentV1)));
  });
});
