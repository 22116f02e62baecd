// A workload profile: the handful of answers that decide which inference architecture fits, taken
// from one respondent's answers or from a segment's aggregate counts. Values are the instrument's
// option ids; anything unknown or malformed is dropped, never thrown on.
import { instrumentV1 } from "@/lib/survey/instrument";
import { findQuestion, optionsOf } from "@/lib/survey/instrument-schema";

export interface WorkloadProfile {
  homeRegion: string | null;
  workloads: string[];
  latencyBudget: string | null;
  userGeography: string | null;
  trafficShape: string | null;
  modelSizes: string[];
  sovereignty: boolean;
  infraCurrent: string[];
  infraPlanned: string[];
}

/** Single-choice profile fields and the instrument question that fills each. */
export const SINGLE_FIELDS = {
  homeRegion: "region",
  latencyBudget: "latency_budget",
  userGeography: "user_geography",
  trafficShape: "traffic_shape",
} as const;

/** Multi-select profile fields and the instrument question that fills each. */
export const MULTI_FIELDS = {
  workloads: "workloads",
  modelSizes: "model_sizes",
  infraCurrent: "infra_current",
  infraPlanned: "infra_planned",
} as const;

export type SingleField = keyof typeof SINGLE_FIELDS;
export type MultiField = keyof typeof MULTI_FIELDS;

/** The concerns that make a profile sovereignty-sensitive. */
export const SOVEREIGNTY_CONCERNS = ["privacy_sovereignty", "compliance"] as const;
const CONCERNS_QUESTION = "concerns";

/** Segment thresholds: share of respondents choosing an option for it to count. */
export const AGGREGATE_MULTI_THRESHOLD = 0.4;
export const AGGREGATE_SOVEREIGNTY_THRESHOLD = 0.35;

/** The option ids of a question in the instrument's order (empty for an unknown question). */
export function optionIdsOf(questionId: string): readonly string[] {
  const question = findQuestion(instrumentV1, questionId);
  return question ? optionsOf(instrumentV1, question).map((option) => option.id) : [];
}

/** The instrument's label for an option, or the id itself when unknown. */
export function optionLabel(questionId: string, optionId: string): string {
  const question = findQuestion(instrumentV1, questionId);
  const option = question ? optionsOf(instrumentV1, question).find((o) => o.id === optionId) : undefined;
  return option?.label ?? optionId;
}

export function emptyProfile(): WorkloadProfile {
  return {
    homeRegion: null,
    workloads: [],
    latencyBudget: null,
    userGeography: null,
    trafficShape: null,
    modelSizes: [],
    sovereignty: false,
    infraCurrent: [],
    infraPlanned: [],
  };
}

function validSingle(questionId: string, value: unknown): string | null {
  return typeof value === "string" && optionIdsOf(questionId).includes(value) ? value : null;
}

/** Known option ids from a value, deduplicated, in the instrument's order (input order never matters). */
function validMulti(questionId: string, value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const chosen = new Set(value.filter((item): item is string => typeof item === "string"));
  return optionIdsOf(questionId).filter((id) => chosen.has(id));
}

/** Puts a profile's lists in canonical form: known ids only, no duplicates, instrument order. */
export function normalizeProfile(profile: WorkloadProfile): WorkloadProfile {
  const out = emptyProfile();
  for (const [field, questionId] of Object.entries(SINGLE_FIELDS) as [SingleField, string][]) {
    out[field] = validSingle(questionId, profile[field]);
  }
  for (const [field, questionId] of Object.entries(MULTI_FIELDS) as [MultiField, string][]) {
    out[field] = validMulti(questionId, profile[field]);
  }
  out.sovereignty = profile.sovereignty === true;
  return out;
}

