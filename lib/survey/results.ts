import "server-only";
import { profileFromAnswers } from "@/lib/architecture/profile";
import { recommend } from "@/lib/architecture/recommend";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { optionsOf, findQuestion, type Answers } from "./instrument-schema";
import { hashResumeToken } from "./resume-token";
import type { OpenWave } from "./waves";

export type PeerGroup = "industry" | "region";

export interface PeerFigure {
  group: PeerGroup;
  /** The segment's option label, e.g. "Healthcare & life sciences". */
  label: string;
  /** Null when fewer than k peers answered: the figure is withheld, not just hidden. */
  n: number | null;
  /** Share of these peers whose readiness index is below the respondent's (null when withheld). */
  shareBelow: number | null;
}

export interface DimensionRow {
  questionId: string;
  label: string;
  you: number;
  industryMedian: number | null;
  regionMedian: number | null;
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
  suppressionK: number;
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
  const dims = instrument.readinessDimensions;
  const rankQuestion = instrument.sections.flatMap((s) => s.questions).find((q) => q.type === "rank");
  const topConcerns = rankQuestion && Array.isArray(own.answers[rankQuestion.id]) ? (own.answers[rankQuestion.id] as string[]) : [];
  const stageQuestion = findQuestion(instrument, instrument.profile.stage ?? "");
  const stageOptions = stageQuestion ? optionsOf(instrument, stageQuestion) : [];

  // One pass per peer group: n, dimension medians, stage counts and top-3 shares, all in SQL.
  // The respondent is excluded from their own peer group.
  const peerQuery = (column: "industry" | "region", value: string) => Prisma.sql`
    SELECT count(*)::int AS n,
      count(*) FILTER (WHERE readiness_index < ${own.readiness_index})::int AS below,
      ${Prisma.join(
        dims.map(
          (d, i) => Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY (answers->>${d.questionId})::int) AS ${Prisma.raw(`d${i}`)}`,
        ),
        ", ",
      )}${dims.length ? Prisma.sql`,` : Prisma.empty}
      ${Prisma.join(
        stageOptions.map((o, i) => Prisma.sql`count(*) FILTER (WHERE stage = ${o.id})::int AS ${Prisma.raw(`s${i}`)}`),
        ", ",
      )}
      ${
        topConcerns.length && rankQuestion
          ? Prisma.sql`, ${Prisma.join(
              topConcerns.map(
                (c, i) => Prisma.sql`count(*) FILTER (WHERE (answers->${rankQuestion.id}) ? ${c})::int AS ${Prisma.raw(`c${i}`)}`,
              ),
              ", ",
            )}`
          : Prisma.empty
      }
    FROM response
    WHERE wave_id = ${wave.waveId}::uuid AND status = 'complete'
      AND ${Prisma.raw(column)} = ${value} AND id <> ${own.id}::uuid`;

  const [industryRow, regionRow] = await Promise.all([
    db().$queryRaw<Record<string, unknown>[]>(peerQuery("industry", own.industry)),
    db().$queryRaw<Record<string, unknown>[]>(peerQuery("region", own.region)),
  ]);
  const industry = unpack(industryRow[0], dims.length, stageOptions.length, topConcerns.length, k);
  const region = unpack(regionRow[0], dims.length, stageOptions.length, topConcerns.length, k);

  const labelOf = (questionId: string | undefined, optionId: string) => {
    const question = questionId ? findQuestion(instrument, questionId) : undefined;
    return (question ? optionsOf(instrument, question) : []).find((o) => o.id === optionId)?.label ?? optionId;
  };

  return {
    responseId: own.id,
    submittedAt: own.submitted_at,
    readinessIndex: own.readiness_index,
    suppressionK: k,
    peers: [
      { group: "industry", label: labelOf(instrument.profile.industry, own.industry), n: industry.n, shareBelow: industry.shareBelow },
      { group: "region", label: labelOf(instrument.profile.region, own.region), n: region.n, shareBelow: region.shareBelow },
    ],
    dimensions: dims.map((d, i) => ({
      questionId: d.questionId,
      label: d.label,
      you: Number(own.answers[d.questionId]),
      industryMedian: industry.medians[i] ?? null,
      regionMedian: region.medians[i] ?? null,
    })),
    stage: {
      optionId: own.stage,
      label: labelOf(instrument.profile.stage, own.stage),
      rows: stageOptions.map((o, i) => ({
        optionId: o.id,
        label: o.label,
        industryShare: industry.stageShares[i] ?? null,
        regionShare: region.stageShares[i] ?? null,
      })),
    },
    recommendation: recommend(profileFromAnswers(own.answers)).ranked,
    topConcerns: topConcerns.map((c, i) => ({
      optionId: c,
      label: labelOf(rankQuestion?.id, c),
      industryShare: industry.concernShares[i] ?? null,
      regionShare: region.concernShares[i] ?? null,
    })),
  };
}

interface Unpacked {
  n: number | null;
  shareBelow: number | null;
  medians: (number | null)[];
  stageShares: (number | null)[];
  concernShares: (number | null)[];
}

/** Reads the aliased columns of a peer row, withholding everything when n < k. */
function unpack(row: Record<string, unknown> | undefined, dims: number, stages: number, concerns: number, k: number): Unpacked {
  const n = Number(row?.n ?? 0);
  if (n < k) {
    return {
      n: null,
      shareBelow: null,
      medians: Array(dims).fill(null),
      stageShares: Array(stages).fill(null),
      concernShares: Array(concerns).fill(null),
    };
  }
  const at = (name: string) => Number(row?.[name]);
  // A share of n reveals its count: withhold it when the count, or the rest, is 1..k-1.
  const share = (count: number) => ((count > 0 && count < k) || (n - count > 0 && n - count < k) ? null : count / n);
  return {
    n,
    shareBelow: share(at("below")),
    medians: Array.from({ length: dims }, (_, i) => at(`d${i}`)),
    stageShares: Array.from({ length: stages }, (_, i) => share(at(`s${i}`))),
    concernShares: Array.from({ length: concerns }, (_, i) => share(at(`c${i}`))),
  };
}
