import "server-only";
import { profileFromAnswers } from "@/lib/architecture/profile";
import { recommend } from "@/lib/architecture/recommend";
import { db } from "@/lib/db/client";
import { aggregates, withFigures } from "@/lib/engine";
import { getEnv } from "@/lib/env";
import { emptyFilters, type Filters } from "@/lib/analytics/filters";
import { suppressDistribution } from "@/lib/analytics/suppression";
import { meanInterval } from "@/lib/stats/tests";
import type { Answers, Instrument } from "./instrument-schema";
import { codeOf, findQuestionByRole, optionLabelOf, questionByRole, readinessDimensions, roleOptions } from "./roles";
import { snapshotCutoff, snapshotEnd, type DailyCount } from "./peer-snapshot";
import { hashResumeToken } from "./resume-token";
import type { OpenWave } from "./waves";

export type PeerGroup = "industry" | "region";

/**
 * Where the respondent's readiness index falls among a peer group, stated only as precisely as
 * the suppression rule allows (no count of 1..k-1 peers on either side is ever revealed):
 * - `share`: the share of peers scoring lower (both sides hold 0 or at least k peers);
 * - `lowest`: 1..k-1 peers score lower, so the respondent is in the group's lowest k;
 * - `highest`: 1..k-1 peers score the same or higher, so the respondent is in its highest k;
 * - `unplaced`: both sides hold 1..k-1 peers (a group of fewer than 2k): no side can be stated;
 * - `too_few`: fewer than k peers in the group: nothing about it is shown.
 */
export type Standing =
  { kind: "share"; shareBelow: number } | { kind: "lowest" } | { kind: "highest" } | { kind: "unplaced" } | { kind: "too_few" };

export interface PeerFigure {
  group: PeerGroup;
  /** The segment's option label, e.g. "Healthcare & life sciences". */
  label: string;
  /** Null when fewer than k peers answered: the figure is withheld, not just hidden. */
  n: number | null;
  standing: Standing;
}

/** A peer group's mean rating on a 1-5 dimension with its 95% t interval (clamped to the scale). */
export interface PeerMean {
  mean: number;
  lower: number;
  upper: number;
}

export interface DimensionRow {
  questionId: string;
  label: string;
  you: number;
  /** Null when the group has fewer than k peers. */
  industry: PeerMean | null;
  region: PeerMean | null;
}

/**
 * The respondent's stage of readiness: the label of the readiness scale (e.g. "Developing") nearest
 * to the mean of their dimension ratings, which the index puts on 0-100 (1 -> 0, 5 -> 100).
 */
export interface ReadinessStage {
  label: string;
  /** 1-based position on the scale, e.g. 3 of 5. */
  level: number;
  levels: number;
}

export interface ShareRow {
  optionId: string;
  label: string;
  industryShare: number | null;
  regionShare: number | null;
}

export interface PersonalResult {
  responseId: string;
  submittedAt: Date;
  readinessIndex: number;
  readinessStage: ReadinessStage;
  suppressionK: number;
  /** Peer groups smaller than this show no figures (see peerMinimum). */
  peerMinimum: number;
  peers: PeerFigure[];
  dimensions: DimensionRow[];
  stage: { optionId: string; label: string; rows: ShareRow[] };
  topConcerns: ShareRow[];
  /** Inference architectures ranked for the respondent's own workload profile. */
  recommendation: ReturnType<typeof recommend>["ranked"];
}

interface OwnRow {
  id: string;
  industry: string;
  region: string;
  stage: string;
  readiness_index: number;
  submitted_at: Date;
  answers: Answers;
}

