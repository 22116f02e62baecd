// The recommender: a data-driven rule engine plus a latency-fit score from ./latency.
//
// Each rule is data: a declarative condition over the profile, score deltas per architecture and a
// reason template. A fired rule adds its deltas and attaches its reason to every architecture it
// names (a rule can help some architectures and hurt others with one explanation). On top, each
// architecture whose estimated worst-case first token misses the latency budget loses points in
// proportion to the overshoot, with a generated reason naming the region and the cause.
//
// Deterministic: the profile is normalized first (known ids only, in instrument order), rules run in
// array order, and ties in score fall back to the catalog order (ARCHITECTURE_IDS).
import {
  ACCESS_RTT_MS,
  HYBRID_ESCALATION_SHARE,
  MODEL_PARAMETER_RANGES,
  REGION_IDS,
  REGION_NAMES,
  TIME_TO_FIRST_TOKEN_MS,
  nearestHub,
  regionRttMs,
  type RegionId,
} from "./assumptions";
import { ARCHITECTURE_IDS, getArchitecture, isArchitectureId, type ArchitectureId } from "./catalog";
import {
  budgetMsOf,
  estimateLatency,
  resolveHomeRegion,
  trafficShapeOf,
  userRegionsOf,
  worstRegion,
  type LatencyEstimate,
} from "./latency";
import { codesOf, emptyProfile, normalizeProfile, type MultiField, type SingleField, type WorkloadProfile } from "./profile";

// ---------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------

export type Condition =
  | { field: SingleField; in: readonly string[] }
  | { field: SingleField; isNull: true }
  | { field: MultiField; includesAny: readonly string[] }
  | { field: MultiField; includesAll: readonly string[] }
  | { field: MultiField; isEmpty: true }
  | { field: "sovereignty"; equals: boolean }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

export function evaluateCondition(condition: Condition, profile: WorkloadProfile): boolean {
  if ("all" in condition) return condition.all.every((c) => evaluateCondition(c, profile));
  if ("any" in condition) return condition.any.some((c) => evaluateCondition(c, profile));
  if ("not" in condition) return !evaluateCondition(condition.not, profile);
  if ("equals" in condition) return profile.sovereignty === condition.equals;
  if ("in" in condition) {
    const value = profile[condition.field];
    return value !== null && condition.in.includes(value);
  }
  if ("isNull" in condition) return profile[condition.field] === null;
  const values = profile[condition.field];
  if ("includesAny" in condition) return condition.includesAny.some((id) => values.includes(id));
  if ("includesAll" in condition) return condition.includesAll.every((id) => values.includes(id));
  return values.length === 0;
}

// ---------------------------------------------------------------------------------------------
// Reason templates
// ---------------------------------------------------------------------------------------------

