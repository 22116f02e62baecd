// Which inference architecture a finding points to. The link follows what the finding is about and
// which way it goes (a sovereignty concern, a latency concern or a latency mismatch, a low production
// share, a compute-readiness gap...), not the segment's overall workload mix, which is the same for
// every finding on one segment (a finding whose subject points nowhere links nothing, and says so).
// Where the subject is about distance or residency, the recommender
// orders the candidates for the segment's own latency budget, users and region. Every link carries
// a reason citing the finding's own figures. Pure: unit-tested without a database.
import { getArchitecture, type ArchitectureId } from "@/lib/architecture/catalog";
import { emptyProfile, profileFromAggregate, type WorkloadProfile } from "@/lib/architecture/profile";
import { recommend, templateContext } from "@/lib/architecture/recommend";
import type { Instrument } from "@/lib/survey/instrument-schema";
import type { SegmentAggregate } from "./cells";
import type { Finding, FindingKind } from "./engine";

export interface LinkedArchitecture {
  id: ArchitectureId;
  name: string;
  reasons: string[];
  tradeoff: string;
}

export interface ArchitectureLink {
  /** "subject": chosen for what the finding is about; "none": the finding does not point to an architecture by itself. */
  basis: "subject" | "none";
  /** Best first; empty when the basis is "none". */
  architectures: LinkedArchitecture[];
  /** Why nothing is linked (basis "none"), citing the finding's figures; else null. */
  note: string | null;
}

interface SubjectRule {
  kind: FindingKind;
  /** Concern option ids, readiness dimension question ids, "production" or "central_only" (Finding.subject). */
  subjects: readonly string[];
  /** The sign of the finding's difference this rule answers. */
  direction: "higher" | "lower" | "either";
  /** In order of preference; with `focus`, the recommender reorders them for the segment's focused profile. */
  candidates: readonly ArchitectureId[];
  focus?: "latency" | "sovereignty";
  because: string;
}

