// Deterministic demo responses with plausible structure, so dashboards and peer comparisons have
// something true-looking to show: industries and regions differ in readiness and concerns,
// latency worries track real-time workloads and global users, sovereignty tracks regulation.
//
// Waves drift (`drift`, 0 for the oldest demo wave to 1 for the newest, which is the data this
// generator always produced): more organizations in production, plans moving from a central
// cloud region to regional, edge and hybrid, and latency rising among concerns.
import type { Answers, Instrument } from "@/lib/survey/instrument-schema";
import { instrumentV1 } from "@/lib/survey/instrument";
import { findQuestionByRole } from "@/lib/survey/roles";
import { profileOf, readinessIndex } from "@/lib/survey/scoring";
import { createRandom, type Random } from "./random";

export interface SeedRow {
  status: "partial" | "complete";
  submissionKey: string | null;
  currentStep: number;
  startedAt: Date;
  submittedAt: Date | null;
  industry: string | null;
  region: string | null;
  companySize: string | null;
  role: string | null;
  stage: string | null;
  readinessIndex: number | null;
  answers: Answers;
}

const INDUSTRY_WEIGHTS = {
  financial_services: 14,
  healthcare: 10,
  retail_ecommerce: 10,
  manufacturing: 10,
  technology: 18,
  media_entertainment: 6,
  telecom: 7,
  public_sector: 6,
  energy_utilities: 5,
  transportation_logistics: 5,
  education: 4,
  other: 5,
};
// Readiness shift (in Likert points) by industry and region.
const INDUSTRY_SHIFT: Record<string, number> = {
  technology: 0.7,
  financial_services: 0.4,
  telecom: 0.3,
  media_entertainment: 0.2,
  retail_ecommerce: 0.1,
  manufacturing: -0.2,
  healthcare: -0.3,
  energy_utilities: -0.3,
  transportation_logistics: -0.2,
  public_sector: -0.6,
  education: -0.5,
  other: 0,
};
const REGION_WEIGHTS = {
  north_america: 26,
  latin_america: 8,
  western_europe: 18,
  eastern_europe: 7,
  middle_east_africa: 7,
  south_asia: 10,
  east_asia: 14,
  southeast_asia_oceania: 10,
};
const REGION_SHIFT: Record<string, number> = {
  north_america: 0.35,
  western_europe: 0.1,
  east_asia: 0.3,
  southeast_asia_oceania: 0,
  south_asia: -0.05,
  eastern_europe: -0.2,
  latin_america: -0.25,
  middle_east_africa: -0.2,
};
const REGULATED = new Set(["financial_services", "healthcare", "public_sector", "energy_utilities"]);
const REALTIME_HEAVY = new Set(["financial_services", "media_entertainment", "retail_ecommerce", "telecom", "technology"]);

const clampLikert = (x: number) => Math.min(5, Math.max(1, Math.round(x)));

function pickMany(rng: Random, probabilities: Record<string, number>, atLeastOne = true): string[] {
  const chosen = Object.entries(probabilities)
    .filter(([, p]) => rng.chance(p))
    .map(([id]) => id);
  if (chosen.length === 0 && atLeastOne) {
    const best = Object.entries(probabilities).sort((a, b) => b[1] - a[1])[0];
    if (best) chosen.push(best[0]);
  }
  return chosen;
}

