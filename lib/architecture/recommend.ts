// The recommender: a data-driven rule engine plus a latency-fit score from ./latency.
//
// Each rule is data: a declarative condition over the profile, score deltas per architecture and a
// reason: a message of the catalogs' "reasons" namespace (./reasons.ts) whose {placeholders} are
// TEMPLATE_KEYS. A fired rule adds its deltas and attaches its reason to every architecture it
// names (a rule can help some architectures and hurt others with one explanation). On top, each
// architecture whose estimated worst-case first token misses the latency budget loses points in
// proportion to the overshoot, with a generated reason naming the region and the cause.
//
// Deterministic: the profile is normalized first (known ids only, in instrument order), rules run in
// array order, and ties in score fall back to the catalog order (ARCHITECTURE_IDS).
import {
  ACCESS_RTT_MS,
  HYBRID_ESCALATION_SHARE,
  REGION_IDS,
  REGION_NAMES,
  TIME_TO_FIRST_TOKEN_MS,
  nearestHub,
  regionRttMs,
  type RegionId,
} from "./assumptions";
import { ARCHITECTURE_IDS, getArchitecture, isArchitectureId, type ArchitectureId } from "./catalog";
import { estimateLatency, resolveHomeRegion, trafficShapeOf, userRegionsOf, worstRegion, type LatencyEstimate } from "./latency";
import { codesOf, emptyProfile, normalizeProfile, type MultiField, type SingleField, type WorkloadProfile } from "./profile";
import {
  ENGLISH_REASONS,
  englishReason,
  englishValue,
  reasonMessage,
  type ReasonKey,
  type ReasonMessage,
  type ReasonValue,
} from "./reasons";

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
  "geography",
  "homeRegion",
  "homeRttMs",
  "userRegions",
  "userRegionCount",
  "farthestRegion",
  "farthestRttMs",
  "inRegionRttMin",
  "inRegionRttMax",
  "edgeAccessMs",
  "smallTtftMs",
  "midTtftMs",
  "frontierTtftMs",
  "onDeviceTtftMs",
  "escalationShare",
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
export type TemplateValues = Record<TemplateKey, ReasonValue>;
/** The same values as English text (the findings' own sentences use them). */
export type TemplateContext = Record<TemplateKey, string>;

/** A region code's English display name (e.g. "Southeast Asia & Oceania"). */
export function regionLabel(region: string): string {
  return REGION_NAMES[region as RegionId] ?? region;
}

/** The budget as a phrase ("under 250 ms"), its figure formatted by the message. */
const BUDGET_PHRASE: Record<string, ReasonMessage> = {
  lt_100ms: reasonMessage("budgetUnderMs", { ms: 100 }),
  "100_250ms": reasonMessage("budgetUnderMs", { ms: 250 }),
  "250_500ms": reasonMessage("budgetUnderMs", { ms: 500 }),
  "500_1000ms": reasonMessage("budgetUnderS", { s: 1 }),
  gt_1s: reasonMessage("budgetOverS", { s: 1 }),
};

const GEOGRAPHY_PHRASE: Record<string, ReasonKey> = {
  one_metro: "geographyOneMetro",
  one_region: "geographyOneRegion",
  several_regions: "geographySeveralRegions",
  global: "geographyGlobal",
};

const budgetPhrase = (profile: WorkloadProfile): ReasonMessage =>
  (profile.latencyBudget ? BUDGET_PHRASE[profile.latencyBudget] : undefined) ?? reasonMessage("budgetNotGiven");

function geographyPhrase(profile: WorkloadProfile): ReasonMessage {
  const key = profile.userGeography ? GEOGRAPHY_PHRASE[profile.userGeography] : undefined;
  return key ? reasonMessage(key) : reasonMessage("geographyIn", { region: { region: resolveHomeRegion(profile) } });
}

