// A workload profile: the handful of answers that decide which inference architecture fits, taken
// from one respondent's answers or from a segment's aggregate counts. Questions are found by role in
// the wave's own instrument, and values are the options' semantic codes (./assumptions), so an
// instrument may rename its question and option ids; anything unknown or malformed is dropped.
import type { Instrument } from "@/lib/survey/instrument-schema";
import { chosenCode, chosenCodes, codeOfOptionId, findQuestionByRole, roleOptions, type Role } from "@/lib/survey/roles";
import {
  INFRASTRUCTURE_CODES,
  LATENCY_BUDGET_IDS,
  MODEL_SIZE_IDS,
  REGION_IDS,
  TRAFFIC_SHAPE_IDS,
  USER_GEOGRAPHY_IDS,
  WORKLOAD_CODES,
} from "./assumptions";

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

/** Single-choice profile fields and the role of the question that fills each. */
export const SINGLE_FIELDS = {
  homeRegion: "region",
  latencyBudget: "latency_budget",
  userGeography: "user_geography",
  trafficShape: "traffic_shape",
} as const satisfies Record<string, Role>;

/** Multi-select profile fields and the role of the question that fills each. */
export const MULTI_FIELDS = {
  workloads: "workloads",
  modelSizes: "model_sizes",
  infraCurrent: "infra_current",
  infraPlanned: "infra_planned",
} as const satisfies Record<string, Role>;

export type SingleField = keyof typeof SINGLE_FIELDS;
export type MultiField = keyof typeof MULTI_FIELDS;

/** The option codes each field knows, in canonical order (ties and lists follow it, not an instrument's order). */
export const FIELD_CODES: Readonly<Record<SingleField | MultiField, readonly string[]>> = {
  homeRegion: REGION_IDS,
  latencyBudget: LATENCY_BUDGET_IDS,
  userGeography: USER_GEOGRAPHY_IDS,
  trafficShape: TRAFFIC_SHAPE_IDS,
  workloads: WORKLOAD_CODES,
  modelSizes: MODEL_SIZE_IDS,
  infraCurrent: INFRASTRUCTURE_CODES,
  infraPlanned: INFRASTRUCTURE_CODES,
};

/** The concern codes that make a profile sovereignty-sensitive. */
export const SOVEREIGNTY_CONCERNS = ["privacy_sovereignty", "compliance"] as const;

/** Segment thresholds: share of respondents choosing an option for it to count. */
export const AGGREGATE_MULTI_THRESHOLD = 0.4;
export const AGGREGATE_SOVEREIGNTY_THRESHOLD = 0.35;

