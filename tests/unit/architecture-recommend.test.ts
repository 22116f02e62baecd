import { describe, expect, it } from "vitest";
import { ARCHITECTURE_IDS, getArchitecture } from "@/lib/architecture/catalog";
import { estimateLatency } from "@/lib/architecture/latency";
import { codesOf, emptyProfile, normalizeProfile, type WorkloadProfile } from "@/lib/architecture/profile";
import {
  RULES,
  evaluateCondition,
  latencyDelta,
  recommend,
  regionLabel,
  templateValues,
  validateRules,
  type Rule,
} from "@/lib/architecture/recommend";
import { ENGLISH_REASONS, englishReason, reasonMessage, type ReasonKey } from "@/lib/architecture/reasons";

const profile = (overrides: Partial<WorkloadProfile>): WorkloadProfile => ({ ...emptyProfile(), ...overrides });
const entry = (result: ReturnType<typeof recommend>, id: string) => {
  const found = result.ranked.find((r) => r.id === id);
  if (!found) throw new Error(`missing ${id}`);
  return found;
};

/** For every rule: a profile that fires it and a similar one that does not. */
const RULE_CASES: Record<string, { hit: Partial<WorkloadProfile>; miss: Partial<WorkloadProfile> }> = {
  no_information: { hit: {}, miss: { trafficShape: "steady" } },
  batch_throughput: { hit: { workloads: ["batch_analytics"] }, miss: { workloads: ["realtime_chat"] } },
  interactive_chat: { hit: { workloads: ["realtime_chat"] }, miss: { workloads: ["batch_analytics"] } },
  agents_chain_calls: { hit: { workloads: ["autonomous_agents"] }, miss: { workloads: ["search_rag"] } },
  rag_near_data: { hit: { workloads: ["search_rag"] }, miss: { workloads: ["autonomous_agents"] } },
  on_device_workload: { hit: { workloads: ["on_device"] }, miss: { workloads: ["realtime_chat"] } },
  tight_budget: { hit: { latencyBudget: "lt_100ms" }, miss: { latencyBudget: "250_500ms" } },
  relaxed_budget: { hit: { latencyBudget: "gt_1s" }, miss: { latencyBudget: "250_500ms" } },
  global_users: { hit: { userGeography: "global" }, miss: { userGeography: "several_regions" } },
  several_regions: { hit: { userGeography: "several_regions" }, miss: { userGeography: "global" } },
  local_users: { hit: { userGeography: "one_metro" }, miss: { userGeography: "global" } },
  bursty_traffic: { hit: { trafficShape: "unpredictable" }, miss: { trafficShape: "steady" } },
  steady_traffic: { hit: { trafficShape: "steady" }, miss: { trafficShape: "bursty" } },
  frontier_models: { hit: { modelSizes: ["frontier"] }, miss: { modelSizes: ["mid"] } },
  frontier_only: { hit: { modelSizes: ["frontier"] }, miss: { modelSizes: ["frontier", "small_domain"] } },
  small_models: { hit: { modelSizes: ["small_domain"] }, miss: { modelSizes: ["mid"] } },
  mid_models: { hit: { modelSizes: ["mid"] }, miss: { modelSizes: ["frontier"] } },
  sovereignty: { hit: { sovereignty: true }, miss: { sovereignty: false, trafficShape: "steady" } },
  sovereignty_spread_users: {
    hit: { sovereignty: true, userGeography: "global" },
    miss: { sovereignty: true, userGeography: "one_region" },
  },
  on_device_without_small_model: {
    hit: { workloads: ["on_device"], modelSizes: ["frontier"] },
    miss: { workloads: ["on_device"], modelSizes: ["frontier", "small_domain"] },
  },
  infra_central_cloud: { hit: { infraCurrent: ["central_cloud"] }, miss: { infraCurrent: ["on_prem_gpu"] } },
  infra_on_prem_gpu: { hit: { infraPlanned: ["on_prem_gpu"] }, miss: { infraPlanned: ["central_cloud"] } },
  infra_distributed_edge: { hit: { infraCurrent: ["distributed_edge"] }, miss: { infraCurrent: ["hybrid"] } },
  infra_hybrid: { hit: { infraPlanned: ["hybrid"] }, miss: { infraPlanned: ["distributed_edge"] } },
  infra_on_device: { hit: { infraCurrent: ["on_device"] }, miss: { infraCurrent: ["hybrid"] } },
};