/** Values the reason messages may use, from a normalized profile. */
export function templateValues(profile: WorkloadProfile): TemplateValues {
  const home = resolveHomeRegion(profile);
  const regions = userRegionsOf(profile);
  const farthest = REGION_IDS.reduce<RegionId>(
    (best, region) => (regionRttMs(home, region) > regionRttMs(home, best) ? region : best),
    home,
  );
  const inRegion = REGION_IDS.map((region) => regionRttMs(region, region));
  return {
    budgetLabel: budgetPhrase(profile),
    geography: geographyPhrase(profile),
    homeRegion: { region: home },
    homeRttMs: regionRttMs(home, home),
    userRegions: { regions },
    userRegionCount: regions.length,
    farthestRegion: { region: farthest },
    farthestRttMs: regionRttMs(home, farthest),
    inRegionRttMin: Math.min(...inRegion),
    inRegionRttMax: Math.max(...inRegion),
    edgeAccessMs: ACCESS_RTT_MS.edgeSite,
    smallTtftMs: TIME_TO_FIRST_TOKEN_MS.small_domain,
    midTtftMs: TIME_TO_FIRST_TOKEN_MS.mid,
    frontierTtftMs: TIME_TO_FIRST_TOKEN_MS.frontier,
    onDeviceTtftMs: TIME_TO_FIRST_TOKEN_MS.on_device_small,
    escalationShare: HYBRID_ESCALATION_SHARE,
  };
}