// One table, so the ids it keys on (concern options, readiness dimensions) sit in one place.
export const SUBJECT_RULES: readonly SubjectRule[] = [
  {
    kind: "mismatch",
    subjects: ["central_only"],
    direction: "either",
    candidates: ["distributed_edge", "hybrid_split", "regional_cloud"],
    focus: "latency",
    because: "a budget under 250 ms for users in several regions leaves no room for a long round trip to one central region",
  },
  {
    kind: "concern",
    subjects: ["latency"],
    direction: "higher",
    candidates: ["distributed_edge", "hybrid_split", "regional_cloud", "on_device"],
    focus: "latency",
    because: "serving close to their users is what shortens the wait before a first token",
  },
  {
    kind: "concern",
    subjects: ["latency"],
    direction: "lower",
    candidates: ["central_factory", "regional_cloud"],
    because: "with distance mattering less to them, one shared pool in one region gives the lowest cost per token",
  },
  {
    kind: "concern",
    subjects: ["privacy_sovereignty", "compliance"],
    direction: "higher",
    candidates: ["sovereign_onprem", "regional_cloud"],
    focus: "sovereignty",
    because:
      "inference on infrastructure they control, in the jurisdiction where the data is regulated, is the simplest residency story to prove",
  },
  {
    kind: "concern",
    subjects: ["security"],
    direction: "higher",
    candidates: ["sovereign_onprem", "hybrid_split"],
    because: "prompts and outputs that stay on infrastructure they control, under their own logging and access control, reach fewer hands",
  },
  {
    kind: "concern",
    subjects: ["vendor_lock_in"],
    direction: "higher",
    candidates: ["sovereign_onprem", "hybrid_split"],
    because: "open-weight models on hardware they control keep them free to change providers",
  },
  {
    kind: "concern",
    subjects: ["cost"],
    direction: "higher",
    candidates: ["central_factory", "hybrid_split"],
    because: "one busy shared pool gives the lowest cost per token",
  },
  {
    kind: "concern",
    subjects: ["gpu_power"],
    direction: "higher",
    candidates: ["hybrid_split", "on_device"],
    because: "small models at the edge answer the easy majority of requests, so scarce large GPUs serve only the share that needs them",
  },
  {
    kind: "concern",
    subjects: ["reliability"],
    direction: "higher",
    candidates: ["regional_cloud", "hybrid_split"],
    because: "endpoints in several regions take over each other's traffic during an outage",
  },
  {
    kind: "concern",
    subjects: ["accuracy"],
    direction: "higher",
    candidates: ["central_factory", "hybrid_split"],
    because: "the most capable frontier models run on large multi-GPU clusters in a cloud region",
  },
  {
    kind: "concern",
    subjects: ["skills_gap"],
    direction: "higher",
    candidates: ["central_factory", "regional_cloud"],
    because: "one deployment in one region is the least to build and operate for a team still growing its skills",
  },
  {
    kind: "stage",
    subjects: ["production"],
    direction: "lower",
    candidates: ["central_factory", "regional_cloud"],
    because:
      "one managed deployment in one region is the shortest path from pilots to production: one stack to run and no sites to operate",
  },
  {
    kind: "readiness",
    subjects: ["compute"],
    direction: "lower",
    candidates: ["regional_cloud", "central_factory"],
    because: "cloud inference endpoints in their users' regions let them rent GPU capacity instead of building and running it",
  },
  {
    kind: "readiness",
    subjects: ["compute"],
    direction: "higher",
    candidates: ["sovereign_onprem", "hybrid_split"],
    because: "GPU capacity they already run well is the cheapest per token when it is kept busy",
  },
  {
    kind: "readiness",
    subjects: ["network"],
    direction: "lower",
    candidates: ["central_factory", "regional_cloud"],
    because: "fewer, larger sites ask the least of the network, while edge and hybrid designs depend on fast paths to many sites",
  },
  {
    kind: "readiness",
    subjects: ["network"],
    direction: "higher",
    candidates: ["distributed_edge", "hybrid_split"],
    because: "low-latency paths to many sites are what serving at the edge depends on",
  },
  {
    kind: "readiness",
    subjects: ["talent"],
    direction: "higher",
    candidates: ["hybrid_split", "distributed_edge"],
    because: "a team that already operates AI in production can run the two tiers and the router a hybrid split needs",
  },
  {
    kind: "readiness",
    subjects: ["governance"],
    direction: "lower",
    candidates: ["regional_cloud", "central_factory"],
    because:
      "managed cloud endpoints come with the provider's access control, audit logging and guardrails, so less of it has to be built first",
  },
  {
    kind: "readiness",
    subjects: ["governance"],
    direction: "higher",
    candidates: ["sovereign_onprem", "regional_cloud"],
    because: "they already have the policies, audit and access control that running inference on their own infrastructure demands",
  },
  {
    kind: "readiness",
    subjects: ["talent"],
    direction: "lower",
    candidates: ["central_factory", "regional_cloud"],
    because: "one deployment in one region is the least to operate with a thin team",
  },
];

const pct = (v: number) => `${Math.round(v * 100)}%`;
const signed = (v: number) => `${v > 0 ? "+" : ""}${Math.round(v)} points`;

/** The finding's own figures, in words: what the link's reason starts from. */
export function figuresOf(finding: Finding): string {
  const d = signed(finding.difference ?? 0);
  const others = finding.othersValue ?? 0;
  const who = finding.segment.label;
  switch (finding.kind) {
    case "concern":
      return (
        `${finding.measure.replace(/ in top 3 concerns$/, "")} is a top-3 concern for ${pct(finding.segmentValue)} of respondents ` +
        `in ${who}, against ${pct(others)} of others (${d})`
      );
    case "stage":
      return `${pct(finding.segmentValue)} of respondents in ${who} run AI in production, against ${pct(others)} of others (${d})`;
    case "readiness":
      return (
        `respondents in ${who} rate their ${finding.measure.replace(/ readiness \(0-100\)$/, "").toLowerCase()} readiness ` +
        `${Math.round(finding.segmentValue)} on 0–100, against ${Math.round(others)} for others (${d})`
      );
    case "mismatch":
      return `${pct(finding.segmentValue)} of ${who} plan centralized cloud only, against ${pct(others)} of others (${d})`;
  }
}

