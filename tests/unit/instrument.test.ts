import { describe, expect, it } from "vitest";
import { instrumentV1 } from "@/lib/survey/instrument";
import { allQuestions, instrumentSchema } from "@/lib/survey/instrument-schema";
import { canonicalJson, definitionHash } from "@/lib/survey/definition-hash";
import { readinessDimensions } from "@/lib/survey/roles";

describe("instrument v1", () => {
  it("has the content the survey promises", () => {
    const ids = allQuestions(instrumentV1).map((q) => q.id);
    for (const id of [
      "industry",
      "region",
      "company_size",
      "role",
      "ready_self",
      "ready_team",
      "ready_org",
      "ai_stage",
      "excitements",
      "concerns",
      "concerns_top3",
      "workloads",
      "latency_budget",
      "user_geography",
      "traffic_shape",
      "model_sizes",
      "infra_current",
      "infra_planned",
      "distributed_help",
    ]) {
      expect(ids).toContain(id);
    }
    const industry = allQuestions(instrumentV1).find((q) => q.id === "industry");
    const region = allQuestions(instrumentV1).find((q) => q.id === "region");
    expect(industry && "options" in industry ? industry.options.length : 0).toBe(12);
    expect(region && "options" in region ? region.options.map((o) => o.id) : []).toEqual([
      "north_america",
      "latin_america",
      "western_europe",
      "eastern_europe",
      "middle_east_africa",
      "south_asia",
      "east_asia",
      "southeast_asia_oceania",
    ]);
    expect(readinessDimensions(instrumentV1).map((d) => d.question.id)).toEqual([
      "dim_strategy",
      "dim_compute",
      "dim_network",
      "dim_data",
      "dim_governance",
      "dim_talent",
      "dim_culture",
    ]);
  });

  it("keeps option ids stable (analytics and exports key on them)", () => {
    const concerns = allQuestions(instrumentV1).find((q) => q.id === "concerns");
    expect(concerns && "options" in concerns ? concerns.options.map((o) => o.id) : []).toEqual([
      "latency",
      "cost",
      "security",
      "accuracy",
      "skills_gap",
      "privacy_sovereignty",
      "gpu_power",
      "vendor_lock_in",
      "reliability",
      "compliance",
    ]);
    const budget = allQuestions(instrumentV1).find((q) => q.id === "latency_budget");
    expect(budget && "options" in budget ? budget.options.map((o) => o.id) : []).toEqual([
      "lt_100ms",
      "100_250ms",
      "250_500ms",
      "500_1000ms",
      "gt_1s",
    ]);
  });

  it("rejects duplicate question ids, misplaced roles and dangling rank sources", () => {
    const copy = structuredClone(instrumentV1);
    const first = copy.sections[0]!.questions[0]!;
    copy.sections[1]!.questions.push({ ...first });
    const duplicate = instrumentSchema.safeParse(copy);
    expect(duplicate.success).toBe(false);
    expect(JSON.stringify(duplicate.error?.issues)).toContain("duplicate question id industry");

    const badRole = structuredClone(instrumentV1);
    badRole.sections[3]!.questions.find((q) => q.role === "concerns")!.role = "region";
    expect(instrumentSchema.safeParse(badRole).error?.issues.map((i) => i.path.join("."))).toContain("sections.3.questions.1.role");

    const dangling = structuredClone(instrumentV1);
    const rank = dangling.sections[3]!.questions.find((q) => q.type === "rank");
    if (rank?.type === "rank") rank.optionsFrom = "industry";
    expect(instrumentSchema.safeParse(dangling).success).toBe(false);
  });

  it("rejects ids that are not lower_snake_case", () => {
    const copy = structuredClone(instrumentV1) as unknown as { sections: { questions: { id: string }[] }[] };
    copy.sections[0]!.questions[0]!.id = "Industry Name";
    expect(instrumentSchema.safeParse(copy).success).toBe(false);
  });

  it("hashes definitions canonically: key order does not matter, content does", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
    const reordered = JSON.parse(JSON.stringify(instrumentV1, Object.keys(instrumentV1).reverse()));
    expect(definitionHash({ ...reordered, ...instrumentV1 })).toBe(definitionHash(instrumentV1));
    expect(definitionHash({ ...instrumentV1, title: "changed" })).not.toBe(definitionHash(instrumentV1));
  });
});