describe("recommendation rules", () => {
  it("are valid data: unique ids, known option ids, known placeholders", () => {
    expect(validateRules(RULES)).toEqual([]);
    expect(RULES.length).toBeGreaterThanOrEqual(20);
  });

  it("reject typos in option ids, architectures, reason messages and placeholders", () => {
    const bad = [
      { id: "typo", when: { field: "workloads", includesAny: ["chat"] }, scores: { central_factory: 1 }, reason: "nope" as ReasonKey },
      { id: "typo", when: { field: "latencyBudget", in: ["fast"] }, scores: { mainframe: 1 } as Rule["scores"], reason: "ok" as ReasonKey },
    ] satisfies Rule[];
    const problems = validateRules(bad, { ...ENGLISH_REASONS, nope: "Budget {budgetLabel}, {nope} and {ms, number} ms" });
    expect(problems).toContain("typo: chat is not an option code of workloads");
    expect(problems).toContain("typo: unknown placeholder {nope}");
    expect(problems).toContain("typo: unknown placeholder {ms}");
    expect(problems).not.toContain("typo: unknown placeholder {budgetLabel}");
    expect(problems).toContain("typo: no reason message ok");
    expect(problems).toContain("typo: duplicate rule id");
    expect(problems).toContain("typo: fast is not an option code of latencyBudget");
    expect(problems).toContain("typo: unknown architecture mainframe");
  });

  it("has a firing and a non-firing case for every rule", () => {
    expect(Object.keys(RULE_CASES).sort()).toEqual(RULES.map((rule) => rule.id).sort());
  });

  for (const rule of RULES) {
    it(`${rule.id}: fires on its case and attaches its reason to the architectures it scores`, () => {
      const cases = RULE_CASES[rule.id]!;
      const hitProfile = profile(cases.hit);
      const hit = recommend(hitProfile);
      expect(hit.rulesFired).toContain(rule.id);
      expect(evaluateCondition(rule.when, normalizeProfile(hitProfile))).toBe(true);
      const message = reasonMessage(rule.reason, templateValues(normalizeProfile(hitProfile)));
      const reason = englishReason(message);
      expect(reason).not.toMatch(/[{}]/);
      for (const id of Object.keys(rule.scores)) {
        expect(entry(hit, id).reasons).toContain(reason);
        // The message sits at the same place as its English text.
        expect(entry(hit, id).reasonMessages[entry(hit, id).reasons.indexOf(reason)]).toEqual(message);
      }

      const missProfile = profile(cases.miss);
      const miss = recommend(missProfile);
      expect(miss.rulesFired).not.toContain(rule.id);
      expect(evaluateCondition(rule.when, normalizeProfile(missProfile))).toBe(false);
    });
  }

  it("moves scores in the direction the rule says", () => {
    const base = recommend(profile({ trafficShape: "daily_peaks" }));
    const sovereign = recommend(profile({ trafficShape: "daily_peaks", sovereignty: true }));
    expect(entry(sovereign, "sovereign_onprem").score - entry(base, "sovereign_onprem").score).toBe(4);
    expect(entry(sovereign, "central_factory").score - entry(base, "central_factory").score).toBe(-2);
    expect(sovereign.ranked[0]?.id).toBe("sovereign_onprem");
  });
});