/** One respondent's profile from answers keyed by question id. */
export function profileFromAnswers(answers: Record<string, unknown>): WorkloadProfile {
  const source = answers !== null && typeof answers === "object" ? answers : {};
  const profile = emptyProfile();
  for (const [field, questionId] of Object.entries(SINGLE_FIELDS) as [SingleField, string][]) {
    profile[field] = validSingle(questionId, source[questionId]);
  }
  for (const [field, questionId] of Object.entries(MULTI_FIELDS) as [MultiField, string][]) {
    profile[field] = validMulti(questionId, source[questionId]);
  }
  const concerns = validMulti(CONCERNS_QUESTION, source[CONCERNS_QUESTION]);
  profile.sovereignty = SOVEREIGNTY_CONCERNS.some((concern) => concerns.includes(concern));
  return profile;
}

export interface SegmentAggregate {
  /** Respondents in the segment. */
  n: number;
  homeRegion: string | null;
  /** Counts per option for single-choice questions, keyed by question id then option id. */
  single: Record<string, Record<string, number>>;
  /** Counts per option for multi-select questions (respondents who chose it). */
  multi: Record<string, Record<string, number>>;
}

/**
 * How ties between equally common single-choice options are broken: the more demanding option wins
 * (the tighter latency budget, the wider geography, the burstier traffic); regions by instrument order.
 */
const TIE_PREFERENCE: Record<SingleField, "first" | "last"> = {
  homeRegion: "first",
  latencyBudget: "first",
  userGeography: "last",
  trafficShape: "last",
};

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}

function modeOf(questionId: string, counts: unknown, prefer: "first" | "last"): string | null {
  if (counts === null || typeof counts !== "object") return null;
  const table = counts as Record<string, unknown>;
  const ids = optionIdsOf(questionId);
  const ordered = prefer === "first" ? ids : [...ids].reverse();
  let best: string | null = null;
  let bestCount = 0;
  for (const id of ordered) {
    const c = count(table[id]);
    if (c > bestCount) {
      best = id;
      bestCount = c;
    }
  }
  return best;
}

function shareAtLeast(counts: unknown, optionId: string, n: number, threshold: number): boolean {
  if (counts === null || typeof counts !== "object" || n <= 0) return false;
  return count((counts as Record<string, unknown>)[optionId]) / n >= threshold;
}

/**
 * A segment's profile: single-choice fields take the most common option (ties go to the more
 * demanding option), multi-selects keep options chosen by at least 40% of n, and sovereignty holds
 * when privacy & sovereignty or compliance is chosen by at least 35%. The home region is the
 * segment's own when it is a known region, else the most common region in `single.region` if given.
 */
export function profileFromAggregate(agg: SegmentAggregate): WorkloadProfile {
  const profile = emptyProfile();
  const n = count(agg.n);
  const single = agg.single !== null && typeof agg.single === "object" ? agg.single : {};
  const multi = agg.multi !== null && typeof agg.multi === "object" ? agg.multi : {};
  for (const [field, questionId] of Object.entries(SINGLE_FIELDS) as [SingleField, string][]) {
    profile[field] = modeOf(questionId, single[questionId], TIE_PREFERENCE[field]);
  }
  profile.homeRegion = validSingle(SINGLE_FIELDS.homeRegion, agg.homeRegion) ?? profile.homeRegion;
  for (const [field, questionId] of Object.entries(MULTI_FIELDS) as [MultiField, string][]) {
    profile[field] = optionIdsOf(questionId).filter((id) => shareAtLeast(multi[questionId], id, n, AGGREGATE_MULTI_THRESHOLD));
  }
  profile.sovereignty = SOVEREIGNTY_CONCERNS.some((concern) =>
    shareAtLeast(multi[CONCERNS_QUESTION], concern, n, AGGREGATE_SOVEREIGNTY_THRESHOLD),
  );
  return profile;
}

/** True when the profile carries nothing the recommender can use (the home region alone is not enough). */
export function isEmptyProfile(profile: WorkloadProfile): boolean {
  const p = normalizeProfile(profile);
  return (
    p.workloads.length === 0 &&
    p.modelSizes.length === 0 &&
    p.infraCurrent.length === 0 &&
    p.infraPlanned.length === 0 &&
    p.latencyBudget === null &&
    p.userGeography === null &&
    p.trafficShape === null &&
    !p.sovereignty
  );
}