function ruleFor(finding: Finding): SubjectRule | undefined {
  const direction = (finding.difference ?? 0) >= 0 ? "higher" : "lower";
  return SUBJECT_RULES.find(
    (rule) =>
      rule.kind === finding.kind &&
      rule.subjects.includes(finding.subject) &&
      (rule.direction === "either" || rule.direction === direction),
  );
}

/** The answers a subject is about, from the segment's aggregate (the mismatch group is defined by them). */
function focusedProfile(focus: "latency" | "sovereignty", finding: Finding, segment: WorkloadProfile): WorkloadProfile {
  const profile = emptyProfile();
  profile.homeRegion = segment.homeRegion;
  profile.userGeography = segment.userGeography;
  if (focus === "sovereignty") {
    profile.sovereignty = true;
    return profile;
  }
  if (finding.kind === "mismatch") {
    // The group: budgets under 250 ms with users in several regions or worldwide (taken at its mildest).
    profile.latencyBudget = "100_250ms";
    profile.userGeography = "several_regions";
    return profile;
  }
  profile.latencyBudget = segment.latencyBudget;
  profile.trafficShape = segment.trafficShape;
  profile.modelSizes = segment.modelSizes;
  return profile;
}

/** Why the recommender put the chosen candidate first, for a focused profile: the answers it weighed. */
function focusReason(rule: SubjectRule, profile: WorkloadProfile, chosen: ArchitectureId, order: ArchitectureId[]): string {
  const context = templateContext(profile);
  const users = profile.userGeography === "global" ? "worldwide" : profile.userGeography ? context.geography : "whose spread is not known";
  const among = order.map((id) => getArchitecture(id)?.name ?? id).join(", ");
  const weighed =
    rule.focus === "latency" && profile.latencyBudget
      ? `For a latency budget ${context.budgetLabel} with users ${users}`
      : `With users ${users}`;
  return `${weighed}, the recommender ranks ${getArchitecture(chosen)?.name ?? chosen} first among ${among}.`;
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/** The architectures a finding links to, and why, in the finding's own figures. */
export function linkArchitectures(finding: Finding, aggregate: SegmentAggregate, instrument: Instrument): ArchitectureLink {
  const segmentProfile = profileFromAggregate(instrument, {
    n: aggregate.n,
    homeRegion: finding.segment.region,
    single: aggregate.single,
    multi: aggregate.multi,
  });
  const rule = ruleFor(finding);
  if (!rule) {
    // The segment's overall workload mix is the same for every finding about it, so it is no reason to link one here.
    return {
      basis: "none",
      architectures: [],
      note: sentence(`${figuresOf(finding)}; this does not point to an inference architecture by itself`),
    };
  }
  const profile = rule.focus ? focusedProfile(rule.focus, finding, segmentProfile) : segmentProfile;
  const ranked = recommend(profile).ranked;
  const byId = new Map(ranked.map((r) => [r.id, r]));
  const order = rule.focus
    ? [...rule.candidates].sort(
        (x, y) => (byId.get(y)?.score ?? 0) - (byId.get(x)?.score ?? 0) || rule.candidates.indexOf(x) - rule.candidates.indexOf(y),
      )
    : [...rule.candidates];
  return {
    basis: "subject",
    note: null,
    architectures: order.slice(0, 2).map((id, i) => {
      const recommended = byId.get(id);
      const name = getArchitecture(id)?.name ?? id;
      return {
        id,
        name,
        // The recommender's own reasons speak to one respondent ("your users"); the trade-off carries its latency figures.
        reasons:
          i === 0
            ? [sentence(`${figuresOf(finding)}: ${rule.because}`), ...(rule.focus ? [focusReason(rule, profile, id, order)] : [])]
            : [getArchitecture(id)?.tagline ?? name],
        tradeoff: recommended?.tradeoff ?? "",
      };
    }),
  };
}