/** The codes a profile field knows, in canonical order. */
export function codesOf(field: SingleField | MultiField): readonly string[] {
  return FIELD_CODES[field];
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

function validSingle(field: SingleField, value: unknown): string | null {
  return typeof value === "string" && codesOf(field).includes(value) ? value : null;
}

/** Known codes from a value, deduplicated, in canonical order (input order never matters). */
function validMulti(field: MultiField, value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const chosen = new Set(value.filter((item): item is string => typeof item === "string"));
  return codesOf(field).filter((code) => chosen.has(code));
}

/** Puts a profile's lists in canonical form: known codes only, no duplicates, canonical order. */
export function normalizeProfile(profile: WorkloadProfile): WorkloadProfile {
  const out = emptyProfile();
  for (const field of Object.keys(SINGLE_FIELDS) as SingleField[]) out[field] = validSingle(field, profile[field]);
  for (const field of Object.keys(MULTI_FIELDS) as MultiField[]) out[field] = validMulti(field, profile[field]);
  out.sovereignty = profile.sovereignty === true;
  return out;
}

/** One respondent's profile from answers keyed by the instrument's question ids. */
export function profileFromAnswers(instrument: Instrument, answers: Record<string, unknown>): WorkloadProfile {
  const source = answers !== null && typeof answers === "object" ? answers : {};
  const profile = emptyProfile();
  for (const [field, role] of Object.entries(SINGLE_FIELDS) as [SingleField, Role][]) {
    profile[field] = validSingle(field, chosenCode(instrument, source, role));
  }
  for (const [field, role] of Object.entries(MULTI_FIELDS) as [MultiField, Role][]) {
    profile[field] = validMulti(field, chosenCodes(instrument, source, role));
  }
  const concerns = chosenCodes(instrument, source, "concerns");
  profile.sovereignty = SOVEREIGNTY_CONCERNS.some((concern) => concerns.includes(concern));
  return profile;
}

export interface SegmentAggregate {
  /** Respondents in the segment. */
  n: number;
  /** The segment's own region (an option id of the instrument's region question), if it is one region. */
  homeRegion: string | null;
  /** Counts per option for single-choice questions, keyed by question id then option id. */
  single: Record<string, Record<string, number>>;
  /** Counts per option for multi-select questions (respondents who chose it). */
  multi: Record<string, Record<string, number>>;
}

/**
 * How ties between equally common single-choice options are broken: the more demanding option wins
 * (the tighter latency budget, the wider geography, the burstier traffic); regions by canonical order.
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

/** A question's counts (keyed by option id) re-keyed by option code; codes the instrument lacks count 0. */
function countsByCode(instrument: Instrument, role: Role, table: Record<string, unknown>): Record<string, number> {
  const question = findQuestionByRole(instrument, role);
  if (!question) return {};
  const raw = table[question.id];
  if (raw === null || typeof raw !== "object") return {};
  const out: Record<string, number> = {};
  for (const option of roleOptions(instrument, question)) {
    const code = codeOfOptionId(instrument, question, option.id);
    if (code !== undefined) out[code] = (out[code] ?? 0) + count((raw as Record<string, unknown>)[option.id]);
  }
  return out;
}

function modeOf(field: SingleField, counts: Record<string, number>, prefer: "first" | "last"): string | null {
  const codes = codesOf(field);
  const ordered = prefer === "first" ? codes : [...codes].reverse();
  let best: string | null = null;
  let bestCount = 0;
  for (const code of ordered) {
    const c = count(counts[code]);
    if (c > bestCount) {
      best = code;
      bestCount = c;
    }
  }
  return best;
}

function shareAtLeast(counts: Record<string, number>, code: string, n: number, threshold: number): boolean {
  if (n <= 0) return false;
  return count(counts[code]) / n >= threshold;
}

/**
 * A segment's profile: single-choice fields take the most common option (ties go to the more
 * demanding option), multi-selects keep options chosen by at least 40% of n, and sovereignty holds
 * when privacy & sovereignty or compliance is chosen by at least 35%. The home region is the
 * segment's own when it is a known region, else the most common region in the counts if given.
 */
export function profileFromAggregate(instrument: Instrument, agg: SegmentAggregate): WorkloadProfile {
  const profile = emptyProfile();
  const n = count(agg.n);
  const single = agg.single !== null && typeof agg.single === "object" ? agg.single : {};
  const multi = agg.multi !== null && typeof agg.multi === "object" ? agg.multi : {};
  for (const [field, role] of Object.entries(SINGLE_FIELDS) as [SingleField, Role][]) {
    profile[field] = modeOf(field, countsByCode(instrument, role, single), TIE_PREFERENCE[field]);
  }
  const regionQuestion = findQuestionByRole(instrument, SINGLE_FIELDS.homeRegion);
  const ownRegion =
    regionQuestion && typeof agg.homeRegion === "string" ? codeOfOptionId(instrument, regionQuestion, agg.homeRegion) : undefined;
  profile.homeRegion = validSingle("homeRegion", ownRegion) ?? profile.homeRegion;
  for (const [field, role] of Object.entries(MULTI_FIELDS) as [MultiField, Role][]) {
    const counts = countsByCode(instrument, role, multi);
    profile[field] = codesOf(field).filter((code) => shareAtLeast(counts, code, n, AGGREGATE_MULTI_THRESHOLD));
  }
  const concerns = countsByCode(instrument, "concerns", multi);
  profile.sovereignty = SOVEREIGNTY_CONCERNS.some((concern) => shareAtLeast(concerns, concern, n, AGGREGATE_SOVEREIGNTY_THRESHOLD));
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
