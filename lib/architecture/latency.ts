// End-to-end latency to a first token, per user region, for one architecture and one profile:
//
//   total = network round trip (user -> serving site -> user)
//         + queueing before the request is scheduled (traffic shape x serving pool)
//         + server-side time to first token of the model class the architecture serves
//
// Every number comes from ./assumptions. Values are rounded to whole milliseconds per component and
// the total is the sum of the rounded components, so the parts always add up on screen.
//
// Where requests are served:
// - central_factory: one site at the central hub nearest the home region (default North America),
//   for every user region; serves the largest model class the profile uses.
// - regional_cloud: a cloud region in each user region (the in-region round trip).
// - sovereign_onprem: the home region, for everyone (data stays home).
// - distributed_edge: an edge site near each user (the access round trip); small models only.
// - on_device: no network; a small on-device model.
// - hybrid_split: every request goes to an edge site first; a share (HYBRID_ESCALATION_SHARE) is
//   escalated from there to the central hub nearest that user region, which serves the largest
//   model class the profile uses above small (frontier when none is named). The per-region figures
//   are the expected value over both paths; `escalation` reports the two paths separately.
import {
  ACCESS_RTT_MS,
  ARCHITECTURE_POOL,
  DEFAULT_CLOUD_MODEL_CLASS,
  DEFAULT_HOME_REGION,
  DEFAULT_TRAFFIC_SHAPE,
  HYBRID_ESCALATION_SHARE,
  LATENCY_BUDGET_IDS,
  LATENCY_BUDGET_MS,
  QUEUE_BASE_MS,
  QUEUE_POOL_FACTOR,
  REGION_IDS,
  TIME_TO_FIRST_TOKEN_MS,
  TRAFFIC_SHAPE_IDS,
  USER_GEOGRAPHY_IDS,
  nearestHub,
  regionRttMs,
  userRegionsFor,
  type LatencyBudgetId,
  type ModelSizeId,
  type RegionId,
  type ServedModelClass,
  type ServingPool,
  type TrafficShapeId,
  type UserGeographyId,
} from "./assumptions";
import type { ArchitectureId } from "./catalog";
import type { WorkloadProfile } from "./profile";

export interface RegionLatency {
  region: RegionId;
  /** Where this region's requests are answered: a region id, "edge" or "device". */
  servedFrom: RegionId | "edge" | "device";
  networkMs: number;
  queueMs: number;
  firstTokenMs: number;
  totalMs: number;
  withinBudget: boolean | null;
}

export interface EscalationEstimate {
  /** Share of requests sent from the edge to the central tier (0-1). */
  share: number;
  modelClass: ModelSizeId;
  /** Worst region's latency for requests the edge answers itself. */
  edgeWorstMs: number;
  /** Worst region's latency for escalated requests. */
  escalatedWorstMs: number;
}

export interface LatencyEstimate {
  budgetMs: number | null;
  perRegion: RegionLatency[];
  worstMs: number;
  meetsBudget: boolean | null;
  /** The model class whose time to first token is counted (the edge's for the hybrid). */
  modelClass: ServedModelClass;
  /** Only for hybrid_split. */
  escalation: EscalationEstimate | null;
}

function pick<T extends string>(ids: readonly T[], value: string | null | undefined): T | null {
  return typeof value === "string" && (ids as readonly string[]).includes(value) ? (value as T) : null;
}

export function resolveHomeRegion(profile: Pick<WorkloadProfile, "homeRegion">): RegionId {
  return pick(REGION_IDS, profile.homeRegion) ?? DEFAULT_HOME_REGION;
}

export function budgetMsOf(latencyBudget: string | null | undefined): number | null {
  const id = pick<LatencyBudgetId>(LATENCY_BUDGET_IDS, latencyBudget);
  return id === null ? null : LATENCY_BUDGET_MS[id];
}

export function trafficShapeOf(profile: Pick<WorkloadProfile, "trafficShape">): TrafficShapeId {
  return pick(TRAFFIC_SHAPE_IDS, profile.trafficShape) ?? DEFAULT_TRAFFIC_SHAPE;
}

/** The regions the profile's users are in, in REGION_IDS order. */
export function userRegionsOf(profile: Pick<WorkloadProfile, "homeRegion" | "userGeography">): RegionId[] {
  const geography = pick<UserGeographyId>(USER_GEOGRAPHY_IDS, profile.userGeography);
  const regions = new Set(userRegionsFor(geography, resolveHomeRegion(profile)));
  return REGION_IDS.filter((region) => regions.has(region));
}

function has(profile: Pick<WorkloadProfile, "modelSizes">, size: ModelSizeId): boolean {
  return Array.isArray(profile.modelSizes) && profile.modelSizes.includes(size);
}

/** The largest class a cloud or owned cluster would serve: the largest the profile names. */
export function cloudModelClass(profile: Pick<WorkloadProfile, "modelSizes">): ModelSizeId {
  if (has(profile, "frontier")) return "frontier";
  if (has(profile, "mid")) return "mid";
  if (has(profile, "small_domain")) return "small_domain";
  return DEFAULT_CLOUD_MODEL_CLASS;
}

/** What a hybrid escalates to: the largest class above small the profile names, else frontier. */
export function escalationModelClass(profile: Pick<WorkloadProfile, "modelSizes">): ModelSizeId {
  return !has(profile, "frontier") && has(profile, "mid") ? "mid" : "frontier";
}

function queueMs(traffic: TrafficShapeId, pool: ServingPool): number {
  return QUEUE_BASE_MS[traffic] * QUEUE_POOL_FACTOR[pool];
}

