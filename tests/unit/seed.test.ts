import { describe, expect, it } from "vitest";
import { completeAnswersSchema, draftAnswersSchema } from "@/lib/survey/answers";
import { instrumentV1 } from "@/lib/survey/instrument";
import { generateRow } from "@/lib/seed/generate";
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
