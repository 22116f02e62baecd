import { describe, expect, it } from "vitest";
import {
  ACCESS_RTT_MS,
  ARCHITECTURE_POOL,
  CENTRAL_HUB_REGIONS,
  LATENCY_BUDGET_IDS,
  LATENCY_BUDGET_MS,
  MODEL_SIZE_IDS,
  QUEUE_BASE_MS,
  QUEUE_POOL_FACTOR,
  REGION_IDS,
  REGION_RTT_MS,
  TIME_TO_FIRST_TOKEN_MS,
  TRAFFIC_SHAPE_IDS,
  USER_GEOGRAPHY_IDS,
  WORKLOAD_CODES,
  INFRASTRUCTURE_CODES,
  inRegionCloudRttMs,
  nearestHub,
  regionsByDistance,
  sources,
  userRegionsFor,
} from "@/lib/architecture/assumptions";
import { ARCHITECTURE_IDS } from "@/lib/architecture/catalog";
import { instrumentV1 } from "@/lib/survey/instrument";
import { codesOfRole } from "@/lib/survey/roles";

describe("latency assumptions", () => {
  it("uses the option codes the bundled instrument carries", () => {
    expect([...REGION_IDS]).toEqual(codesOfRole(instrumentV1, "region"));
    expect([...MODEL_SIZE_IDS]).toEqual(codesOfRole(instrumentV1, "model_sizes"));
    expect([...TRAFFIC_SHAPE_IDS]).toEqual(codesOfRole(instrumentV1, "traffic_shape"));
    expect([...LATENCY_BUDGET_IDS]).toEqual(codesOfRole(instrumentV1, "latency_budget"));
    expect([...USER_GEOGRAPHY_IDS]).toEqual(codesOfRole(instrumentV1, "user_geography"));
    expect([...WORKLOAD_CODES]).toEqual(codesOfRole(instrumentV1, "workloads"));
    expect([...INFRASTRUCTURE_CODES]).toEqual(codesOfRole(instrumentV1, "infra_current"));
    expect([...INFRASTRUCTURE_CODES]).toEqual(codesOfRole(instrumentV1, "infra_planned"));
  });

  it("has a symmetric 8x8 round-trip table with all 64 entries", () => {
    let entries = 0;
    for (const from of REGION_IDS) {
      expect(Object.keys(REGION_RTT_MS[from]).sort()).toEqual([...REGION_IDS].sort());
      for (const to of REGION_IDS) {
        const rtt = REGION_RTT_MS[from][to];
        entries += 1;
        expect(Number.isInteger(rtt)).toBe(true);
        expect(rtt % 5).toBe(0);
        expect(rtt).toBe(REGION_RTT_MS[to][from]);
        if (from === to) {
          expect(rtt).toBeGreaterThanOrEqual(20);
          expect(rtt).toBeLessThanOrEqual(40);
        } else {
          expect(rtt).toBeGreaterThanOrEqual(20);
          expect(rtt).toBeLessThan(400);
        }
      }
    }
    expect(entries).toBe(64);
    expect(inRegionCloudRttMs("western_europe")).toBe(REGION_RTT_MS.western_europe.western_europe);
    // Crossing an ocean costs more than staying on a continent.
    expect(REGION_RTT_MS.north_america.southeast_asia_oceania).toBeGreaterThan(REGION_RTT_MS.north_america.western_europe);
  });

  it("keeps edge access shorter than any in-region cloud round trip, and on-device at zero", () => {
    expect(ACCESS_RTT_MS.edgeSite).toBeGreaterThanOrEqual(5);
    expect(ACCESS_RTT_MS.edgeSite).toBeLessThanOrEqual(15);
    expect(ACCESS_RTT_MS.onDevice).toBe(0);
    for (const region of REGION_IDS) expect(ACCESS_RTT_MS.edgeSite).toBeLessThan(inRegionCloudRttMs(region));
  });

  it("maps latency budget options to milliseconds", () => {
    expect(LATENCY_BUDGET_MS).toEqual({ lt_100ms: 100, "100_250ms": 250, "250_500ms": 500, "500_1000ms": 1000, gt_1s: 2000 });
  });

  it("orders model sizes, traffic shapes and pools sensibly", () => {
    expect(TIME_TO_FIRST_TOKEN_MS.frontier).toBeGreaterThan(TIME_TO_FIRST_TOKEN_MS.mid);
    expect(TIME_TO_FIRST_TOKEN_MS.mid).toBeGreaterThan(TIME_TO_FIRST_TOKEN_MS.small_domain);
    expect(QUEUE_BASE_MS.steady).toBeLessThan(QUEUE_BASE_MS.daily_peaks);
    expect(QUEUE_BASE_MS.daily_peaks).toBeLessThan(QUEUE_BASE_MS.bursty);
    expect(QUEUE_BASE_MS.bursty).toBeLessThan(QUEUE_BASE_MS.unpredictable);
    expect(QUEUE_POOL_FACTOR.central_pool).toBeLessThan(QUEUE_POOL_FACTOR.regional_pool);
    expect(QUEUE_POOL_FACTOR.regional_pool).toBeLessThan(QUEUE_POOL_FACTOR.edge_site);
    expect(QUEUE_POOL_FACTOR.device).toBe(0);
    expect(Object.keys(ARCHITECTURE_POOL).sort()).toEqual([...ARCHITECTURE_IDS].sort());
  });

  it("derives users' regions from the geography answer", () => {
    expect(userRegionsFor("one_metro", "east_asia")).toEqual(["east_asia"]);
    expect(userRegionsFor("one_region", "east_asia")).toEqual(["east_asia"]);
    expect(userRegionsFor(null, "east_asia")).toEqual(["east_asia"]);
    // Western Europe: Eastern Europe (25 ms), then North America (90 ms) before Middle East & Africa (115 ms).
    expect(userRegionsFor("several_regions", "western_europe")).toEqual(["western_europe", "eastern_europe", "north_america"]);
    // South Asia: Middle East & Africa (40 ms), then Southeast Asia & Oceania (60 ms).
    expect(userRegionsFor("several_regions", "south_asia")).toEqual(["south_asia", "middle_east_africa", "southeast_asia_oceania"]);
    expect(userRegionsFor("several_regions", "latin_america")).toEqual(["latin_america", "north_america", "western_europe"]);
    expect(userRegionsFor("global", "south_asia")).toEqual([...REGION_IDS]);
    for (const region of REGION_IDS) {
      const ordered = regionsByDistance(region);
      expect(ordered[0]).toBe(region);
      expect(new Set(ordered).size).toBe(8);
    }
  });

  it("places the central hub at a major hub nearest the region", () => {
    for (const hub of CENTRAL_HUB_REGIONS) expect(nearestHub(hub)).toBe(hub);
    expect(nearestHub("latin_america")).toBe("north_america");
    expect(nearestHub("eastern_europe")).toBe("western_europe");
    expect(nearestHub("south_asia")).toBe("middle_east_africa");
  });

  it("cites every source by name and URL, for every topic", () => {
    expect(sources.length).toBeGreaterThanOrEqual(8);
    for (const source of sources) {
      expect(source.name.length).toBeGreaterThan(5);
      expect(source.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(source.note.length).toBeGreaterThan(10);
    }
    expect(new Set(sources.map((s) => s.topic))).toEqual(
      new Set(["region_rtt", "access_rtt", "time_to_first_token", "queueing", "hybrid_escalation"]),
    );
    expect(sources.filter((s) => s.topic === "region_rtt").map((s) => s.url)).toEqual([
      "https://learn.microsoft.com/en-us/azure/networking/azure-network-latency",
      "https://www.cloudping.co/grid",
      "https://wondernetwork.com/pings",
    ]);
  });
});