/** One complete answer set for respondent i of a seed, `drift` along the waves (1: the newest). */
export function generateAnswers(rng: Random, drift = 1): Answers {
  // How far back from the newest wave; every draw happens whatever the drift, so drift 1 gives
  // exactly the rows this generator produced before waves drifted.
  const back = 1 - Math.min(1, Math.max(0, drift));
  const industry = rng.weighted(INDUSTRY_WEIGHTS);
  const region = rng.weighted(REGION_WEIGHTS);
  const company_size = rng.weighted({ lt_100: 14, "100_999": 24, "1000_9999": 28, "10000_49999": 20, "50000_plus": 14 });
  const role = rng.weighted({ engineering: 28, platform_infra: 20, data_ml: 22, security: 8, product: 12, executive: 10 });
  const latent = 2.8 + (INDUSTRY_SHIFT[industry] ?? 0) + (REGION_SHIFT[region] ?? 0) + rng.normal() * 0.6;
  const dim = (offset: number) => clampLikert(latent + offset + rng.normal() * 0.7);

  const stageScore = latent - 0.6 * back + rng.normal() * 0.6;
  const ai_stage =
    stageScore < 2.2 ? "exploring" : stageScore < 3.0 ? "pilots" : stageScore < 3.7 ? "limited_production" : "scaled_production";

  const realtime = REALTIME_HEAVY.has(industry) ? 0.75 : 0.4;
  const workloads = pickMany(rng, {
    realtime_chat: realtime,
    autonomous_agents: industry === "technology" || industry === "financial_services" ? 0.55 : 0.3,
    search_rag: 0.6,
    batch_analytics: industry === "manufacturing" || industry === "energy_utilities" ? 0.65 : 0.35,
    on_device: industry === "manufacturing" || industry === "transportation_logistics" ? 0.4 : 0.1,
  });
  const interactive = workloads.includes("realtime_chat") || workloads.includes("autonomous_agents");
  const latency_budget = interactive
    ? rng.weighted({ lt_100ms: 18, "100_250ms": 34, "250_500ms": 28, "500_1000ms": 14, gt_1s: 6 })
    : rng.weighted({ lt_100ms: 4, "100_250ms": 12, "250_500ms": 22, "500_1000ms": 30, gt_1s: 32 });
  const big = company_size === "10000_49999" || company_size === "50000_plus";
  const user_geography = big
    ? rng.weighted({ one_metro: 5, one_region: 20, several_regions: 35, global: 40 })
    : rng.weighted({ one_metro: 20, one_region: 40, several_regions: 25, global: 15 });
  const traffic_shape = interactive
    ? rng.weighted({ steady: 10, daily_peaks: 35, bursty: 35, unpredictable: 20 })
    : rng.weighted({ steady: 40, daily_peaks: 30, bursty: 15, unpredictable: 15 });
  const model_sizes = pickMany(rng, {
    frontier: 0.55,
    mid: 0.45,
    small_domain: REGULATED.has(industry) || workloads.includes("on_device") ? 0.65 : 0.4,
  });

  const tightLatency = latency_budget === "lt_100ms" || latency_budget === "100_250ms";
  const farUsers = user_geography === "global" || user_geography === "several_regions";
  const europe = region === "western_europe" || region === "eastern_europe";
  const asia = region === "east_asia" || region === "south_asia" || region === "southeast_asia_oceania";
  const concernP: Record<string, number> = {
    latency: 0.2 - 0.15 * back + (tightLatency ? 0.35 : 0) + (farUsers ? 0.2 : 0) + (interactive ? 0.1 : 0),
    cost: 0.65,
    security: 0.5 + (REGULATED.has(industry) ? 0.15 : 0),
    accuracy: 0.55,
    skills_gap: 0.3 + (latent < 2.6 ? 0.3 : 0),
    privacy_sovereignty: 0.25 + (REGULATED.has(industry) ? 0.3 : 0) + (europe ? 0.25 : 0),
    gpu_power: 0.2 + (asia ? 0.25 : 0) + (workloads.includes("autonomous_agents") ? 0.1 : 0),
    vendor_lock_in: 0.3,
    reliability: 0.35 + (interactive ? 0.1 : 0),
    compliance: 0.2 + (REGULATED.has(industry) ? 0.35 : 0),
  };
  const concerns = pickMany(rng, concernP);
  // Rank by concern strength with noise: strong drivers tend to rank first.
  const concerns_top3 = [...concerns]
    .map((id) => ({ id, key: (concernP[id] ?? 0) + rng.next() * 0.5 }))
    .sort((a, b) => b.key - a.key)
    .slice(0, 3)
    .map((c) => c.id);

  const infra_current = pickMany(rng, {
    central_cloud: 0.8,
    on_prem_gpu: REGULATED.has(industry) ? 0.4 : 0.2,
    distributed_edge: 0.08,
    hybrid: 0.15,
    on_device: workloads.includes("on_device") ? 0.5 : 0.05,
  });
  const wantsEdge = (tightLatency ? 0.35 : 0) + (farUsers ? 0.2 : 0) + (concerns.includes("latency") ? 0.15 : 0);
  const infra_planned = pickMany(rng, {
    central_cloud: 0.55 + 0.25 * back,
    on_prem_gpu: REGULATED.has(industry) || concerns.includes("privacy_sovereignty") ? 0.4 : 0.15,
    distributed_edge: 0.1 + wantsEdge * (1 - 0.6 * back),
    hybrid: 0.2 - 0.1 * back + wantsEdge * 0.8 * (1 - 0.5 * back),
    on_device: workloads.includes("on_device") ? 0.6 : 0.08,
  });

  // Early-stage organizations often default to one central cloud region whatever their users
  // need: the mismatch the findings engine should surface.
  if ((ai_stage === "exploring" || ai_stage === "pilots") && rng.chance(0.5 + 0.25 * back)) {
    infra_planned.splice(0, infra_planned.length, "central_cloud");
  }

  const answers: Answers = {
    industry,
    region,
    company_size,
    role,
    ready_self: clampLikert(latent + 0.4 + rng.normal() * 0.8),
    ready_team: clampLikert(latent + 0.1 + rng.normal() * 0.7),
    ready_org: clampLikert(latent - 0.2 + rng.normal() * 0.7),
    ai_stage,
    dim_strategy: dim(0.1),
    dim_compute: dim(-0.1),
    dim_network: dim(tightLatency && farUsers ? -0.5 : -0.2),
    dim_data: dim(-0.1),
    dim_governance: dim(REGULATED.has(industry) ? 0.3 : -0.2),
    dim_talent: dim(-0.3),
    dim_culture: dim(0),
    excitements: pickMany(rng, {
      productivity: 0.7,
      customer_experience: 0.5,
      new_products: 0.4,
      automation_agents: 0.45,
      decision_quality: 0.35,
      cost_reduction: 0.4,
    }),
    concerns,
    concerns_top3,
    workloads,
    latency_budget,
    user_geography,
    traffic_shape,
    model_sizes,
    infra_current,
    infra_planned,
  };
  if (rng.chance(0.15)) {
    answers.distributed_help = farUsers
      ? "Serving agents close to users in every region we operate in, so answers arrive fast."
      : "Keeping inference near our plants and stores so it keeps working when the link is slow.";
  }
  return answers;
}