/** The respondent's own complete response and how it compares with peers; null if not complete. */
export async function getPersonalResult(wave: OpenWave, token: string): Promise<PersonalResult | null> {
  const { instrument } = wave;
  const own = (
    await db().$queryRaw<OwnRow[]>`
      SELECT id, industry, region, stage, readiness_index, submitted_at, answers FROM response
      WHERE resume_token_hash = ${hashResumeToken(token)} AND wave_id = ${wave.waveId}::uuid AND status = 'complete'`
  )[0];
  if (!own) return null;

  const k = getEnv().SUPPRESSION_K;
  const dims = readinessDimensions(instrument);
  const rankQuestion = questionByRole(instrument, "top_concerns");
  const topConcerns = rankQuestion && Array.isArray(own.answers[rankQuestion.id]) ? (own.answers[rankQuestion.id] as string[]) : [];
  const stageOptions = questionByRole(instrument, "stage").options;

  // Peers are a snapshot that moves in steps of k people or more (./peer-snapshot.ts), never the
  // live group: live figures would let a respondent reload around one newcomer and subtract.
  // Peer figures are published to a respondent: protected like the public page's (docs/PRIVACY.md).
  const reader = await withFigures("protected", () => aggregates());
  const group = (column: "industry" | "region", value: string): Filters => ({
    ...emptyFilters(),
    segments: { ...emptyFilters().segments, [column]: [value] },
  });
  const now = new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const snapshotOf = async (column: "industry" | "region", value: string): Promise<Date | null> => {
    const rows = await reader.tally({
      instrument,
      selection: { waveId: wave.waveId, status: "complete", filters: group(column, value), before: today },
      groupBy: [{ kind: "bucket", unit: "day" }],
    });
    const days: DailyCount[] = rows.map((r) => ({ day: String(r.key[0]), n: r.n })).sort((a, b) => a.day.localeCompare(b.day));
    const cutoff = snapshotCutoff(days, k);
    return cutoff === null ? null : snapshotEnd(cutoff);
  };

  // One pass per peer group: n, the moments of each dimension (for means and their intervals: on
  // a 1-5 scale nearly every median is 3, which says little), stage counts and top-3 shares. The
  // respondent is excluded from their own peer group. No snapshot yet: nobody (n = 0).
  const peersOf = async (column: "industry" | "region", value: string): Promise<Record<string, number>> => {
    const [row] = await reader.tally({
      instrument,
      selection: {
        waveId: wave.waveId,
        status: "complete",
        filters: group(column, value),
        before: await snapshotOf(column, value),
        excludeId: own.id,
      },
      measures: {
        below: own.readiness_index,
        scales: dims.map((d) => d.question.id),
        values: [{ key: "stage", values: stageOptions.map((o) => o.id) }],
        options: topConcerns.length ? [rankQuestion.id] : [],
      },
    });
    const out: Record<string, number> = { n: row?.n ?? 0, below: row?.below ?? 0 };
    dims.forEach((d, i) => {
      const m = row?.scales[d.question.id];
      Object.assign(out, { [`d${i}n`]: m?.n ?? 0, [`d${i}s`]: m?.sum ?? 0, [`d${i}q`]: m?.sumSquares ?? 0 });
    });
    stageOptions.forEach((o, i) => (out[`s${i}`] = row?.values.stage?.[o.id] ?? 0));
    topConcerns.forEach((c, i) => (out[`c${i}`] = row?.options[rankQuestion.id]?.[c] ?? 0));
    return out;
  };
  const [industryRow, regionRow] = await Promise.all([peersOf("industry", own.industry), peersOf("region", own.region)]);
  const industry = unpack(industryRow, dims.length, stageOptions.length, topConcerns.length, k);
  const region = unpack(regionRow, dims.length, stageOptions.length, topConcerns.length, k);

  return {
    responseId: own.id,
    submittedAt: own.submitted_at,
    readinessIndex: own.readiness_index,
    readinessStage: readinessStage(instrument, own.readiness_index),
    suppressionK: k,
    peerMinimum: peerMinimum(k),
    peers: [
      { group: "industry", label: optionLabelOf(instrument, "industry", own.industry), n: industry.n, standing: industry.standing },
      { group: "region", label: optionLabelOf(instrument, "region", own.region), n: region.n, standing: region.standing },
    ],
    dimensions: dims.map((d, i) => ({
      questionId: d.question.id,
      label: d.label,
      you: Number(own.answers[d.question.id]),
      industry: industry.means[i] ?? null,
      region: region.means[i] ?? null,
    })),
    stage: {
      optionId: own.stage,
      label: optionLabelOf(instrument, "stage", own.stage),
      rows: stageOptions.map((o, i) => ({
        optionId: o.id,
        label: o.label,
        industryShare: industry.stageShares[i] ?? null,
        regionShare: region.stageShares[i] ?? null,
      })),
    },
    recommendation: recommend(profileFromAnswers(instrument, own.answers)).ranked,
    topConcerns: topConcerns.map((c, i) => ({
      optionId: c,
      label: optionLabelOf(instrument, "top_concerns", c),
      industryShare: industry.concernShares[i] ?? null,
      regionShare: region.concernShares[i] ?? null,
    })),
  };
}

interface Unpacked {
  n: number | null;
  standing: Standing;
  means: (PeerMean | null)[];
  stageShares: (number | null)[];
  concernShares: (number | null)[];
}

/**
 * The smallest peer group whose figures the result page shows. The snapshot stops passive
 * differencing, but anyone may submit responses: k-1 made-up peers in one snapshot step would
 * leave one real newcomer to subtract. Figures therefore come only from groups where one person
 * cannot move what is shown: means to 0.1 on 1-5 over 50 or more peers shift by at most 0.08 per
 * person, and shares are rounded to steps of k/n (see coarse()).
 */
export function peerMinimum(k: number): number {
  return Math.max(10 * k, 50);
}

/** A share rounded to steps of max(1%, k/n): one person is a fifth of a step or less, and a count of k or more never shows as 0%. */
export function coarseShare(count: number, n: number, k: number): number {
  const step = Math.max(0.01, k / n);
  if (count <= 0 || count >= n) return count <= 0 ? 0 : 1;
  // Some but not all: never shown as none or all (a count of k or more is at least one step).
  return Math.min(1 - step, Math.max(step, Math.round(count / n / step) * step));
}

