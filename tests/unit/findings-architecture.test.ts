import { describe, expect, it } from "vitest";
import type { CellAggregate } from "@/lib/findings/cells";
import { linkArchitectures, SUBJECT_RULES } from "@/lib/findings/architecture";
import { computeFindings } from "@/lib/findings/engine";
import { ARCHITECTURE_IDS } from "@/lib/architecture/catalog";
import { instrumentV1 } from "@/lib/survey/instrument";
import { codesOfRole, readinessDimensions } from "@/lib/survey/roles";

/** Ratings spread 1 around the mean (variance 1), as sums SQL would return. */
const scale = (n: number, mean: number) => ({ n, sum: mean * n, sumSquares: n * (mean * mean + 1) });

interface Shape {
  latencyTop3: number;
  sovereigntyTop3: number;
  production: number;
  compute: number;
  geography: string;
}

function cell(industry: string, region: string, n: number, s: Shape): CellAggregate {
  return {
    industry,
    region,
    role: "engineering",
    n,
    single: {
      ai_stage: { pilots: n - s.production, scaled_production: s.production },
      latency_budget: { lt_100ms: n },
      user_geography: { [s.geography]: n },
      traffic_shape: { steady: n },
    },
    multi: {
      concerns_top3: { latency: s.latencyTop3, privacy_sovereignty: s.sovereigntyTop3, cost: Math.round(n / 2) },
      workloads: { realtime_chat: n, batch_analytics: n },
      model_sizes: { small_domain: n },
    },
    scales: { dim_compute: scale(n, s.compute), dim_strategy: scale(n, 3) },
  };
}

const typical = (n: number): Shape => ({
  latencyTop3: 0.3 * n,
  sovereigntyTop3: 0.2 * n,
  production: n / 2,
  compute: 3,
  geography: "one_region",
});
const world = [
  cell("healthcare", "north_america", 200, typical(200)),
  cell("healthcare", "western_europe", 200, typical(200)),
  cell("retail_ecommerce", "north_america", 200, typical(200)),
  cell("retail_ecommerce", "western_europe", 200, typical(200)),
  cell("telecom", "north_america", 200, typical(200)),
  // One segment that differs on four subjects: latency and sovereignty concerns, production, compute readiness.
  cell("public_sector", "east_asia", 300, { latencyTop3: 200, sovereigntyTop3: 210, production: 30, compute: 2, geography: "one_region" }),
];

describe("architectures linked to findings", () => {
  const findings = computeFindings(world, instrumentV1, null).filter((f) => f.segment.industry === "public_sector" && !f.segment.region);
  const linked = new Map(findings.map((f) => [f.id, linkArchitectures(f, f.aggregate, instrumentV1)]));
  const first = (id: string) => linked.get(id)?.architectures[0]?.id;

  it("point somewhere different for different subjects of one segment", () => {
    expect(first("concern.privacy_sovereignty.public_sector.any.any")).toBe("sovereign_onprem");
    expect(["distributed_edge", "hybrid_split"]).toContain(first("concern.latency.public_sector.any.any"));
    expect(first("stage.production.public_sector.any.any")).toBe("central_factory");
    expect(first("readiness.compute.public_sector.any.any")).toBe("regional_cloud");
    // Before, every finding of the segment linked the architecture of its overall workload mix.
    const ids = [...linked.values()].map((l) => l.architectures[0]?.id).filter(Boolean);
    expect(new Set(ids).size).toBe(4);
  });

  it("give a reason that cites the finding's own figures", () => {
    const sovereignty = linked.get("concern.privacy_sovereignty.public_sector.any.any")!;
    expect(sovereignty.basis).toBe("subject");
    expect(sovereignty.architectures[0]!.reasons[0]).toMatch(
      /^Data privacy & sovereignty is a top-3 concern for 70% of respondents in Public sector, against 20% of others \(\+50 points\): /,
    );
    const production = linked.get("stage.production.public_sector.any.any")!;
    expect(production.architectures[0]!.reasons[0]).toMatch(
      /^10% of respondents in Public sector run AI in production, against 50% of others \(-40 points\)/,
    );
    const compute = linked.get("readiness.compute.public_sector.any.any")!;
    expect(compute.architectures[0]!.reasons[0]).toMatch(
      /^Respondents in Public sector rate their compute readiness 25 on 0–100, against 50 for others \(-25 points\)/,
    );
  });

  it("follow the segment's users where the subject is about distance or residency", () => {
    // The same sovereignty concern with users worldwide: residency per region, i.e. regional endpoints under local jurisdiction.
    const global = world.map((c) =>
      c.industry === "public_sector" ? { ...c, single: { ...c.single, user_geography: { global: c.n } } } : c,
    );
    const f = computeFindings(global, instrumentV1, null).find((x) => x.id === "concern.privacy_sovereignty.public_sector.any.any")!;
    const link = linkArchitectures(f, f.aggregate, instrumentV1).architectures[0]!;
    expect(link.id).toBe("regional_cloud");
    expect(link.reasons[1]).toBe(
      "With users worldwide, the recommender ranks Regional cloud inference first among Regional cloud inference, On-premises / sovereign inference.",
    );
    const latency = linked.get("concern.latency.public_sector.any.any")!.architectures[0]!;
    expect(latency.reasons[1]).toMatch(/^For a latency budget under 100 ms with users in one region, the recommender ranks /);
  });

  it("link nothing, and say why, where the subject points to no architecture", () => {
    const f = findings.find((x) => x.id === "stage.production.public_sector.any.any")!;
    const up = { ...f, difference: 40, segmentValue: 0.9, othersValue: 0.5 }; // a high production share
    const link = linkArchitectures(up, f.aggregate, instrumentV1);
    expect(link).toMatchObject({ basis: "none", architectures: [] });
    expect(link.note).toMatch(
      /^90% of respondents in Public sector run AI in production, against 50% of others \(\+40 points\); this does not point/,
    );
  });

  it("name only known architectures, concern options and readiness dimensions", () => {
    const concerns = codesOfRole(instrumentV1, "concerns");
    const dimensions = readinessDimensions(instrumentV1).map((d) => d.code);
    for (const rule of SUBJECT_RULES) {
      for (const id of rule.candidates) expect(ARCHITECTURE_IDS).toContain(id);
      for (const subject of rule.subjects) {
        if (rule.kind === "concern") expect(concerns).toContain(subject);
        if (rule.kind === "readiness") expect(dimensions).toContain(subject);
      }
    }
  });
});