export const TEMPLATE_KEYS = [
  "budgetLabel",
  "budgetMs",
  "geography",
  "homeRegion",
  "homeRttMs",
  "userRegions",
  "userRegionCount",
  "farthestRegion",
  "farthestRttMs",
  "inRegionRttRange",
  "edgeAccessMs",
  "smallTtftMs",
  "midTtftMs",
  "frontierTtftMs",
  "onDeviceTtftMs",
  "escalationPct",
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
export type TemplateContext = Record<TemplateKey, string>;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Replaces {key} with the context's value; unknown keys are left as they are. */
export function interpolate(template: string, context: TemplateContext): string {
  return template.replace(PLACEHOLDER, (match, key: string) =>
    (TEMPLATE_KEYS as readonly string[]).includes(key) ? context[key as TemplateKey] : match,
  );
}

/** A region code's display name (e.g. "Southeast Asia & Oceania"). */
export function regionLabel(region: string): string {
  return REGION_NAMES[region as RegionId] ?? region;
}

const BUDGET_PHRASE: Record<string, string> = {
  lt_100ms: "under 100 ms",
  "100_250ms": "under 250 ms",
  "250_500ms": "under 500 ms",
  "500_1000ms": "under 1 s",
  gt_1s: "over 1 s",
};

const GEOGRAPHY_PHRASE: Record<string, string> = {
  one_metro: "in one metro area",
  one_region: "in one region",
  several_regions: "in several regions",
  global: "global",
};

function listLabels(labels: string[]): string {
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1] ?? ""}`;
}

/** Values the reason templates may use, from a normalized profile. */
export function templateContext(profile: WorkloadProfile): TemplateContext {
  const home = resolveHomeRegion(profile);
  const regions = userRegionsOf(profile);
  const farthest = REGION_IDS.reduce<RegionId>(
    (best, region) => (regionRttMs(home, region) > regionRttMs(home, best) ? region : best),
    home,
  );
  const inRegion = REGION_IDS.map((region) => regionRttMs(region, region));
  const budgetMs = budgetMsOf(profile.latencyBudget);
  return {
    budgetLabel: profile.latencyBudget ? (BUDGET_PHRASE[profile.latencyBudget] ?? "unknown") : "not given",
    budgetMs: budgetMs === null ? "unknown" : String(budgetMs),
    geography: profile.userGeography ? (GEOGRAPHY_PHRASE[profile.userGeography] ?? "unknown") : `in ${regionLabel(home)}`,
    homeRegion: regionLabel(home),
    homeRttMs: String(regionRttMs(home, home)),
    userRegions: listLabels(regions.map(regionLabel)),
    userRegionCount: String(regions.length),
    farthestRegion: regionLabel(farthest),
    farthestRttMs: String(regionRttMs(home, farthest)),
    inRegionRttRange: `${Math.min(...inRegion)}-${Math.max(...inRegion)}`,
    edgeAccessMs: String(ACCESS_RTT_MS.edgeSite),
    smallTtftMs: String(TIME_TO_FIRST_TOKEN_MS.small_domain),
    midTtftMs: String(TIME_TO_FIRST_TOKEN_MS.mid),
    frontierTtftMs: String(TIME_TO_FIRST_TOKEN_MS.frontier),
    onDeviceTtftMs: String(TIME_TO_FIRST_TOKEN_MS.on_device_small),
    escalationPct: String(Math.round(HYBRID_ESCALATION_SHARE * 100)),
  };
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

export interface Rule {
  id: string;
  when: Condition;
  /** Score deltas; the reason is attached to every architecture listed here (0 included). */
  scores: Partial<Record<ArchitectureId, number>>;
  /** Plain-English reason with {placeholders} from TEMPLATE_KEYS. */
  reason: string;
}

const infraRule = (option: string, scores: Rule["scores"], reason: string): Rule => ({
  id: `infra_${option}`,
  when: {
    any: [
      { field: "infraCurrent", includesAny: [option] },
      { field: "infraPlanned", includesAny: [option] },
    ],
  },
  scores,
  reason,
});

export const RULES: readonly Rule[] = [
  {
    id: "no_information",
    when: {
      all: [
        { field: "workloads", isEmpty: true },
        { field: "modelSizes", isEmpty: true },
        { field: "infraCurrent", isEmpty: true },
        { field: "infraPlanned", isEmpty: true },
        { field: "latencyBudget", isNull: true },
        { field: "userGeography", isNull: true },
        { field: "trafficShape", isNull: true },
        { field: "sovereignty", equals: false },
      ],
    },
    scores: { regional_cloud: 2, central_factory: 1.5, hybrid_split: 1, sovereign_onprem: 0.5, distributed_edge: 0, on_device: 0 },
    reason:
      "There is not enough information in your answers to tailor this: without your workloads, latency budget, users' locations " +
      "or model sizes, this is a general default that starts from managed cloud options and ranks the specialized ones last.",
  },
  {
    id: "batch_throughput",
    when: { field: "workloads", includesAny: ["batch_analytics"] },
    scores: { central_factory: 3, sovereign_onprem: 1, distributed_edge: -2, on_device: -2 },
    reason:
      "Batch analytics is throughput-bound, not latency-bound: a large central pool runs it at the lowest cost per token and " +
      "fills otherwise idle GPU hours, while edge sites and devices add nothing.",
  },
  {
    id: "interactive_chat",
    when: { field: "workloads", includesAny: ["realtime_chat"] },
    scores: { regional_cloud: 2, hybrid_split: 2, distributed_edge: 1 },
    reason:
      "Real-time chat has a person waiting on every request, and time to first token is what they feel: serving close to users pays off directly.",
  },
  {
    id: "agents_chain_calls",
    when: { field: "workloads", includesAny: ["autonomous_agents"] },
    scores: { regional_cloud: 2, hybrid_split: 1, central_factory: 1, on_device: -1 },
    reason:
      "Agents chain many model and tool calls per task, often ten or more in sequence, so every network round trip is paid many " +
      "times; they also tend to need capable mid-size or frontier models next to your systems and data.",
  },
  {
    id: "rag_near_data",
    when: { field: "workloads", includesAny: ["search_rag"] },
    scores: { regional_cloud: 1, hybrid_split: 1, sovereign_onprem: 1 },
    reason:
      "Search and RAG retrieve documents before the model starts: keeping the index, the documents and the model in the same " +
      "region avoids extra round trips and keeps documents where they are governed.",
  },
  {
    id: "on_device_workload",
    when: { field: "workloads", includesAny: ["on_device"] },
    scores: { on_device: 4, hybrid_split: 1, distributed_edge: 1 },
    reason:
      "You run on-device or embedded workloads: a model on the device removes the network entirely (first token in about " +
      "{onDeviceTtftMs} ms on a recent phone) and keeps working offline, with edge or cloud as the fallback.",
  },
  {
    id: "tight_budget",
    when: { field: "latencyBudget", in: ["lt_100ms", "100_250ms"] },
    scores: { distributed_edge: 2, hybrid_split: 2, on_device: 1, central_factory: -2, sovereign_onprem: -1 },
    reason:
      "A budget {budgetLabel} leaves little room for the network: an edge site about {edgeAccessMs} ms away plus a small model " +
      "(first token in about {smallTtftMs} ms) fits, while an in-region cloud round trip already takes {inRegionRttRange} ms " +
      "and a large model's first token {midTtftMs}-{frontierTtftMs} ms.",
  },
  {
    id: "relaxed_budget",
    when: { field: "latencyBudget", in: ["500_1000ms", "gt_1s"] },
    scores: { central_factory: 2, regional_cloud: 1, distributed_edge: -1 },
    reason:
      "With a budget {budgetLabel}, a few hundred milliseconds of network are affordable, so cost per token, model quality and " +
      "simplicity matter more than distance, which favors pooling capacity centrally.",
  },
  {
    id: "global_users",
    when: { field: "userGeography", in: ["global"] },
    scores: { distributed_edge: 2, hybrid_split: 2, regional_cloud: 1, central_factory: -2, sovereign_onprem: -2 },
    reason:
      "Your users are global: served from one site in {homeRegion}, users in {farthestRegion} wait about {farthestRttMs} ms per " +
      "round trip before the model even starts, so serving from many regions or edge locations matters.",
  },
  {
    id: "several_regions",
    when: { field: "userGeography", in: ["several_regions"] },
    scores: { regional_cloud: 2, hybrid_split: 1, central_factory: -1 },
    reason:
      "Your users are in several regions (we assume {userRegions}): an endpoint in each keeps round trips in-region, about " +
      "{inRegionRttRange} ms, without running a full edge fleet.",
  },
  {
    id: "local_users",
    when: { field: "userGeography", in: ["one_metro", "one_region"] },
    scores: { central_factory: 1, regional_cloud: 1, sovereign_onprem: 1, distributed_edge: -1 },
    reason:
      "Your users are {geography}: one well-placed site in {homeRegion} reaches them in about {homeRttMs} ms, so many edge " +
      "locations would add operations without much latency gain.",
  },
  {
    id: "bursty_traffic",
    when: { field: "trafficShape", in: ["bursty", "unpredictable"] },
    scores: { central_factory: 2, regional_cloud: 1, sovereign_onprem: -2, distributed_edge: -1 },
    reason:
      "Bursty or unpredictable traffic needs a big shared pool or cloud elasticity: fixed capacity must be sized for the peak " +
      "and sits idle otherwise, and small sites queue requests during bursts.",
  },
  {
    id: "steady_traffic",
    when: { field: "trafficShape", in: ["steady"] },
    scores: { sovereign_onprem: 2, central_factory: 1 },
    reason: "Steady traffic keeps owned or reserved GPUs busy around the clock, which is when dedicated capacity is cheapest per token.",
  },
  {
    id: "frontier_models",
    when: { field: "modelSizes", includesAny: ["frontier"] },
    scores: { central_factory: 2, regional_cloud: 1, hybrid_split: 1, distributed_edge: -2, on_device: -3 },
    reason:
      "Frontier models (over 100B parameters) need multi-GPU servers with hundreds of gigabytes of accelerator memory and take " +
      "about {frontierTtftMs} ms to a first token: they run in cloud regions or large owned clusters, not at edge sites or on " +
      "devices.",
  },
  {
    id: "frontier_only",
    when: {
      all: [{ field: "modelSizes", includesAny: ["frontier"] }, { not: { field: "modelSizes", includesAny: ["mid", "small_domain"] } }],
    },
    scores: { distributed_edge: -2, on_device: -2, hybrid_split: -1 },
    reason:
      "You listed only frontier models, so an edge or on-device tier would first need a small model you do not use yet; a " +
      "hybrid pays off once a small model can answer the easy requests.",
  },
  {
    id: "small_models",
    when: { field: "modelSizes", includesAny: ["small_domain"] },
    scores: { distributed_edge: 2, on_device: 2, hybrid_split: 2 },
    reason:
      "Small domain models (under 10B parameters) fit one edge GPU or a device when quantized and reach a first token in about " +
      "{smallTtftMs} ms, which makes serving close to users practical.",
  },
  {
    id: "mid_models",
    when: { field: "modelSizes", includesAny: ["mid"] },
    scores: { regional_cloud: 1, sovereign_onprem: 1 },
    reason:
      "Mid-size models (10-100B parameters) fit on one or two data-center GPUs when quantized (first token in about {midTtftMs} " +
      "ms), which suits regional endpoints and owned clusters alike.",
  },
  {
    id: "sovereignty",
    when: { field: "sovereignty", equals: true },
    scores: { sovereign_onprem: 4, on_device: 2, regional_cloud: 1, central_factory: -2, distributed_edge: -1 },
    reason:
      "Data privacy, sovereignty or compliance is among your concerns: inference on infrastructure you control, in the " +
      "jurisdiction where the data is regulated, is the simplest residency story to prove, and one central region in another " +
      "jurisdiction is the hardest.",
  },
  {
    id: "sovereignty_spread_users",
    when: {
      all: [
        { field: "sovereignty", equals: true },
        { field: "userGeography", in: ["several_regions", "global"] },
      ],
    },
    scores: { regional_cloud: 2, sovereign_onprem: -1 },
    reason:
      "Residency rules plus users in several regions usually mean processing each region's data inside that region: regional " +
      "endpoints under local jurisdiction do this without building your own data center in every region.",
  },
  {
    id: "on_device_without_small_model",
    when: {
      all: [
        { field: "workloads", includesAny: ["on_device"] },
        { not: { field: "modelSizes", isEmpty: true } },
        { not: { field: "modelSizes", includesAny: ["small_domain"] } },
      ],
    },
    scores: { hybrid_split: 2, on_device: -2 },
    reason:
      "You run on-device workloads but listed only models of 10B parameters or more, which do not fit on devices: a hybrid " +
      "split (a small model on the device or edge, larger models in the cloud) is the usual bridge.",
  },
  infraRule(
    "central_cloud",
    { central_factory: 1, regional_cloud: 1 },
    "You run or plan inference in a centralized cloud region: building on it reuses your contracts, tooling and skills.",
  ),
  infraRule(
    "on_prem_gpu",
    { sovereign_onprem: 1.5 },
    "You run or plan an on-premises GPU cluster: building on it reuses hardware you already pay for and the team that runs it.",
  ),
  infraRule(
    "distributed_edge",
    { distributed_edge: 1.5, hybrid_split: 0.5 },
    "You run or plan distributed edge infrastructure: the sites, deployment tooling and monitoring carry over to edge inference.",
  ),
  infraRule(
    "hybrid",
    { hybrid_split: 1.5 },
    "You run or plan a hybrid of edge and central: adding a router and an escalation policy builds directly on it.",
  ),
  infraRule(
    "on_device",
    { on_device: 1.5 },
    "You run or plan on-device inference: the model packaging and update pipeline you have carries over.",
  ),
];

/** Problems with a rule set (empty when valid): ids, option ids per field, architectures, placeholders. */
export function validateRules(rules: readonly Rule[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const checkCondition = (rule: Rule, condition: Condition): void => {
    if ("all" in condition) return condition.all.forEach((c) => checkCondition(rule, c));
    if ("any" in condition) return condition.any.forEach((c) => checkCondition(rule, c));
    if ("not" in condition) return checkCondition(rule, condition.not);
    if ("equals" in condition || "isNull" in condition || "isEmpty" in condition) return;
    const listed = "in" in condition ? condition.in : "includesAny" in condition ? condition.includesAny : condition.includesAll;
    const known = codesOf(condition.field);
    if (listed.length === 0) problems.push(`${rule.id}: empty option list for ${condition.field}`);
    for (const code of listed) {
      if (!known.includes(code)) problems.push(`${rule.id}: ${code} is not an option code of ${condition.field}`);
    }
  };
  for (const rule of rules) {
    if (!/^[a-z][a-z0-9_]*$/.test(rule.id)) problems.push(`${rule.id}: id must be lower_snake_case`);
    if (seen.has(rule.id)) problems.push(`${rule.id}: duplicate rule id`);
    seen.add(rule.id);
    checkCondition(rule, rule.when);
    const entries = Object.entries(rule.scores);
    if (entries.length === 0) problems.push(`${rule.id}: scores name no architecture`);
    for (const [id, delta] of entries) {
      if (!isArchitectureId(id)) problems.push(`${rule.id}: unknown architecture ${id}`);
      if (typeof delta !== "number" || !Number.isFinite(delta)) problems.push(`${rule.id}: delta for ${id} is not a number`);
    }
    for (const match of rule.reason.matchAll(PLACEHOLDER)) {
      const key = match[1] ?? "";
      if (!(TEMPLATE_KEYS as readonly string[]).includes(key)) problems.push(`${rule.id}: unknown placeholder {${key}}`);
    }
  }
  return problems;
}

const ruleProblems = validateRules(RULES);
if (ruleProblems.length > 0) throw new Error(`Invalid recommendation rules: ${ruleProblems.join("; ")}`);

// ---------------------------------------------------------------------------------------------
// Latency fit
// ---------------------------------------------------------------------------------------------

/** Points lost for missing the budget: BASE + PER_BUDGET x (overshoot / budget), at most MAX. */
export const LATENCY_MISS_BASE = 1;
export const LATENCY_MISS_PER_BUDGET = 3;
export const LATENCY_MISS_MAX = 5;
/** Points for meeting the budget in every user region. */
export const LATENCY_FIT_BONUS = 1;

const round1 = (value: number) => Math.round(value * 10) / 10;

export function latencyDelta(estimate: LatencyEstimate): number {
  if (estimate.budgetMs === null || estimate.meetsBudget === null) return 0;
  if (estimate.meetsBudget) return LATENCY_FIT_BONUS;
  const overshoot = (estimate.worstMs - estimate.budgetMs) / estimate.budgetMs;
  return -round1(Math.min(LATENCY_MISS_MAX, LATENCY_MISS_BASE + LATENCY_MISS_PER_BUDGET * overshoot));
}

/** A latency component this large a share of the budget is named in the reason. */
const SIGNIFICANT_SHARE_OF_BUDGET = 0.25;

const MODEL_CLASS_NAME: Record<string, string> = {
  frontier: "frontier",
  mid: "mid-size",
  small_domain: "small",
  on_device_small: "small on-device",
};

const TRAFFIC_PHRASE: Record<string, string> = {
  steady: "steady",
  daily_peaks: "peaky",
  bursty: "bursty",
  unpredictable: "unpredictable",
};

function siteOf(id: ArchitectureId, profile: WorkloadProfile): string {
  const home = resolveHomeRegion(profile);
  switch (id) {
    case "central_factory":
      return `a single central region in ${regionLabel(nearestHub(home))}`;
    case "sovereign_onprem":
      return `serving everyone from ${regionLabel(home)}`;
    case "regional_cloud":
      return "the in-region cloud endpoint";
    case "distributed_edge":
      return "the nearest edge site";
    case "hybrid_split":
      return `the edge plus escalating ${Math.round(HYBRID_ESCALATION_SHARE * 100)}% of requests to a central hub`;
    case "on_device":
      return "the device";
  }
}

/** Why an architecture meets or misses the budget, naming the worst region and the biggest cause. */
export function latencyReason(
  id: ArchitectureId,
  estimate: LatencyEstimate,
  profile: WorkloadProfile,
  context: TemplateContext,
): string | null {
  const worst = worstRegion(estimate);
  if (estimate.budgetMs === null || worst === undefined) return null;
  const where = regionLabel(worst.region);
  if (estimate.meetsBudget) {
    return `Estimated first token within your budget (${context.budgetLabel}) for all your users: about ${worst.totalMs} ms at worst, for users in ${where}.`;
  }
  const lead = `Your users are ${context.geography} and your budget is ${context.budgetLabel}`;
  if (id === "hybrid_split" && estimate.escalation) {
    const e = estimate.escalation;
    return (
      `${lead}: requests answered at the edge take about ${e.edgeWorstMs} ms, but the ${Math.round(e.share * 100)}% ` +
      `escalated to a ${MODEL_CLASS_NAME[e.modelClass] ?? e.modelClass} model take up to about ${e.escalatedWorstMs} ` +
      `ms, about ${worst.totalMs} ms on average for users in ${where}.`
    );
  }
  const causes: { ms: number; text: string }[] = [
    { ms: worst.networkMs, text: `${siteOf(id, profile)} adds about ${worst.networkMs} ms round trip for users in ${where}` },
    {
      ms: worst.queueMs,
      text: `with ${TRAFFIC_PHRASE[trafficShapeOf(profile)] ?? "variable"} traffic, queueing adds about ${worst.queueMs} ms`,
    },
    {
      ms: worst.firstTokenMs,
      text:
        `a ${MODEL_CLASS_NAME[estimate.modelClass] ?? estimate.modelClass} model ` +
        `(${MODEL_PARAMETER_RANGES[estimate.modelClass]}) takes about ${worst.firstTokenMs} ms to a first token on its ` +
        `own`,
    },
  ];
  // Name the largest cause, and the second largest too when it takes a quarter of the budget or more.
  const named = causes
    .map((cause, order) => ({ ...cause, order }))
    .filter((cause) => cause.ms > 0)
    .sort((a, b) => b.ms - a.ms || a.order - b.order)
    .filter((cause, index) => index === 0 || (index === 1 && cause.ms >= SIGNIFICANT_SHARE_OF_BUDGET * (estimate.budgetMs ?? 0)));
  const inAll = `about ${worst.totalMs} ms to a first token in all${named.some((c) => c.order === 0) ? "" : ` for users in ${where}`}`;
  return `${lead}: ${named.map((cause) => cause.text).join("; ")}, ${inAll}.`;
}

// ---------------------------------------------------------------------------------------------
// Trade-offs
// ---------------------------------------------------------------------------------------------

function tradeoffOf(id: ArchitectureId, estimate: LatencyEstimate, profile: WorkloadProfile): string {
  const worst = worstRegion(estimate);
  const worstText = worst ? `about ${worst.totalMs} ms to a first token at worst, for users in ${regionLabel(worst.region)}` : "";
  const home = regionLabel(resolveHomeRegion(profile));
  switch (id) {
    case "central_factory":
      return `Lowest cost per token and one deployment to run, paid for in distance: ${worstText}.`;
    case "regional_cloud":
      return `Users stay in-region without you owning hardware, but capacity is split across regions and each needs headroom; ${worstText}.`;
    case "distributed_edge":
      return `The shortest network path, but only small models fit and every site is a small pool you must operate; ${worstText}.`;
    case "hybrid_split": {
      const e = estimate.escalation;
      const split = e
        ? `most requests come back from the edge in about ${e.edgeWorstMs} ms, the ${Math.round(e.share * 100)}% that ` +
          `escalate in up to about ${e.escalatedWorstMs} ms`
        : worstText;
      return `Large-model quality where it is needed and edge speed elsewhere, at the cost of two tiers and a router to run; ${split}.`;
    }
    case "sovereign_onprem":
      return `Full control of data in ${home} and the lowest cost when GPUs stay busy, but capacity is fixed and distant users wait longer; ${worstText}.`;
    case "on_device":
      return `No network and no per-request cost, but only small models on the weakest device you support, and updates ship with the app; ${worstText}.`;
  }
}

// ---------------------------------------------------------------------------------------------
// Recommend
// ---------------------------------------------------------------------------------------------

export interface RankedArchitecture {
  id: ArchitectureId;
  name: string;
  score: number;
  reasons: string[];
  tradeoff: string;
  latency: LatencyEstimate;
}

export interface Recommendation {
  ranked: RankedArchitecture[];
  rulesFired: string[];
}

interface Contribution {
  delta: number;
  order: number;
  text: string;
}

/** Ranks the six architectures for a profile. Deterministic, never throws on odd input. */
export function recommend(input: WorkloadProfile): Recommendation {
  const profile = normalizeProfile((input as WorkloadProfile | null | undefined) ?? emptyProfile());
  const context = templateContext(profile);
  const contributions = new Map<ArchitectureId, Contribution[]>(ARCHITECTURE_IDS.map((id) => [id, []]));
  const rulesFired: string[] = [];
  let order = 0;

  for (const rule of RULES) {
    if (!evaluateCondition(rule.when, profile)) continue;
    rulesFired.push(rule.id);
    const text = interpolate(rule.reason, context);
    for (const id of ARCHITECTURE_IDS) {
      const delta = rule.scores[id];
      if (delta !== undefined) contributions.get(id)?.push({ delta, order: order++, text });
    }
  }

  const estimates = new Map<ArchitectureId, LatencyEstimate>(ARCHITECTURE_IDS.map((id) => [id, estimateLatency(id, profile)]));
  for (const id of ARCHITECTURE_IDS) {
    const estimate = estimates.get(id);
    if (!estimate) continue;
    const text = latencyReason(id, estimate, profile, context);
    if (text === null) continue;
    if (estimate.meetsBudget === false) rulesFired.push(`latency_over_budget:${id}`);
    contributions.get(id)?.push({ delta: latencyDelta(estimate), order: order++, text });
  }

  const budgetKnown = profile.latencyBudget !== null;
  const allMiss = budgetKnown && [...estimates.values()].every((estimate) => estimate.meetsBudget === false);
  if (allMiss) {
    rulesFired.push("no_architecture_meets_budget");
    const closest = ARCHITECTURE_IDS.reduce((best, id) =>
      (estimates.get(id)?.worstMs ?? Infinity) < (estimates.get(best)?.worstMs ?? Infinity) ? id : best,
    );
    const text =
      `No architecture meets a budget ${context.budgetLabel} for all your users with the models you listed; the ` +
      `closest is ${getArchitecture(closest)?.name ?? closest} at about ${estimates.get(closest)?.worstMs ?? 0} ms. A ` +
      `smaller model for the first response, streaming an early partial answer, or a looser budget would close the ` +
      `gap.`;
    for (const id of ARCHITECTURE_IDS) contributions.get(id)?.push({ delta: 0, order: order++, text });
  }

  const ranked = ARCHITECTURE_IDS.map((id, index): RankedArchitecture & { index: number } => {
    const items = [...(contributions.get(id) ?? [])].sort((a, b) => b.delta - a.delta || a.order - b.order);
    const estimate = estimates.get(id) ?? estimateLatency(id, profile);
    return {
      index,
      id,
      name: getArchitecture(id)?.name ?? id,
      score: round1(items.reduce((sum, item) => sum + item.delta, 0)),
      reasons: [...new Set(items.map((item) => item.text))],
      tradeoff: tradeoffOf(id, estimate, profile),
      latency: estimate,
    };
  })
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ index: _index, ...entry }) => entry);

  return { ranked, rulesFired };
}
