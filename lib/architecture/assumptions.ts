// Every number the latency model uses, with where it comes from. Nothing else in lib/architecture
// hard-codes a latency figure: change a value here and the estimates and recommendations follow.
//
// These are planning figures, not measurements of anyone's deployment: rounded typical medians,
// good to tens of milliseconds. Real values vary with carrier, route, time of day, prompt length,
// hardware and provider, so the UI should present results as "about".
import type { ArchitectureId } from "./catalog";

// ---------------------------------------------------------------------------------------------
// Codes: the semantic option codes of the instrument questions with roles region, model_sizes,
// traffic_shape, latency_budget, user_geography, workloads and infra_current/planned (an
// instrument may name its option ids as it likes; a unit test checks the bundled one carries these)
// ---------------------------------------------------------------------------------------------

/** The survey's 8 regions, in the instrument's order. */
export const REGION_IDS = [
  "north_america",
  "latin_america",
  "western_europe",
  "eastern_europe",
  "middle_east_africa",
  "south_asia",
  "east_asia",
  "southeast_asia_oceania",
] as const;
export type RegionId = (typeof REGION_IDS)[number];

/** Display names of the regions, for the recommender's reasons and the result page. */
export const REGION_NAMES: Readonly<Record<RegionId, string>> = {
  north_america: "North America",
  latin_america: "Latin America",
  western_europe: "Western Europe",
  eastern_europe: "Eastern Europe",
  middle_east_africa: "Middle East & Africa",
  south_asia: "South Asia",
  east_asia: "East Asia",
  southeast_asia_oceania: "Southeast Asia & Oceania",
};

export const WORKLOAD_CODES = ["realtime_chat", "autonomous_agents", "search_rag", "batch_analytics", "on_device"] as const;

export const INFRASTRUCTURE_CODES = ["central_cloud", "on_prem_gpu", "distributed_edge", "hybrid", "on_device"] as const;

export const MODEL_SIZE_IDS = ["frontier", "mid", "small_domain"] as const;
export type ModelSizeId = (typeof MODEL_SIZE_IDS)[number];

export const TRAFFIC_SHAPE_IDS = ["steady", "daily_peaks", "bursty", "unpredictable"] as const;
export type TrafficShapeId = (typeof TRAFFIC_SHAPE_IDS)[number];

export const LATENCY_BUDGET_IDS = ["lt_100ms", "100_250ms", "250_500ms", "500_1000ms", "gt_1s"] as const;
export type LatencyBudgetId = (typeof LATENCY_BUDGET_IDS)[number];

export const USER_GEOGRAPHY_IDS = ["one_metro", "one_region", "several_regions", "global"] as const;
export type UserGeographyId = (typeof USER_GEOGRAPHY_IDS)[number];

export type SourceTopic = "region_rtt" | "access_rtt" | "time_to_first_token" | "queueing" | "hybrid_escalation";

export interface Source {
  topic: SourceTopic;
  name: string;
  url: string;
  /** What we took from it. */
  note: string;
}

// ---------------------------------------------------------------------------------------------
// (a) Round-trip times between regions
// ---------------------------------------------------------------------------------------------

/**
 * The city whose cloud regions stand for each survey region when reading inter-region tables.
 * The survey regions are large; a representative hub keeps the table honest about what it means.
 */
export const REGION_HUB_CITY: Readonly<Record<RegionId, string>> = {
  north_america: "Northern Virginia / Ashburn (US East)",
  latin_america: "São Paulo",
  western_europe: "Frankfurt / Amsterdam / London",
  eastern_europe: "Warsaw",
  middle_east_africa: "Dubai / Abu Dhabi (UAE)",
  south_asia: "Mumbai",
  east_asia: "Tokyo",
  southeast_asia_oceania: "Singapore",
};