describe("latency fit", () => {
  const globalTight = profile({
    homeRegion: "north_america",
    userGeography: "global",
    latencyBudget: "100_250ms",
    trafficShape: "steady",
    workloads: ["realtime_chat"],
    modelSizes: ["small_domain"],
  });

  it("penalizes architectures whose worst case misses the budget, with a reason naming the region", () => {
    const result = recommend(globalTight);
    const central = entry(result, "central_factory");
    expect(central.latency.meetsBudget).toBe(false);
    expect(result.rulesFired).toContain("latency_over_budget:central_factory");
    expect(central.reasons).toContain(
      "Your users are global and your budget is under 250 ms: a single central region in North America adds about 220 ms round " +
        "trip for users in Southeast Asia & Oceania, about 275 ms to a first token in all.",
    );
    expect(latencyDelta(central.latency)).toBeLessThan(0);

    const edge = entry(result, "distributed_edge");
    expect(edge.latency.meetsBudget).toBe(true);
    expect(latencyDelta(edge.latency)).toBeGreaterThan(0);
    expect(result.rulesFired).not.toContain("latency_over_budget:distributed_edge");
    expect(edge.score).toBeGreaterThan(central.score);
  });

  it("penalizes a bigger overshoot more, within a cap", () => {
    // Frontier model from one central region: about 575 ms worst case for a global user base.
    const frontier = profile({ ...globalTight, modelSizes: ["frontier"] });
    const near = estimateLatency("central_factory", { ...frontier, latencyBudget: "250_500ms" });
    const far = estimateLatency("central_factory", { ...frontier, latencyBudget: "100_250ms" });
    const farthest = estimateLatency("central_factory", { ...frontier, latencyBudget: "lt_100ms" });
    expect(near.meetsBudget).toBe(false);
    expect(latencyDelta(near)).toBeLessThan(0);
    expect(latencyDelta(far)).toBeLessThan(latencyDelta(near));
    expect(latencyDelta(farthest)).toBe(-5);
    expect(latencyDelta(estimateLatency("central_factory", { ...frontier, latencyBudget: "500_1000ms" }))).toBe(1);
    expect(latencyDelta(estimateLatency("central_factory", emptyProfile()))).toBe(0);
  });

  it("uses the instrument's region labels", () => {
    expect(regionLabel("southeast_asia_oceania")).toBe("Southeast Asia & Oceania");
    expect(regionLabel("middle_east_africa")).toBe("Middle East & Africa");
  });
});