const down = (v: number) => Math.floor(v * 10) / 10;
const up = (v: number) => Math.ceil(v * 10) / 10;

/** Reads the aliased columns of a peer row, withholding everything below the peer minimum. */
function unpack(row: Record<string, unknown> | undefined, dims: number, stages: number, concerns: number, k: number): Unpacked {
  const n = Number(row?.n ?? 0);
  if (n < peerMinimum(k)) {
    return {
      n: null,
      standing: { kind: "too_few" },
      means: Array(dims).fill(null),
      stageShares: Array(stages).fill(null),
      concernShares: Array(concerns).fill(null),
    };
  }
  const at = (name: string) => Number(row?.[name]);
  // A share of n reveals its count: withhold it when the count, or the rest, is 1..k-1.
  const share = (count: number) => ((count > 0 && count < k) || (n - count > 0 && n - count < k) ? null : coarseShare(count, n, k));
  const mean = (i: number): PeerMean | null => {
    const moments = { n: at(`d${i}n`), sum: at(`d${i}s`), sumSquares: at(`d${i}q`) };
    if (moments.n < peerMinimum(k)) return null;
    const interval = meanInterval(moments);
    // To 0.1, the interval rounded outwards so it still covers what it covered.
    return { mean: Math.round(interval.mean * 10) / 10, lower: Math.max(1, down(interval.lower)), upper: Math.min(5, up(interval.upper)) };
  };
  // Stages are one distribution: a withheld stage must not be n minus the others (complementary).
  const stageCounts = suppressDistribution(
    Array.from({ length: stages }, (_, i) => at(`s${i}`)),
    k,
  );
  const standing = standingOf(at("below"), n, k);
  return {
    n,
    standing: standing.kind === "share" ? { kind: "share", shareBelow: coarseShare(at("below"), n, k) } : standing,
    means: Array.from({ length: dims }, (_, i) => mean(i)),
    stageShares: stageCounts.map((count) => (count === null ? null : share(count))),
    concernShares: Array.from({ length: concerns }, (_, i) => share(at(`c${i}`))),
  };
}

/** Places a score among n peers of whom `below` score lower, revealing no side of 1..k-1 peers. */
export function standingOf(below: number, n: number, k: number): Standing {
  if (n < k) return { kind: "too_few" };
  const atOrAbove = n - below;
  const fewBelow = below > 0 && below < k;
  const fewAbove = atOrAbove > 0 && atOrAbove < k;
  if (fewBelow && fewAbove) return { kind: "unplaced" };
  if (fewBelow) return { kind: "lowest" };
  if (fewAbove) return { kind: "highest" };
  return { kind: "share", shareBelow: below / n };
}

/** The labels of the readiness dimensions' 1-5 scale (e.g. Absent … Leading). */
export function readinessScale(instrument: Instrument): readonly string[] {
  return readinessDimensions(instrument)[0]?.question.scale ?? ["1", "2", "3", "4", "5"];
}

/** The readiness scale's label nearest to the mean dimension rating behind a 0-100 index. */
export function readinessStage(instrument: Instrument, index: number): ReadinessStage {
  const scale = readinessScale(instrument);
  const level = Math.min(scale.length, Math.max(1, Math.round((index / 100) * (scale.length - 1)) + 1));
  return { label: scale[level - 1] ?? String(level), level, levels: scale.length };
}

/** What the share image shows: the index, the stage of readiness and the recommended architecture; no answers. */
export interface ShareSummary {
  surveyTitle: string;
  waveTitle: string;
  readinessIndex: number;
  readinessStage: ReadinessStage;
  architecture: { id: string; name: string } | null;
}

/** The share image's figures for the respondent's own complete response; null if not complete. */
export async function getShareSummary(wave: OpenWave, token: string): Promise<ShareSummary | null> {
  const own = (
    await db().$queryRaw<Pick<OwnRow, "readiness_index" | "answers">[]>`
      SELECT readiness_index, answers FROM response
      WHERE resume_token_hash = ${hashResumeToken(token)} AND wave_id = ${wave.waveId}::uuid AND status = 'complete'`
  )[0];
  if (!own) return null;
  const top = recommend(profileFromAnswers(wave.instrument, own.answers)).ranked[0];
  return {
    surveyTitle: wave.surveyTitle,
    waveTitle: wave.waveTitle,
    readinessIndex: own.readiness_index,
    readinessStage: readinessStage(wave.instrument, own.readiness_index),
    architecture: top ? { id: top.id, name: top.name } : null,
  };
}

/**
 * The region names of the wave's own instrument by option code, in the wording it is shown in
 * (localized): the latency model names the users' regions by these codes.
 */
export function regionNames(instrument: Instrument): Record<string, string> {
  const question = findQuestionByRole(instrument, "region");
  return question ? Object.fromEntries(roleOptions(instrument, question).map((option) => [codeOf(option), option.label])) : {};
}