/**
 * Typical round-trip time in ms between users or sites in one region and a cloud region in
 * another, symmetric, rounded to 5 ms. Off the diagonal: typical medians between the hub cities
 * above over cloud backbones, in line with the published tables in RTT_SOURCES (which differ by
 * provider and month by roughly ±10-15%; re-check against the live pages when refreshing these
 * figures). On the diagonal: a user in the region reaching
 * the nearest cloud region in the same region (20-40 ms; wider regions such as North America, Latin
 * America, Middle East & Africa and Southeast Asia & Oceania get the upper end).
 */
export const REGION_RTT_MS: Readonly<Record<RegionId, Readonly<Record<RegionId, number>>>> = {
  //                     NA    LatAm  W.Eur  E.Eur  MEA   S.Asia E.Asia SEA&O
  north_america: {
    north_america: 35,
    latin_america: 115,
    western_europe: 90,
    eastern_europe: 105,
    middle_east_africa: 195,
    south_asia: 190,
    east_asia: 145,
    southeast_asia_oceania: 220,
  },
  latin_america: {
    north_america: 115,
    latin_america: 40,
    western_europe: 195,
    eastern_europe: 215,
    middle_east_africa: 300,
    south_asia: 305,
    east_asia: 255,
    southeast_asia_oceania: 325,
  },
  western_europe: {
    north_america: 90,
    latin_america: 195,
    western_europe: 20,
    eastern_europe: 25,
    middle_east_africa: 115,
    south_asia: 120,
    east_asia: 225,
    southeast_asia_oceania: 160,
  },
  eastern_europe: {
    north_america: 105,
    latin_america: 215,
    western_europe: 25,
    eastern_europe: 25,
    middle_east_africa: 125,
    south_asia: 135,
    east_asia: 240,
    southeast_asia_oceania: 175,
  },
  middle_east_africa: {
    north_america: 195,
    latin_america: 300,
    western_europe: 115,
    eastern_europe: 125,
    middle_east_africa: 40,
    south_asia: 40,
    east_asia: 160,
    southeast_asia_oceania: 95,
  },
  south_asia: {
    north_america: 190,
    latin_america: 305,
    western_europe: 120,
    eastern_europe: 135,
    middle_east_africa: 40,
    south_asia: 30,
    east_asia: 130,
    southeast_asia_oceania: 60,
  },
  east_asia: {
    north_america: 145,
    latin_america: 255,
    western_europe: 225,
    eastern_europe: 240,
    middle_east_africa: 160,
    south_asia: 130,
    east_asia: 30,
    southeast_asia_oceania: 70,
  },
  southeast_asia_oceania: {
    north_america: 220,
    latin_america: 325,
    western_europe: 160,
    eastern_europe: 175,
    middle_east_africa: 95,
    south_asia: 60,
    east_asia: 70,
    southeast_asia_oceania: 40,
  },
};

export const RTT_SOURCES: readonly Source[] = [
  {
    topic: "region_rtt",
    name: "Microsoft Azure: Azure network round-trip latency statistics",
    url: "https://learn.microsoft.com/en-us/azure/networking/azure-network-latency",
    note: "Monthly averages between Azure regions measured with ThousandEyes probes; used for the inter-continental pairs and the within-region ranges.",
  },
  {
    topic: "region_rtt",
    name: "CloudPing: AWS inter-region latency grid (third-party measurements between AWS regions)",
    url: "https://www.cloudping.co/grid",
    note:
      "Median pings between AWS regions (us-east-1, sa-east-1, eu-central-1, me-central-1, ap-south-1, ap-northeast-1, " +
      "ap-southeast-1); cross-check of the Azure figures.",
  },
  {
    topic: "region_rtt",
    name: "WonderNetwork: global ping statistics",
    url: "https://wondernetwork.com/pings",
    note: "City-to-city pings over the public internet; used to check hub pairs that cloud tables cover poorly (São Paulo, Warsaw, Dubai).",
  },
];