interface Path {
  servedFrom: RegionLatency["servedFrom"];
  networkMs: number;
  queueMs: number;
  firstTokenMs: number;
}

const total = (path: Path) => path.networkMs + path.queueMs + path.firstTokenMs;

function rounded(path: Path): Path {
  return {
    servedFrom: path.servedFrom,
    networkMs: Math.round(path.networkMs),
    queueMs: Math.round(path.queueMs),
    firstTokenMs: Math.round(path.firstTokenMs),
  };
}

function hybridPaths(region: RegionId, traffic: TrafficShapeId, escalateTo: ModelSizeId): { edge: Path; escalated: Path } {
  const edge: Path = {
    servedFrom: "edge",
    networkMs: ACCESS_RTT_MS.edgeSite,
    queueMs: queueMs(traffic, ARCHITECTURE_POOL.hybrid_split),
    firstTokenMs: TIME_TO_FIRST_TOKEN_MS.small_domain,
  };
  const hub = nearestHub(region);
  const escalated: Path = {
    servedFrom: hub,
    // The edge site is in the user's region, so edge -> hub is the region-to-hub round trip.
    networkMs: ACCESS_RTT_MS.edgeSite + regionRttMs(region, hub),
    queueMs: queueMs(traffic, "central_pool"),
    firstTokenMs: TIME_TO_FIRST_TOKEN_MS[escalateTo],
  };
  return { edge, escalated };
}

function pathFor(architectureId: ArchitectureId, region: RegionId, profile: WorkloadProfile): Path {
  const traffic = trafficShapeOf(profile);
  const home = resolveHomeRegion(profile);
  const pool = ARCHITECTURE_POOL[architectureId];
  const cloudTtft = TIME_TO_FIRST_TOKEN_MS[cloudModelClass(profile)];
  switch (architectureId) {
    case "central_factory": {
      const hub = nearestHub(home);
      return { servedFrom: hub, networkMs: regionRttMs(region, hub), queueMs: queueMs(traffic, pool), firstTokenMs: cloudTtft };
    }
    case "regional_cloud":
      return { servedFrom: region, networkMs: regionRttMs(region, region), queueMs: queueMs(traffic, pool), firstTokenMs: cloudTtft };
    case "sovereign_onprem":
      return { servedFrom: home, networkMs: regionRttMs(region, home), queueMs: queueMs(traffic, pool), firstTokenMs: cloudTtft };
    case "distributed_edge":
      return {
        servedFrom: "edge",
        networkMs: ACCESS_RTT_MS.edgeSite,
        queueMs: queueMs(traffic, pool),
        firstTokenMs: TIME_TO_FIRST_TOKEN_MS.small_domain,
      };
    case "on_device":
      return {
        servedFrom: "device",
        networkMs: ACCESS_RTT_MS.onDevice,
        queueMs: queueMs(traffic, pool),
        firstTokenMs: TIME_TO_FIRST_TOKEN_MS.on_device_small,
      };
    case "hybrid_split": {
      const { edge, escalated } = hybridPaths(region, traffic, escalationModelClass(profile));
      const p = HYBRID_ESCALATION_SHARE;
      const blend = (key: "networkMs" | "queueMs" | "firstTokenMs") => (1 - p) * edge[key] + p * escalated[key];
      return { servedFrom: "edge", networkMs: blend("networkMs"), queueMs: blend("queueMs"), firstTokenMs: blend("firstTokenMs") };
    }
  }
}

function modelClassOf(architectureId: ArchitectureId, profile: WorkloadProfile): ServedModelClass {
  switch (architectureId) {
    case "distributed_edge":
    case "hybrid_split":
      return "small_domain";
    case "on_device":
      return "on_device_small";
    default:
      return cloudModelClass(profile);
  }
}

/** Estimated time to a first token for each of the profile's user regions. Never throws. */
export function estimateLatency(architectureId: ArchitectureId, profile: WorkloadProfile): LatencyEstimate {
  const budgetMs = budgetMsOf(profile.latencyBudget);
  const perRegion = userRegionsOf(profile).map((region): RegionLatency => {
    const path = rounded(pathFor(architectureId, region, profile));
    const totalMs = total(path);
    return { region, ...path, totalMs, withinBudget: budgetMs === null ? null : totalMs <= budgetMs };
  });
  const worstMs = Math.max(0, ...perRegion.map((entry) => entry.totalMs));
  let escalation: EscalationEstimate | null = null;
  if (architectureId === "hybrid_split") {
    const modelClass = escalationModelClass(profile);
    const paths = perRegion.map((entry) => hybridPaths(entry.region, trafficShapeOf(profile), modelClass));
    escalation = {
      share: HYBRID_ESCALATION_SHARE,
      modelClass,
      edgeWorstMs: Math.max(0, ...paths.map((p) => total(rounded(p.edge)))),
      escalatedWorstMs: Math.max(0, ...paths.map((p) => total(rounded(p.escalated)))),
    };
  }
  return {
    budgetMs,
    perRegion,
    worstMs,
    meetsBudget: budgetMs === null ? null : perRegion.every((entry) => entry.withinBudget === true),
    modelClass: modelClassOf(architectureId, profile),
    escalation,
  };
}

/** The entry with the highest total (first in REGION_IDS order on ties). */
export function worstRegion(estimate: LatencyEstimate): RegionLatency | undefined {
  return estimate.perRegion.reduce<RegionLatency | undefined>(
    (worst, entry) => (worst === undefined || entry.totalMs > worst.totalMs ? entry : worst),
    undefined,
  );
}