/** The template values in English words ("under 250 ms", "in one region", "North America"). */
export function templateContext(profile: WorkloadProfile): TemplateContext {
  const values = templateValues(profile);
  return Object.fromEntries(TEMPLATE_KEYS.map((key) => [key, englishValue(values[key])])) as TemplateContext;
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

export interface Rule {
  id: string;
  when: Condition;
  /** Score deltas; the reason is attached to every architecture listed here (0 included). */
  scores: Partial<Record<ArchitectureId, number>>;
  /** The reason's message in the "reasons" namespace; its {placeholders} are TEMPLATE_KEYS. */
  reason: ReasonKey;
}

const infraRule = (option: string, scores: Rule["scores"], reason: ReasonKey): Rule => ({
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
    reason: "noInformation",
  },
  {
    id: "batch_throughput",
    when: { field: "workloads", includesAny: ["batch_analytics"] },
    scores: { central_factory: 3, sovereign_onprem: 1, distributed_edge: -2, on_device: -2 },
    reason: "batchThroughput",
  },
  {
    id: "interactive_chat",
    when: { field: "workloads", includesAny: ["realtime_chat"] },
    scores: { regional_cloud: 2, hybrid_split: 2, distributed_edge: 1 },
    reason: "interactiveChat",
  },
  {
    id: "agents_chain_calls",
    when: { field: "workloads", includesAny: ["autonomous_agents"] },
    scores: { regional_cloud: 2, hybrid_split: 1, central_factory: 1, on_device: -1 },
    reason: "agentsChainCalls",
  },
  {
    id: "rag_near_data",
    when: { field: "workloads", includesAny: ["search_rag"] },
    scores: { regional_cloud: 1, hybrid_split: 1, sovereign_onprem: 1 },
    reason: "ragNearData",
  },
  {
    id: "on_device_workload",
    when: { field: "workloads", includesAny: ["on_device"] },
    scores: { on_device: 4, hybrid_split: 1, distributed_edge: 1 },
    reason: "onDeviceWorkload",
  },
  {
    id: "tight_budget",
    when: { field: "latencyBudget", in: ["lt_100ms", "100_250ms"] },
    scores: { distributed_edge: 2, hybrid_split: 2, on_device: 1, central_factory: -2, sovereign_onprem: -1 },
    reason: "tightBudget",
  },
  {
    id: "relaxed_budget",
    when: { field: "latencyBudget", in: ["500_1000ms", "gt_1s"] },
    scores: { central_factory: 2, regional_cloud: 1, distributed_edge: -1 },
    reason: "relaxedBudget",
  },
  {
    id: "global_users",
    when: { field: "userGeography", in: ["global"] },
    scores: { distributed_edge: 2, hybrid_split: 2, regional_cloud: 1, central_factory: -2, sovereign_onprem: -2 },
    reason: "globalUsers",
  },
  {
    id: "several_regions",
    when: { field: "userGeography", in: ["several_regions"] },
    scores: { regional_cloud: 2, hybrid_split: 1, central_factory: -1 },
    reason: "severalRegions",
  },
  {
    id: "local_users",
    when: { field: "userGeography", in: ["one_metro", "one_region"] },
    scores: { central_factory: 1, regional_cloud: 1, sovereign_onprem: 1, distributed_edge: -1 },
    reason: "localUsers",
  },
  {
    id: "bursty_traffic",
    when: { field: "trafficShape", in: ["bursty", "unpredictable"] },
    scores: { central_factory: 2, regional_cloud: 1, sovereign_onprem: -2, distributed_edge: -1 },
    reason: "burstyTraffic",
  },
  {
    id: "steady_traffic",
    when: { field: "trafficShape", in: ["steady"] },
    scores: { sovereign_onprem: 2, central_factory: 1 },
    reason: "steadyTraffic",
  },
  {
    id: "frontier_models",
    when: { field: "modelSizes", includesAny: ["frontier"] },
    scores: { central_factory: 2, regional_cloud: 1, hybrid_split: 1, distributed_edge: -2, on_device: -3 },
    reason: "frontierModels",
  },
  {
    id: "frontier_only",
    when: {
      all: [{ field: "modelSizes", includesAny: ["frontier"] }, { not: { field: "modelSizes", includesAny: ["mid", "small_domain"] } }],
    },
    scores: { distributed_edge: -2, on_device: -2, hybrid_split: -1 },
    reason: "frontierOnly",
  },
  {
    id: "small_models",
    when: { field: "modelSizes", includesAny: ["small_domain"] },
    scores: { distributed_edge: 2, on_device: 2, hybrid_split: 2 },
    reason: "smallModels",
  },
  {
    id: "mid_models",
    when: { field: "modelSizes", includesAny: ["mid"] },
    scores: { regional_cloud: 1, sovereign_onprem: 1 },
    reason: "midModels",
  },
  {
    id: "sovereignty",
    when: { field: "sovereignty", equals: true },
    scores: { sovereign_onprem: 4, on_device: 2, regional_cloud: 1, central_factory: -2, distributed_edge: -1 },
    reason: "sovereignty",
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
    reason: "sovereigntySpreadUsers",
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
    reason: "onDeviceWithoutSmallModel",
  },
  infraRule("central_cloud", { central_factory: 1, regional_cloud: 1 }, "infraCentralCloud"),
  infraRule("on_prem_gpu", { sovereign_onprem: 1.5 }, "infraOnPremGpu"),
  infraRule("distributed_edge", { distributed_edge: 1.5, hybrid_split: 0.5 }, "infraDistributedEdge"),
  infraRule("hybrid", { hybrid_split: 1.5 }, "infraHybrid"),
  infraRule("on_device", { on_device: 1.5 }, "infraOnDevice"),
];

/** The ICU arguments a message names ({budgetLabel}, {ms, number}); none for a precompiled message. */
function argumentsOf(message: unknown): string[] {
  return typeof message === "string" ? [...message.matchAll(/\{\s*([A-Za-z]\w*)\s*[,}]/g)].map((match) => match[1] ?? "") : [];
}

/**
 * Problems with a rule set (empty when valid): ids, option ids per field, architectures, and each
 * reason's message: in the catalog (English by default), with placeholders from TEMPLATE_KEYS only.
 */
export function validateRules(rules: readonly Rule[], catalog: Readonly<Record<string, unknown>> = ENGLISH_REASONS): string[] {
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
    if (!Object.hasOwn(catalog, rule.reason)) problems.push(`${rule.id}: no reason message ${rule.reason}`);
    for (const key of argumentsOf(catalog[rule.reason])) {
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

export function siteOf(id: ArchitectureId, profile: WorkloadProfile): ReasonMessage {
  const home = resolveHomeRegion(profile);
  switch (id) {
    case "central_factory":
      return reasonMessage("siteCentral", { region: { region: nearestHub(home) } });
    case "sovereign_onprem":
      return reasonMessage("siteSovereign", { region: { region: home } });
    case "regional_cloud":
      return reasonMessage("siteRegional");
    case "distributed_edge":
      return reasonMessage("siteEdge");
    case "hybrid_split":
      return reasonMessage("siteHybrid", { share: HYBRID_ESCALATION_SHARE });
    case "on_device":
      return reasonMessage("siteDevice");
  }
}

/** Where an architecture serves from, as the network cause names it. */
/** Why an architecture meets or misses the budget, naming the worst region and the biggest cause. */
export function latencyReason(
  id: ArchitectureId,
  estimate: LatencyEstimate,
  profile: WorkloadProfile,
  values: TemplateValues,
): ReasonMessage | null {
  const worst = worstRegion(estimate);
  if (estimate.budgetMs === null || worst === undefined) return null;
  const where = { region: worst.region };
  const budget = values.budgetLabel;
  if (estimate.meetsBudget) return reasonMessage("latencyMeets", { budget, worstMs: worst.totalMs, region: where });
  const geography = values.geography;
  if (id === "hybrid_split" && estimate.escalation) {
    const e = estimate.escalation;
    return reasonMessage("latencyMissHybrid", {
      geography,
      budget,
      edgeMs: e.edgeWorstMs,
      share: e.share,
      modelClass: e.modelClass,
      escalatedMs: e.escalatedWorstMs,
      averageMs: worst.totalMs,
      region: where,
    });
  }
  const causes: { ms: number; message: ReasonMessage }[] = [
    { ms: worst.networkMs, message: reasonMessage("causeNetwork", { site: siteOf(id, profile), ms: worst.networkMs, region: where }) },
    { ms: worst.queueMs, message: reasonMessage("causeQueue", { traffic: trafficShapeOf(profile), ms: worst.queueMs }) },
    { ms: worst.firstTokenMs, message: reasonMessage("causeModel", { modelClass: estimate.modelClass, ms: worst.firstTokenMs }) },
  ];
  // Name the largest cause, and the second largest too when it takes a quarter of the budget or more.
  const named = causes
    .map((cause, order) => ({ ...cause, order }))
    .filter((cause) => cause.ms > 0)
    .sort((a, b) => b.ms - a.ms || a.order - b.order)
    .filter((cause, index) => index === 0 || (index === 1 && cause.ms >= SIGNIFICANT_SHARE_OF_BUDGET * (estimate.budgetMs ?? 0)));
  const [first, second] = named;
  // Never empty: a missed budget is a positive total, so some component is positive.
  if (!first) return null;
  const causeText = second ? reasonMessage("causePair", { first: first.message, second: second.message }) : first.message;
  // The network cause names the region already.
  const regionNamed = named.some((cause) => cause.order === 0);
  return regionNamed
    ? reasonMessage("latencyMiss", { geography, budget, causes: causeText, totalMs: worst.totalMs })
    : reasonMessage("latencyMissFor", { geography, budget, causes: causeText, totalMs: worst.totalMs, region: where });
}

// ---------------------------------------------------------------------------------------------
// Trade-offs
// ---------------------------------------------------------------------------------------------

/** The architecture's main trade-off, with the latency it leaves its worst-served users. */
function tradeoffOf(id: ArchitectureId, estimate: LatencyEstimate, profile: WorkloadProfile): ReasonMessage {
  const worstServed = worstRegion(estimate);
  const worst = worstServed
    ? reasonMessage("tradeoffWorst", { ms: worstServed.totalMs, region: { region: worstServed.region } })
    : reasonMessage("tradeoffNoEstimate");
  switch (id) {
    case "central_factory":
      return reasonMessage("tradeoffCentral", { worst });
    case "regional_cloud":
      return reasonMessage("tradeoffRegional", { worst });
    case "distributed_edge":
      return reasonMessage("tradeoffEdge", { worst });
    case "hybrid_split": {
      const e = estimate.escalation;
      const split = e
        ? reasonMessage("tradeoffHybridSplit", {
            edgeMs: e.edgeWorstMs,
            share: Math.round(e.share * 100) / 100,
            escalatedMs: e.escalatedWorstMs,
          })
        : worst;
      return reasonMessage("tradeoffHybrid", { split });
    }
    case "sovereign_onprem":
      return reasonMessage("tradeoffSovereign", { home: { region: resolveHomeRegion(profile) }, worst });
    case "on_device":
      return reasonMessage("tradeoffDevice", { worst });
  }
}

// ---------------------------------------------------------------------------------------------
// Recommend
// ---------------------------------------------------------------------------------------------

export interface RankedArchitecture {
  id: ArchitectureId;
  name: string;
  score: number;
  /** The reasons in English (analysts' views, exports), strongest first. */
  reasons: string[];
  /** The same reasons, in the same order, as messages to render in the respondent's language. */
  reasonMessages: ReasonMessage[];
  /** The main trade-off in English (analysts' views, exports). */
  tradeoff: string;
  /** The same, as a message to render in the respondent's language. */
  tradeoffMessage: ReasonMessage;
  latency: LatencyEstimate;
}

export interface Recommendation {
  ranked: RankedArchitecture[];
  rulesFired: string[];
}

interface Contribution {
  delta: number;
  order: number;
  message: ReasonMessage;
  /** The message in English, rendered once. */
  text: string;
}

/** Ranks the six architectures for a profile. Deterministic, never throws on odd input. */
export function recommend(input: WorkloadProfile): Recommendation {
  const profile = normalizeProfile((input as WorkloadProfile | null | undefined) ?? emptyProfile());
  const values = templateValues(profile);
  const contributions = new Map<ArchitectureId, Contribution[]>(ARCHITECTURE_IDS.map((id) => [id, []]));
  const rulesFired: string[] = [];
  let order = 0;

  for (const rule of RULES) {
    if (!evaluateCondition(rule.when, profile)) continue;
    rulesFired.push(rule.id);
    const message = reasonMessage(rule.reason, values);
    const text = englishReason(message);
    for (const id of ARCHITECTURE_IDS) {
      const delta = rule.scores[id];
      if (delta !== undefined) contributions.get(id)?.push({ delta, order: order++, message, text });
    }
  }

  const estimates = new Map<ArchitectureId, LatencyEstimate>(ARCHITECTURE_IDS.map((id) => [id, estimateLatency(id, profile)]));
  for (const id of ARCHITECTURE_IDS) {
    const estimate = estimates.get(id);
    if (!estimate) continue;
    const message = latencyReason(id, estimate, profile, values);
    if (message === null) continue;
    if (estimate.meetsBudget === false) rulesFired.push(`latency_over_budget:${id}`);
    contributions.get(id)?.push({ delta: latencyDelta(estimate), order: order++, message, text: englishReason(message) });
  }

  const budgetKnown = profile.latencyBudget !== null;
  const allMiss = budgetKnown && [...estimates.values()].every((estimate) => estimate.meetsBudget === false);
  if (allMiss) {
    rulesFired.push("no_architecture_meets_budget");
    const closest = ARCHITECTURE_IDS.reduce((best, id) =>
      (estimates.get(id)?.worstMs ?? Infinity) < (estimates.get(best)?.worstMs ?? Infinity) ? id : best,
    );
    const message = reasonMessage("noArchitectureMeetsBudget", {
      budget: values.budgetLabel,
      architecture: { architecture: closest },
      ms: estimates.get(closest)?.worstMs ?? 0,
    });
    const text = englishReason(message);
    for (const id of ARCHITECTURE_IDS) contributions.get(id)?.push({ delta: 0, order: order++, message, text });
  }

  const ranked = ARCHITECTURE_IDS.map((id, index): RankedArchitecture & { index: number } => {
    const items = [...(contributions.get(id) ?? [])].sort((a, b) => b.delta - a.delta || a.order - b.order);
    const estimate = estimates.get(id) ?? estimateLatency(id, profile);
    // The same sentence is said once: deduplicated by its English text.
    const reasons = new Map<string, ReasonMessage>();
    for (const item of items) if (!reasons.has(item.text)) reasons.set(item.text, item.message);
    const tradeoff = tradeoffOf(id, estimate, profile);
    return {
      index,
      id,
      name: getArchitecture(id)?.name ?? id,
      score: round1(items.reduce((sum, item) => sum + item.delta, 0)),
      reasons: [...reasons.keys()],
      reasonMessages: [...reasons.values()],
      tradeoff: englishReason(tradeoff),
      tradeoffMessage: tradeoff,
      latency: estimate,
    };
  })
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ index: _index, ...entry }) => entry);

  return { ranked, rulesFired };
}