export const RTT_NOTE =
  "Rounded typical medians between representative hub cities, not measurements of any specific network; one round trip per " +
  "request, assuming warm (already open) connections. A cold TLS connection adds one to two more round trips.";

// ---------------------------------------------------------------------------------------------
// (b) Access round trips
// ---------------------------------------------------------------------------------------------

export const ACCESS_RTT_MS = {
  /** User to a nearby edge site or metro point of presence over fixed or enterprise networks (typical 5-15 ms). */
  edgeSite: 10,
  /** On-device inference: no network. */
  onDevice: 0,
} as const;

export const ACCESS_SOURCES: readonly Source[] = [
  {
    topic: "access_rtt",
    name: "Ookla Speedtest Global Index",
    url: "https://www.speedtest.net/global-index",
    note: "Median fixed-broadband latency to a nearby test server is roughly 5-20 ms in most markets; mobile networks add about 20-30 ms more.",
  },
  {
    topic: "access_rtt",
    name: "Cloudflare: global network",
    url: "https://www.cloudflare.com/network/",
    note:
      "Large edge networks place a point of presence within tens of milliseconds of nearly all internet users, and within about " +
      "10 ms in well-served metros.",
  },
];

/** Round trip from a user to a cloud region in the user's own region: the diagonal of REGION_RTT_MS. */
export function inRegionCloudRttMs(region: RegionId): number {
  return REGION_RTT_MS[region][region];
}

/** Round trip between two regions (symmetric; the same region gives the in-region figure). */
export function regionRttMs(from: RegionId, to: RegionId): number {
  return REGION_RTT_MS[from][to];
}

/** The default home region when a respondent or segment has none. */
export const DEFAULT_HOME_REGION: RegionId = "north_america";

/**
 * Regions where large cloud providers and AI-factory operators concentrate the biggest GPU pools and
 * offer the newest accelerators first. A centralized factory sits in the one of these nearest to
 * the respondent's home region; a hybrid escalates to the one nearest to each user region.
 */
export const CENTRAL_HUB_REGIONS: readonly RegionId[] = [
  "north_america",
  "western_europe",
  "middle_east_africa",
  "east_asia",
  "southeast_asia_oceania",
];

// ---------------------------------------------------------------------------------------------
// (c) Time to first token by model size class
// ---------------------------------------------------------------------------------------------

export type ServedModelClass = ModelSizeId | "on_device_small";

/**
 * Server-side time to first token in ms (prefill plus scheduling, no network, no queueing under
 * load) for a typical interactive prompt of about 500-1,000 input tokens with warm caches, on
 * data-center GPUs (edge sites run the small class quantized, at similar speed). Non-reasoning
 * models: "thinking" time comes on top.
 *
 * Basis: public API benchmarks (Artificial Analysis medians at 1k input tokens are about 0.3-0.8 s
 * for frontier models and 0.15-0.4 s for 8-70B models, each including the benchmark client's own
 * network and provider queueing, which we remove); a compute-bound prefill estimate (about
 * 2 x active parameters x prompt tokens FLOPs at 30-50% of accelerator peak); MLPerf Inference's
 * interactive TTFT limits (450 ms p99 for Llama 2 70B); and, on device, Apple's reported ~0.6 ms
 * per prompt token for its ~3B model on an iPhone 15 Pro (about 150 ms for a 250-token prompt).
 */
export const TIME_TO_FIRST_TOKEN_MS: Readonly<Record<ServedModelClass, number>> = {
  frontier: 350,
  mid: 150,
  small_domain: 50,
  on_device_small: 150,
};

export const MODEL_PARAMETER_RANGES: Readonly<Record<ServedModelClass, string>> = {
  frontier: "over 100B parameters",
  mid: "10-100B parameters",
  small_domain: "under 10B parameters",
  on_device_small: "about 1-4B parameters, quantized",
};