describe("recommend", () => {
  it("ranks all six architectures by score with a fixed tie-break", () => {
    const result = recommend(profile({ workloads: ["realtime_chat"], latencyBudget: "250_500ms" }));
    expect(result.ranked.map((r) => r.id).sort()).toEqual([...ARCHITECTURE_IDS].sort());
    for (let i = 1; i < result.ranked.length; i++) {
      const prev = result.ranked[i - 1]!;
      const cur = result.ranked[i]!;
      expect(prev.score).toBeGreaterThanOrEqual(cur.score);
      if (prev.score === cur.score) expect(ARCHITECTURE_IDS.indexOf(prev.id)).toBeLessThan(ARCHITECTURE_IDS.indexOf(cur.id));
    }
    for (const r of result.ranked) {
      expect(r.name).toBe(getArchitecture(r.id)?.name);
      expect(r.tradeoff.length).toBeGreaterThan(20);
      expect(r.reasons.length).toBeGreaterThan(0);
    }
  });

  it("is deterministic and independent of the order of array values", () => {
    const a = profile({
      homeRegion: "east_asia",
      workloads: ["autonomous_agents", "realtime_chat", "search_rag"],
      latencyBudget: "250_500ms",
      userGeography: "several_regions",
      trafficShape: "bursty",
      modelSizes: ["small_domain", "frontier", "mid"],
      infraCurrent: ["central_cloud", "on_prem_gpu"],
      infraPlanned: ["hybrid"],
    });
    const b = profile({
      ...a,
      workloads: ["search_rag", "realtime_chat", "autonomous_agents", "realtime_chat"],
      modelSizes: ["mid", "frontier", "small_domain"],
      infraCurrent: ["on_prem_gpu", "central_cloud"],
    });
    const first = recommend(a);
    expect(recommend(a)).toEqual(first);
    expect(recommend(b)).toEqual(first);
    expect(JSON.stringify(recommend(structuredClone(a)))).toBe(JSON.stringify(first));
  });

  it("stays deterministic and order-independent across many generated profiles", () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const choose = (ids: readonly string[]) => (next() < 0.2 ? null : (ids[Math.floor(next() * ids.length)] ?? null));
    const subset = (ids: readonly string[]) => ids.filter(() => next() < 0.4);
    for (let i = 0; i < 200; i++) {
      const p = profile({
        homeRegion: choose(codesOf("homeRegion")),
        workloads: subset(codesOf("workloads")),
        latencyBudget: choose(codesOf("latencyBudget")),
        userGeography: choose(codesOf("userGeography")),
        trafficShape: choose(codesOf("trafficShape")),
        modelSizes: subset(codesOf("modelSizes")),
        sovereignty: next() < 0.3,
        infraCurrent: subset(codesOf("infraCurrent")),
        infraPlanned: subset(codesOf("infraPlanned")),
      });
      const reversed = {
        ...p,
        workloads: [...p.workloads].reverse(),
        modelSizes: [...p.modelSizes].reverse(),
        infraPlanned: [...p.infraPlanned].reverse(),
      };
      const result = recommend(p);
      expect(recommend(reversed)).toEqual(result);
      expect(result.ranked).toHaveLength(6);
      for (const r of result.ranked) expect(Number.isFinite(r.score)).toBe(true);
    }
  });

  it("gives an empty profile a sensible default ranking and says there is not enough information", () => {
    const result = recommend(emptyProfile());
    expect(result.rulesFired).toEqual(["no_information"]);
    expect(result.ranked.map((r) => r.id)).toEqual([
      "regional_cloud",
      "central_factory",
      "hybrid_split",
      "sovereign_onprem",
      "distributed_edge",
      "on_device",
    ]);
    for (const r of result.ranked) {
      expect(r.reasons.join(" ")).toMatch(/not enough information/);
      expect(r.latency.budgetMs).toBeNull();
      expect(r.latency.meetsBudget).toBeNull();
    }
  });

  it("handles contradictory answers without throwing", () => {
    const contradictory = profile({
      workloads: ["on_device"],
      modelSizes: ["frontier"],
      userGeography: "global",
      latencyBudget: "lt_100ms",
      trafficShape: "unpredictable",
    });
    const result = recommend(contradictory);
    expect(result.rulesFired).toEqual(expect.arrayContaining(["on_device_workload", "frontier_only", "on_device_without_small_model"]));
    expect(result.ranked).toHaveLength(6);
    // A hybrid bridges on-device work and frontier-only models; on-device itself is held back.
    expect(result.ranked.findIndex((r) => r.id === "hybrid_split")).toBeLessThan(result.ranked.findIndex((r) => r.id === "on_device"));
    expect(result.ranked.every((r) => r.latency.meetsBudget === false)).toBe(true);
    expect(result.rulesFired).toContain("no_architecture_meets_budget");
    expect(result.ranked[0]?.reasons.join(" ")).toMatch(/No architecture meets a budget under 100 ms/);
  });

  it("survives malformed input", () => {
    const junk = {
      homeRegion: 5,
      workloads: "realtime_chat",
      latencyBudget: ["lt_100ms"],
      userGeography: "everywhere",
      trafficShape: null,
      modelSizes: [null, "frontier", "frontier"],
      sovereignty: "yes",
      infraCurrent: undefined,
      infraPlanned: [{}],
    } as unknown as WorkloadProfile;
    const result = recommend(junk);
    expect(result.ranked).toHaveLength(6);
    expect(result.rulesFired).toEqual(["frontier_models", "frontier_only"]);
    expect(recommend(undefined as unknown as WorkloadProfile).rulesFired).toEqual(["no_information"]);
  });

  it("recommends the expected architecture for clear-cut profiles", () => {
    const top = (p: Partial<WorkloadProfile>) => recommend(profile(p)).ranked[0]?.id;
    expect(top({ workloads: ["batch_analytics"], latencyBudget: "gt_1s", trafficShape: "bursty", modelSizes: ["frontier"] })).toBe(
      "central_factory",
    );
    expect(
      top({
        homeRegion: "western_europe",
        workloads: ["search_rag"],
        sovereignty: true,
        trafficShape: "steady",
        infraCurrent: ["on_prem_gpu"],
      }),
    ).toBe("sovereign_onprem");
    expect(top({ workloads: ["on_device"], modelSizes: ["small_domain"], latencyBudget: "250_500ms" })).toBe("on_device");
    expect(
      top({ workloads: ["realtime_chat"], userGeography: "global", latencyBudget: "100_250ms", modelSizes: ["small_domain", "frontier"] }),
    ).toBe("hybrid_split");
    expect(
      top({ workloads: ["autonomous_agents"], userGeography: "several_regions", latencyBudget: "250_500ms", modelSizes: ["mid"] }),
    ).toBe("regional_cloud");
    expect(
      top({
        workloads: ["realtime_chat"],
        userGeography: "global",
        latencyBudget: "lt_100ms",
        trafficShape: "steady",
        modelSizes: ["small_domain"],
      }),
    ).toBe("distributed_edge");
  });
});
