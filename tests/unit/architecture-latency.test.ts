import { describe, expect, it } from "vitest";
import {
  ACCESS_RTT_MS,
  HYBRID_ESCALATION_SHARE,
  QUEUE_BASE_MS,
  QUEUE_POOL_FACTOR,
  REGION_IDS,
  REGION_RTT_MS,
  TIME_TO_FIRST_TOKEN_MS,
} from "@/lib/architecture/assumptions";
import { ARCHITECTURE_IDS } from "@/lib/architecture/catalog";
import { budgetMsOf, cloudModelClass, estimateLatency, userRegionsOf, worstRegion } from "@/lib/architecture/latency";
import { emptyProfile, type WorkloadProfile } from "@/lib/architecture/profile";

const profile = (overrides: Partial<WorkloadProfile>): WorkloadProfile => ({ ...emptyProfile(), ...overrides });
const global = profile({
  homeRegion: "north_america",
  userGeography: "global",
  latencyBudget: "100_250ms",
  trafficShape: "steady",
  modelSizes: ["small_domain"],
});

describe("latency model", () => {
  it("gives a global user base a worse worst case from one central region than from the edge", () => {
    const central = estimateLatency("central_factory", global);
    const edge = estimateLatency("distributed_edge", global);
    expect(central.perRegion).toHaveLength(8);
    expect(central.worstMs).toBeGreaterThan(edge.worstMs);
    expect(worstRegion(central)?.region).toBe("southeast_asia_oceania");
    expect(central.meetsBudget).toBe(false);
    expect(edge.meetsBudget).toBe(true);
  });

  it("adds up network, queueing and first token in every region", () => {
    for (const id of ARCHITECTURE_IDS) {
      const estimate = estimateLatency(id, global);
      for (const entry of estimate.perRegion) {
        expect(entry.totalMs).toBe(entry.networkMs + entry.queueMs + entry.firstTokenMs);
        expect(entry.withinBudget).toBe(entry.totalMs <= 250);
      }
      expect(estimate.worstMs).toBe(Math.max(...estimate.perRegion.map((e) => e.totalMs)));
      expect(estimate.budgetMs).toBe(250);
    }
  });

  it("has no network for on-device inference", () => {
    const estimate = estimateLatency("on_device", global);
    for (const entry of estimate.perRegion) {
      expect(entry.networkMs).toBe(0);
      expect(entry.queueMs).toBe(0);
      expect(entry.firstTokenMs).toBe(TIME_TO_FIRST_TOKEN_MS.on_device_small);
      expect(entry.servedFrom).toBe("device");
    }
  });

  it("places each architecture's serving site as documented", () => {
    const regional = estimateLatency("regional_cloud", global);
    for (const entry of regional.perRegion) expect(entry.networkMs).toBe(REGION_RTT_MS[entry.region][entry.region]);

    const edge = estimateLatency("distributed_edge", global);
    for (const entry of edge.perRegion) expect(entry.networkMs).toBe(ACCESS_RTT_MS.edgeSite);

    // Latin America has no major hub: its central factory sits in North America.
    const fromLatam = profile({ homeRegion: "latin_america", userGeography: "one_region" });
    expect(estimateLatency("central_factory", fromLatam).perRegion).toEqual([
      expect.objectContaining({
        region: "latin_america",
        servedFrom: "north_america",
        networkMs: REGION_RTT_MS.latin_america.north_america,
      }),
    ]);
    // Sovereign: everyone is served from home, so a home in Western Europe costs East Asia the long trip.
    const sovereign = estimateLatency("sovereign_onprem", profile({ homeRegion: "western_europe", userGeography: "global" }));
    const byRegion = new Map(sovereign.perRegion.map((e) => [e.region, e]));
    expect(byRegion.get("western_europe")?.networkMs).toBe(REGION_RTT_MS.western_europe.western_europe);
    expect(byRegion.get("east_asia")?.networkMs).toBe(REGION_RTT_MS.east_asia.western_europe);
  });

  it("defaults to North America, the mid-size model and daily peaks when the profile is silent", () => {
    const estimate = estimateLatency("central_factory", emptyProfile());
    expect(estimate.budgetMs).toBeNull();
    expect(estimate.meetsBudget).toBeNull();
    expect(estimate.perRegion).toEqual([
      {
        region: "north_america",
        servedFrom: "north_america",
        networkMs: REGION_RTT_MS.north_america.north_america,
        queueMs: QUEUE_BASE_MS.daily_peaks * QUEUE_POOL_FACTOR.central_pool,
        firstTokenMs: TIME_TO_FIRST_TOKEN_MS.mid,
        totalMs: REGION_RTT_MS.north_america.north_america + QUEUE_BASE_MS.daily_peaks + TIME_TO_FIRST_TOKEN_MS.mid,
        withinBudget: null,
      },
    ]);
    expect(estimate.escalation).toBeNull();
  });

  it("serves the largest model class the profile names from the cloud, small models at the edge", () => {
    expect(cloudModelClass({ modelSizes: ["small_domain", "frontier"] })).toBe("frontier");
    expect(cloudModelClass({ modelSizes: ["small_domain", "mid"] })).toBe("mid");
    expect(cloudModelClass({ modelSizes: [] })).toBe("mid");
    const frontier = profile({ modelSizes: ["frontier", "small_domain"] });
    expect(estimateLatency("regional_cloud", frontier).perRegion[0]?.firstTokenMs).toBe(TIME_TO_FIRST_TOKEN_MS.frontier);
    expect(estimateLatency("distributed_edge", frontier).perRegion[0]?.firstTokenMs).toBe(TIME_TO_FIRST_TOKEN_MS.small_domain);
  });

  it("makes bursty traffic queue longer, and longer at small edge sites than in a central pool", () => {
    const steady = profile({ trafficShape: "steady" });
    const bursty = profile({ trafficShape: "bursty" });
    const queue = (id: (typeof ARCHITECTURE_IDS)[number], p: WorkloadProfile) => estimateLatency(id, p).perRegion[0]?.queueMs ?? NaN;
    expect(queue("central_factory", bursty)).toBeGreaterThan(queue("central_factory", steady));
    expect(queue("distributed_edge", bursty)).toBeGreaterThan(queue("central_factory", bursty));
    expect(queue("sovereign_onprem", bursty)).toBeGreaterThan(queue("central_factory", bursty));
    expect(queue("distributed_edge", bursty)).toBe(QUEUE_BASE_MS.bursty * QUEUE_POOL_FACTOR.edge_site);
  });

  it("models the hybrid as an expected value over edge answers and escalations", () => {
    const p = profile({
      homeRegion: "north_america",
      userGeography: "one_region",
      trafficShape: "steady",
      modelSizes: ["frontier", "small_domain"],
    });
    const estimate = estimateLatency("hybrid_split", p);
    const share = HYBRID_ESCALATION_SHARE;
    const edgeRtt = ACCESS_RTT_MS.edgeSite;
    const hubRtt = REGION_RTT_MS.north_america.north_america;
    const edgeQueue = QUEUE_BASE_MS.steady * QUEUE_POOL_FACTOR.edge_with_spillover;
    const hubQueue = QUEUE_BASE_MS.steady * QUEUE_POOL_FACTOR.central_pool;
    const entry = estimate.perRegion[0]!;
    expect(entry.networkMs).toBe(Math.round(edgeRtt + share * hubRtt));
    expect(entry.queueMs).toBe(Math.round((1 - share) * edgeQueue + share * hubQueue));
    expect(entry.firstTokenMs).toBe(
      Math.round((1 - share) * TIME_TO_FIRST_TOKEN_MS.small_domain + share * TIME_TO_FIRST_TOKEN_MS.frontier),
    );
    expect(estimate.escalation).toEqual({
      share,
      modelClass: "frontier",
      edgeWorstMs: Math.round(edgeRtt) + Math.round(edgeQueue) + TIME_TO_FIRST_TOKEN_MS.small_domain,
      escalatedWorstMs: edgeRtt + hubRtt + Math.round(hubQueue) + TIME_TO_FIRST_TOKEN_MS.frontier,
    });
    // Escalating to a mid-size model when that is the largest the profile uses is faster.
    const mid = estimateLatency("hybrid_split", { ...p, modelSizes: ["mid", "small_domain"] });
    expect(mid.escalation?.modelClass).toBe("mid");
    expect(mid.worstMs).toBeLessThan(estimate.worstMs);
    expect(estimate.worstMs).toBeLessThan(estimate.escalation!.escalatedWorstMs);
    expect(estimate.worstMs).toBeGreaterThan(estimate.escalation!.edgeWorstMs);
  });

  it("maps budgets and ignores unknown values", () => {
    expect(budgetMsOf("lt_100ms")).toBe(100);
    expect(budgetMsOf("100_250ms")).toBe(250);
    expect(budgetMsOf("250_500ms")).toBe(500);
    expect(budgetMsOf("500_1000ms")).toBe(1000);
    expect(budgetMsOf("gt_1s")).toBe(2000);
    expect(budgetMsOf("fast")).toBeNull();
    expect(budgetMsOf(null)).toBeNull();
    const odd = profile({ homeRegion: "mars", userGeography: "galactic", latencyBudget: "now", trafficShape: "weird" });
    expect(userRegionsOf(odd)).toEqual(["north_america"]);
    for (const id of ARCHITECTURE_IDS) {
      const estimate = estimateLatency(id, odd);
      expect(estimate.budgetMs).toBeNull();
      expect(Number.isFinite(estimate.worstMs)).toBe(true);
    }
    expect(userRegionsOf(profile({ userGeography: "global" }))).toEqual([...REGION_IDS]);
  });
});