export const TTFT_SOURCES: readonly Source[] = [
  {
    topic: "time_to_first_token",
    name: "Artificial Analysis: LLM API performance benchmarking methodology and leaderboards",
    url: "https://artificialanalysis.ai/methodology/performance-benchmarking",
    note: "Median (P50, 72 h) time to first token per model and provider at a 1k-input-token workload; includes the client's network and provider queueing.",
  },
  {
    topic: "time_to_first_token",
    name: "MLCommons: MLPerf Inference rules (LLM latency constraints)",
    url: "https://github.com/mlcommons/inference_policies/blob/master/inference_rules.adoc",
    note: "Server and interactive scenarios bound p99 TTFT (2 s server, 450 ms interactive for Llama 2 70B), an upper frame for mid-size models.",
  },
  {
    topic: "time_to_first_token",
    name: "NVIDIA Technical Blog: LLM Inference Benchmarking: Fundamental Concepts",
    url: "https://developer.nvidia.com/blog/llm-benchmarking-fundamental-concepts/",
    note: "Defines TTFT as queueing plus prefill plus network, and how it grows with prompt length and load.",
  },
  {
    topic: "time_to_first_token",
    name: "Apple Machine Learning Research: Introducing Apple's On-Device and Server Foundation Models (2024)",
    url: "https://machinelearning.apple.com/research/introducing-apple-foundation-models",
    note: "About 0.6 ms per prompt token time to first token and about 30 tokens/s for a ~3B model on iPhone 15 Pro.",
  },
];

/** When a profile names no model size, the cloud architectures are assumed to serve this class. */
export const DEFAULT_CLOUD_MODEL_CLASS: ModelSizeId = "mid";

// ---------------------------------------------------------------------------------------------
// (d) Queueing delay by traffic shape and by serving pool
// ---------------------------------------------------------------------------------------------

/**
 * Typical wait in ms before a request is scheduled (a free batch slot and KV-cache memory) at a
 * large, well-run shared pool, by traffic shape. Continuous batching means a request waits at
 * least part of a decode iteration (about 10-50 ms) when the pool is busy; peaks and bursts add
 * waits for capacity while autoscaling catches up.
 */
export const QUEUE_BASE_MS: Readonly<Record<TrafficShapeId, number>> = {
  steady: 5,
  daily_peaks: 15,
  bursty: 40,
  unpredictable: 60,
};

/** The traffic shape assumed when a profile does not give one. */
export const DEFAULT_TRAFFIC_SHAPE: TrafficShapeId = "daily_peaks";

export type ServingPool = "central_pool" | "regional_pool" | "owned_fixed_pool" | "edge_site" | "edge_with_spillover" | "device";

/**
 * Multiplier on QUEUE_BASE_MS by the kind of pool that serves the request.
 *
 * M/M/c intuition (Erlang C): at the same utilization, the chance that a request has to wait and
 * the mean wait both fall steeply as the number of servers c grows, because random bursts from many
 * independent users average out across a big pool (statistical multiplexing). A central pool of
 * hundreds of GPUs absorbs a burst that would saturate an edge site with two. At equal utilization
 * the real ratio would be far larger than these factors; operators run small sites at lower
 * utilization to compensate, so we use modest factors that fold in that extra headroom.
 * A device serves one user and has no shared queue.
 */
export const QUEUE_POOL_FACTOR: Readonly<Record<ServingPool, number>> = {
  central_pool: 1,
  regional_pool: 1.25,
  owned_fixed_pool: 1.5, // cannot burst into rented capacity
  edge_with_spillover: 1.5, // small sites, but overflow goes to the central tier
  edge_site: 2,
  device: 0,
};

/** Which pool serves each architecture's requests (the hybrid's escalated share uses central_pool). */
export const ARCHITECTURE_POOL: Readonly<Record<ArchitectureId, ServingPool>> = {
  central_factory: "central_pool",
  regional_cloud: "regional_pool",
  distributed_edge: "edge_site",
  hybrid_split: "edge_with_spillover",
  sovereign_onprem: "owned_fixed_pool",
  on_device: "device",
};

