import { describe, expect, it } from "vitest";
import {
  emptyProfile,
  isEmptyProfile,
  normalizeProfile,
  profileFromAggregate,
  profileFromAnswers,
  type SegmentAggregate,
} from "@/lib/architecture/profile";
import { instrumentV1 } from "@/lib/survey/instrument";

const fullAnswers = {
  industry: "retail_ecommerce",
  region: "southeast_asia_oceania",
  workloads: ["search_rag", "realtime_chat"],
  latency_budget: "100_250ms",
  user_geography: "several_regions",
  traffic_shape: "bursty",
  model_sizes: ["small_domain", "frontier"],
  concerns: ["cost", "compliance"],
  infra_current: ["central_cloud"],
  infra_planned: ["hybrid", "distributed_edge"],
  distributed_help: "stores",
};

describe("profileFromAnswers", () => {
  it("reads the instrument's questions into a profile, lists in instrument order", () => {
    expect(profileFromAnswers(instrumentV1, fullAnswers)).toEqual({
      homeRegion: "southeast_asia_oceania",
      workloads: ["realtime_chat", "search_rag"],
      latencyBudget: "100_250ms",
      userGeography: "several_regions",
      trafficShape: "bursty",
      modelSizes: ["frontier", "small_domain"],
      sovereignty: true,
      infraCurrent: ["central_cloud"],
      infraPlanned: ["distributed_edge", "hybrid"],
    });
  });

  it("sets sovereignty from privacy & sovereignty or compliance only", () => {
    expect(profileFromAnswers(instrumentV1, { concerns: ["privacy_sovereignty"] }).sovereignty).toBe(true);
    expect(profileFromAnswers(instrumentV1, { concerns: ["compliance"] }).sovereignty).toBe(true);
    expect(profileFromAnswers(instrumentV1, { concerns: ["security", "cost"] }).sovereignty).toBe(false);
    expect(profileFromAnswers(instrumentV1, { concerns: "compliance" }).sovereignty).toBe(false);
  });

  it("ignores unknown and malformed values", () => {
    const profile = profileFromAnswers(instrumentV1, {
      region: "atlantis",
      workloads: ["realtime_chat", "teleportation", 7, null, "realtime_chat"],
      latency_budget: 100,
      user_geography: ["global"],
      traffic_shape: "steady ",
      model_sizes: "frontier",
      infra_current: { central_cloud: true },
      infra_planned: [],
    });
    expect(profile).toEqual({ ...emptyProfile(), workloads: ["realtime_chat"] });
    expect(profileFromAnswers(instrumentV1, {})).toEqual(emptyProfile());
    expect(isEmptyProfile(profileFromAnswers(instrumentV1, {}))).toBe(true);
    expect(isEmptyProfile(profileFromAnswers(instrumentV1, { region: "east_asia" }))).toBe(true);
    expect(isEmptyProfile(profileFromAnswers(instrumentV1, { traffic_shape: "steady" }))).toBe(false);
  });

  it("normalizes a hand-built profile the same way", () => {
    const messy = { ...emptyProfile(), workloads: ["search_rag", "x", "realtime_chat", "search_rag"], latencyBudget: "soon" };
    expect(normalizeProfile(messy)).toEqual({ ...emptyProfile(), workloads: ["realtime_chat", "search_rag"] });
  });
});

const aggregate = (overrides: Partial<SegmentAggregate>): SegmentAggregate => ({
  n: 100,
  homeRegion: null,
  single: {},
  multi: {},
  ...overrides,
});

describe("profileFromAggregate", () => {
  it("takes the most common single choice and options chosen by at least 40%", () => {
    const profile = profileFromAggregate(
      instrumentV1,
      aggregate({
        homeRegion: "western_europe",
        single: {
          latency_budget: { "250_500ms": 50, lt_100ms: 20, gt_1s: 30 },
          user_geography: { one_region: 60, global: 40 },
          traffic_shape: { steady: 10, daily_peaks: 70, bursty: 20 },
        },
        multi: {
          workloads: { realtime_chat: 40, batch_analytics: 39, search_rag: 90 },
          model_sizes: { frontier: 80, mid: 41, small_domain: 10 },
          infra_current: { central_cloud: 100 },
          infra_planned: { hybrid: 45, on_device: 5 },
          concerns: { privacy_sovereignty: 20, compliance: 34 },
        },
      }),
    );
    expect(profile).toEqual({
      homeRegion: "western_europe",
      workloads: ["realtime_chat", "search_rag"],
      latencyBudget: "250_500ms",
      userGeography: "one_region",
      trafficShape: "daily_peaks",
      modelSizes: ["frontier", "mid"],
      sovereignty: false,
      infraCurrent: ["central_cloud"],
      infraPlanned: ["hybrid"],
    });
  });

  it("breaks ties toward the tighter budget, the wider geography and the burstier traffic", () => {
    const profile = profileFromAggregate(
      instrumentV1,
      aggregate({
        single: {
          latency_budget: { gt_1s: 30, "100_250ms": 30, lt_100ms: 10 },
          user_geography: { one_metro: 25, several_regions: 25, global: 25, one_region: 25 },
          traffic_shape: { steady: 40, bursty: 40, unpredictable: 20 },
        },
      }),
    );
    expect(profile.latencyBudget).toBe("100_250ms");
    expect(profile.userGeography).toBe("global");
    expect(profile.trafficShape).toBe("bursty");
  });

  it("marks sovereignty at 35% for either concern", () => {
    expect(profileFromAggregate(instrumentV1, aggregate({ multi: { concerns: { compliance: 35 } } })).sovereignty).toBe(true);
    expect(
      profileFromAggregate(instrumentV1, aggregate({ multi: { concerns: { privacy_sovereignty: 36, compliance: 1 } } })).sovereignty,
    ).toBe(true);
    expect(
      profileFromAggregate(instrumentV1, aggregate({ multi: { concerns: { privacy_sovereignty: 34, compliance: 34 } } })).sovereignty,
    ).toBe(false);
  });

  it("falls back to the segment's most common region and ignores garbage", () => {
    const profile = profileFromAggregate(
      instrumentV1,
      aggregate({
        homeRegion: "nowhere",
        single: {
          region: { east_asia: 12, south_asia: 12, north_america: 3 },
          latency_budget: { lt_100ms: Number.NaN, gt_1s: -5, "250_500ms": "many" as unknown as number, made_up: 99 },
        },
        multi: { workloads: { realtime_chat: Infinity, search_rag: 60 }, model_sizes: null as unknown as Record<string, number> },
      }),
    );
    // Ties between regions go to the instrument's order.
    expect(profile.homeRegion).toBe("south_asia");
    expect(profile.latencyBudget).toBeNull();
    expect(profile.workloads).toEqual(["search_rag"]);
    expect(profile.modelSizes).toEqual([]);
  });

  it("gives an empty profile for an empty segment", () => {
    expect(profileFromAggregate(instrumentV1, aggregate({ n: 0, multi: { workloads: { realtime_chat: 0 } } }))).toEqual(emptyProfile());
    expect(profileFromAggregate(instrumentV1, aggregate({ n: 0, homeRegion: "east_asia" }))).toEqual({
      ...emptyProfile(),
      homeRegion: "east_asia",
    });
  });
});