const DAY = 24 * 60 * 60 * 1000;

/** What a wave's demo rows follow: its instrument, how far along the drift it is, how many days it ran. */
export interface DemoWaveShape {
  instrument: Instrument;
  drift: number;
  windowDays: number;
}
const NEWEST: DemoWaveShape = { instrument: instrumentV1, drift: 1, windowDays: 60 };

/** v2's additions (lib/survey/instruments/v2.json), filled only when the wave's instrument asks them. */
function addLaterQuestions(instrument: Instrument, answers: Answers, rng: Random, back: number): void {
  const planned = findQuestionByRole(instrument, "infra_planned");
  const current = Array.isArray(answers.infra_current) ? answers.infra_current : [];
  const plannedIds = planned && Array.isArray(answers[planned.id]) ? (answers[planned.id] as string[]) : [];
  const tight = answers.latency_budget === "lt_100ms" || answers.latency_budget === "100_250ms";
  if (planned?.options.some((o) => o.id === "regional_cloud")) {
    const near = plannedIds.includes("distributed_edge") || plannedIds.includes("hybrid");
    if (rng.chance(0.12 + (near ? 0.3 : 0) + (tight ? 0.15 : 0) - 0.1 * back)) {
      const next = [...plannedIds, "regional_cloud"];
      // Some who move to regional clouds leave the single central region behind.
      answers[planned.id] = next.length > 1 && rng.chance(0.35) ? next.filter((id) => id !== "central_cloud") : next;
    }
  }
  const timeline = instrument.sections.flatMap((s) => s.questions).find((q) => q.id === "edge_timeline");
  if (timeline && rng.chance(0.85)) {
    const outside = current.some((id) => id !== "central_cloud");
    const plansOutside = ((answers[planned?.id ?? ""] as string[] | undefined) ?? []).some((id) => id !== "central_cloud");
    answers.edge_timeline = outside
      ? rng.weighted({ already: 70, within_12_months: 20, one_to_three_years: 10 })
      : plansOutside
        ? rng.weighted({ within_12_months: 55, one_to_three_years: 35, no_plans: 10 })
        : rng.weighted({ within_12_months: 10, one_to_three_years: 30, no_plans: 60 });
  }
}

/**
 * Row i of the demo dataset for a seed. Each row has its own PRNG stream, so row i is the same
 * whether you generate 1,000 rows or 1,000,000, and batches can be generated independently.
 */
export function generateRow(seed: number, index: number, now: Date, wave: DemoWaveShape = NEWEST): SeedRow {
  const key = (seed * 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b);
  const rng = createRandom(key);
  const { instrument } = wave;
  const answers = generateAnswers(rng, wave.drift);
  // Questions and options later instruments added draw from a stream of their own, so the rows of
  // the instruments before them stay as they were.
  addLaterQuestions(instrument, answers, createRandom(key ^ 0x6a09e667), 1 - Math.min(1, Math.max(0, wave.drift)));
  const submittedAt = new Date(now.getTime() - Math.floor(rng.next() * wave.windowDays * DAY));
  const startedAt = new Date(submittedAt.getTime() - Math.floor((4 + rng.next() * 20) * 60_000));
  if (rng.chance(0.08)) {
    // A respondent who stopped partway: keep the sections they finished.
    const sections = instrument.sections;
    const reached = 1 + Math.floor(rng.next() * (sections.length - 1));
    const kept = new Set(sections.slice(0, reached).flatMap((s) => s.questions.map((q) => q.id)));
    const partial = Object.fromEntries(Object.entries(answers).filter(([id]) => kept.has(id))) as Answers;
    const profile = profileOf(instrument, partial);
    return {
      status: "partial",
      submissionKey: `seed:${seed}:${index}`,
      currentStep: reached,
      startedAt,
      submittedAt: null,
      ...profile,
      readinessIndex: readinessIndex(instrument, partial),
      answers: partial,
    };
  }
  return {
    status: "complete",
    submissionKey: `seed:${seed}:${index}`,
    currentStep: instrument.sections.length,
    startedAt,
    submittedAt,
    ...profileOf(instrument, answers),
    readinessIndex: readinessIndex(instrument, answers),
    answers,
  };
}