export const QUEUE_SOURCES: readonly Source[] = [
  {
    topic: "queueing",
    name: "Erlang C formula (M/M/c queue): waiting probability and mean wait",
    url: "https://en.wikipedia.org/wiki/Erlang_(unit)#Erlang_C_formula",
    note: "Why big pools wait less than small ones at the same utilization.",
  },
  {
    topic: "queueing",
    name: "Kwon et al., Efficient Memory Management for Large Language Model Serving with PagedAttention (vLLM), SOSP 2023",
    url: "https://arxiv.org/abs/2309.06180",
    note: "Continuous batching and KV-cache limits: under load, requests wait for memory and batch slots.",
  },
];

// ---------------------------------------------------------------------------------------------
// Hybrid escalation
// ---------------------------------------------------------------------------------------------

/**
 * Share of requests a hybrid's router escalates from the small edge model to a large model. RouteLLM
 * reports keeping about 95% of GPT-4 quality while sending roughly 15-50% of requests to it,
 * depending on the benchmark; 25% is a middle value for mixed enterprise traffic.
 */
export const HYBRID_ESCALATION_SHARE = 0.25;

export const ESCALATION_SOURCES: readonly Source[] = [
  {
    topic: "hybrid_escalation",
    name: "Ong et al., RouteLLM: Learning to Route LLMs with Preference Data (2024)",
    url: "https://arxiv.org/abs/2406.18665",
    note: "Learned routers send a minority of requests to the strong model while keeping most of its quality.",
  },
];

// ---------------------------------------------------------------------------------------------
// (e) Latency budgets
// ---------------------------------------------------------------------------------------------

/** The survey's budget options as the upper bound in ms; "over 1 s" is taken as 2 s. */
export const LATENCY_BUDGET_MS: Readonly<Record<LatencyBudgetId, number>> = {
  lt_100ms: 100,
  "100_250ms": 250,
  "250_500ms": 500,
  "500_1000ms": 1000,
  gt_1s: 2000,
};

// ---------------------------------------------------------------------------------------------
// (f) Users' geography relative to the home region
// ---------------------------------------------------------------------------------------------

/** How many other regions, nearest by round trip, "several regions" adds to the home region. */
export const SEVERAL_REGIONS_EXTRA = 2;

/** Regions ordered by round trip from `from` (itself first), ties broken by REGION_IDS order. */
export function regionsByDistance(from: RegionId): RegionId[] {
  return REGION_IDS.map((region, index) => ({ region, index, rtt: regionRttMs(from, region) }))
    .sort((a, b) => (a.region === from ? -1 : b.region === from ? 1 : a.rtt - b.rtt || a.index - b.index))
    .map((entry) => entry.region);
}

/**
 * The regions a workload's users are in: one metro or one region = the home region only; several
 * regions = home plus the 2 nearest other regions by round trip; global = all 8. Unknown
 * geography is treated as the home region only.
 */
export function userRegionsFor(geography: UserGeographyId | null, home: RegionId): RegionId[] {
  switch (geography) {
    case "global":
      return [...REGION_IDS];
    case "several_regions":
      return regionsByDistance(home).slice(0, 1 + SEVERAL_REGIONS_EXTRA);
    case "one_metro":
    case "one_region":
    case null:
      return [home];
  }
}

/** The central hub nearest to a region by round trip (the region itself when it is a hub). */
export function nearestHub(region: RegionId): RegionId {
  const ordered = regionsByDistance(region);
  return ordered.find((candidate) => CENTRAL_HUB_REGIONS.includes(candidate)) ?? DEFAULT_HOME_REGION;
}

/** Every source the latency model relies on, each with the topic it supports (for a methodology view). */
export const sources: readonly Source[] = [...RTT_SOURCES, ...ACCESS_SOURCES, ...TTFT_SOURCES, ...QUEUE_SOURCES, ...ESCALATION_SOURCES];
