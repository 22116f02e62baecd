import "server-only";
// Weighting targets and weights of a wave. Targets are kept with their history (one row per
// change, the highest revision wins, who and when recorded); weights are computed on demand from
// the complete responses' profile cells and cached per wave for WEIGHTS_TTL_MS, so figures follow
// new responses within seconds; past that, weights read from the replica are kept while the wave's
// rows there and its targets are what they were raked from. A target change in this process drops
// the wave's cached weights at once (other processes within the TTL).
import { emptyFilters } from "@/lib/analytics/filters";
import type { Caller } from "@/lib/api/route";
import { db } from "@/lib/db/client";
import { aggregates, waveVersion } from "@/lib/engine";
import { withFigures } from "@/lib/engine/figures";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { parseDefinition } from "@/lib/survey/waves";
import { CELL_DIMENSIONS, profilesOf } from "./cells";
import { dimensionCategories, dimensionOptions } from "./instrument";
import { rake, type ProfileCell, type RakeResult } from "./rake";
import { marginChecks, summarizeWeights } from "./report";
import {
  checkTargets,
  jsonRowPath,
  targetRowSchema,
  WEIGHTING_DIMENSIONS,
  type Margins,
  type RowPath,
  type StoredTargetSet,
  type TargetRow,
  type TrimCaps,
  type WeightingDimension,
  type WeightReport,
} from "./schemas";

/** How old cached weights may be (new responses reach the weights within this). */
export const WEIGHTS_TTL_MS = 5000;
const HISTORY_LIMIT = 100;

export interface WeightingWave {
  id: string;
  code: string;
  instrument: Instrument;
}

/** A wave of the survey by code, drafts included (admins set targets before opening). */
export async function weightingWave(slug: string, code: string): Promise<WeightingWave> {
  const wave = await db().wave.findFirst({
    where: { code, survey: { slug } },
    select: { id: true, code: true, definition: true, definitionHash: true },
  });
  if (!wave) throw new NotFoundError(`Wave ${code}`);
  return { id: wave.id, code: wave.code, instrument: parseDefinition(wave.definitionHash, wave.definition) };
}

interface TargetRowRecord {
  revision: number;
  margins: unknown;
  trimLower: number | null;
  trimUpper: number | null;
  source: string;
  actorEmail: string;
  createdAt: Date;
}

function storedOf(row: TargetRowRecord): StoredTargetSet {
  const margins = Array.isArray(row.margins) ? row.margins.flatMap((m) => targetRowSchema.safeParse(m).data ?? []) : [];
  return {
    revision: row.revision,
    margins,
    trim: row.trimLower !== null && row.trimUpper !== null ? { lower: row.trimLower, upper: row.trimUpper } : null,
    source: row.source === "csv" || row.source === "clear" ? row.source : "json",
    setBy: row.actorEmail,
    setAt: row.createdAt.toISOString(),
  };
}

const targetSelect = {
  revision: true,
  margins: true,
  trimLower: true,
  trimUpper: true,
  source: true,
  actorEmail: true,
  createdAt: true,
} as const;

/** The wave's current target set (null when none was ever set) and its history, newest first. */
export async function targetHistory(wave: WeightingWave): Promise<{ current: StoredTargetSet | null; history: StoredTargetSet[] }> {
  const rows = await db().weightingTargetSet.findMany({
    where: { waveId: wave.id },
    orderBy: { revision: "desc" },
    take: HISTORY_LIMIT,
    select: targetSelect,
  });
  const history = rows.map(storedOf);
  return { current: history[0] ?? null, history };
}

async function currentTargets(waveId: string): Promise<StoredTargetSet | null> {
  const row = await db().weightingTargetSet.findFirst({ where: { waveId }, orderBy: { revision: "desc" }, select: targetSelect });
  return row ? storedOf(row) : null;
}

export interface TargetInput {
  rows: readonly TargetRow[];
  trim: TrimCaps | null;
  source: "json" | "csv";
  /** Names a row's problems (JSON: margins[3].share; CSV: line 4: share). */
  rowPath?: RowPath;
}

/**
 * Stores a new revision of the wave's targets after checking them against the wave's instrument
 * (400 naming every problem). The wave row is locked, so concurrent changes get consecutive revisions.
 */
export async function saveTargets(wave: WeightingWave, input: TargetInput, caller: Caller): Promise<StoredTargetSet> {
  const checked = checkTargets(input.rows, dimensionCategories(wave.instrument), input.rowPath ?? jsonRowPath);
  if (checked.margins === null) throw new ValidationError(checked.issues);
  return appendRevision(wave, { margins: [...input.rows], trim: input.trim, source: input.source }, caller);
}

/** Records that the wave has no targets any more (its figures are unweighted again). */
export function clearTargets(wave: WeightingWave, caller: Caller): Promise<StoredTargetSet> {
  return appendRevision(wave, { margins: [], trim: null, source: "clear" }, caller);
}

async function appendRevision(
  wave: WeightingWave,
  set: { margins: TargetRow[]; trim: TrimCaps | null; source: "json" | "csv" | "clear" },
  caller: Caller,
): Promise<StoredTargetSet> {
  const row = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM wave WHERE id = ${wave.id}::uuid FOR UPDATE`;
    const last = await tx.weightingTargetSet.aggregate({ where: { waveId: wave.id }, _max: { revision: true } });
    return tx.weightingTargetSet.create({
      data: {
        waveId: wave.id,
        revision: (last._max.revision ?? 0) + 1,
        margins: set.margins.map((m) => ({ dimension: m.dimension, category: m.category, share: m.share })),
        trimLower: set.trim?.lower ?? null,
        trimUpper: set.trim?.upper ?? null,
        source: set.source,
        actorId: caller.id,
        actorEmail: caller.email,
      },
      select: targetSelect,
    });
  });
  weightCache.delete(wave.id);
  return storedOf(row);
}

/** Complete responses per profile cell (industry x region x company size x role). */
export async function profileCells(wave: WeightingWave): Promise<ProfileCell[]> {
  // Through the aggregate engine like every view (at 1,000,000 responses PostgreSQL's GROUP BY took
  // ~0.8 s, paid by a view every WEIGHTS_TTL_MS), and exact whoever asks: weights are never shown,
  // and a protected reader's perturbed counts would rake to other weights.
  const reader = await withFigures("exact", () => aggregates());
  const rows = await reader.tally({
    instrument: wave.instrument,
    selection: { waveId: wave.id, status: "complete", filters: emptyFilters() },
    groupBy: CELL_DIMENSIONS,
  });
  // In one order whatever order the engine grouped them in: raking sums over the cells, and the
  // same responses must always get the same weights, to the last bit.
  return profilesOf(rows, 0)
    .map((profile, i) => ({ key: cellKey(profile), n: rows[i]?.n ?? 0, profile }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ profile, n }) => ({
      profile: Object.fromEntries(Object.entries(profile).filter(([, value]) => value !== null)) as ProfileCell["profile"],
      n,
    }));
}

export function marginsOf(set: StoredTargetSet | null): Margins | null {
  if (!set || set.margins.length === 0) return null;
  const margins: Margins = {};
  for (const row of set.margins) {
    const shares = (margins[row.dimension] as Map<string, number> | undefined) ?? new Map<string, number>();
    shares.set(row.category, row.share);
    margins[row.dimension] = shares;
  }
  return margins;
}

/** A wave's weights: per profile cell, with the raking outcome; what views and exports use. */
export interface WaveWeights {
  wave: WeightingWave;
  targets: StoredTargetSet | null;
  cells: ProfileCell[];
  /** Per cell (same order); all 1 when unweighted or when raking failed. */
  weights: number[];
  /** Null when the wave has no targets. */
  raking: RakeResult | null;
  /** True when targets exist and raking converged: figures are weighted. */
  weighted: boolean;
  computedAt: Date;
  /** The replica's version of the wave's rows the cells were read after; null when not read from the replica. */
  rowsVersion: string | null;
  /** The weight of a response with this profile (1 for a profile outside every cell). */
  weightOf(profile: Partial<Record<WeightingDimension, string | null>>): number;
  /** Whether the weights know this profile cell (a cell first seen after they were computed does not). */
  knows(profile: Partial<Record<WeightingDimension, string | null>>): boolean;
}

export const cellKey = (profile: Partial<Record<WeightingDimension, string | null>>): string =>
  WEIGHTING_DIMENSIONS.map((d) => profile[d] ?? "").join("\u0000");

const weightCache = new Map<string, { until: number; value: Promise<WaveWeights> }>();

/** The replica's version of the wave's rows and the targets, when the caller has just read them. */
interface ReadBefore {
  rowsVersion: string | null;
  targets: StoredTargetSet | null;
}

async function computeWeights(wave: WeightingWave, read?: ReadBefore): Promise<WaveWeights> {
  // The version first: the cells are read after it, so they are never older than it says (a change
  // in between gives a newer version next time, and the weights are computed again).
  const rowsVersion = read ? read.rowsVersion : await waveVersion(wave.id, wave.instrument);
  const [targets, cells] = await Promise.all([read ? read.targets : currentTargets(wave.id), profileCells(wave)]);
  const margins = marginsOf(targets);
  const raking = margins ? rake(cells, margins, { trim: targets?.trim ?? null }) : null;
  const weights = raking?.converged ? raking.weights : cells.map(() => 1);
  const byKey = new Map(cells.map((cell, i) => [cellKey(cell.profile), weights[i] as number]));
  return {
    wave,
    targets,
    cells,
    weights,
    raking,
    weighted: raking?.converged ?? false,
    computedAt: new Date(),
    rowsVersion,
    weightOf: (profile) => byKey.get(cellKey(profile)) ?? 1,
    knows: (profile) => byKey.has(cellKey(profile)),
  };
}

/**
 * Weights computed before, if they still hold: the replica's rows of the wave have not changed since
 * (a fold of every change committed before this call is awaited) and neither have the targets.
 * At 1,000,000 responses recomputing means a tally of every complete row, ~0.1 s of each view.
 */
async function revalidated(wave: WeightingWave, previous: Promise<WaveWeights>): Promise<WaveWeights> {
  const before = await previous.catch(() => null);
  if (!before?.rowsVersion) return computeWeights(wave);
  const [rowsVersion, targets] = await Promise.all([waveVersion(wave.id, wave.instrument), currentTargets(wave.id)]);
  if (rowsVersion === before.rowsVersion && targets?.revision === before.targets?.revision) return before;
  // Changed: compute from what was just read (waiting for the replica's fold once, not twice).
  return computeWeights(wave, { rowsVersion, targets });
}

/** The wave's current weights, computed on demand and reused for WEIGHTS_TTL_MS, then while they hold. */
export function waveWeights(wave: WeightingWave): Promise<WaveWeights> {
  const now = Date.now();
  const hit = weightCache.get(wave.id);
  if (hit && hit.until > now) return hit.value;
  const value = hit ? revalidated(wave, hit.value) : computeWeights(wave);
  weightCache.set(wave.id, { until: now + WEIGHTS_TTL_MS, value });
  value.catch(() => weightCache.delete(wave.id));
  return value;
}

/**
 * The wave's weights recomputed now, unless they already were since `seen` was handed out (several
 * views of one request noticing the same new cell recompute once). Called when a view or an export
 * meets a profile cell the cached weights do not know: a response in a brand-new cell must not wait
 * for WEIGHTS_TTL_MS, since its cell would otherwise have no weight at all.
 */
export async function refreshWeights(wave: WeightingWave, seen: WaveWeights): Promise<WaveWeights> {
  const hit = weightCache.get(wave.id);
  if (hit) {
    const cached = await hit.value.catch(() => null);
    if (cached && cached !== seen && cached.computedAt >= seen.computedAt) return cached;
  }
  weightCache.delete(wave.id);
  return waveWeights(wave);
}

/** Forgets a wave's cached weights (a submission in this process: its cell counts changed). */
export function dropWeights(waveId: string): void {
  weightCache.delete(waveId);
}

const orNull = (v: number) => (Number.isFinite(v) ? v : null);

/** The weight report of a wave (what GET …/weighting/report answers and the dashboard shows). */
export async function weightReport(wave: WeightingWave): Promise<WeightReport> {
  const w = await waveWeights(wave);
  const summary = summarizeWeights(w.cells.map((cell, i) => ({ weight: w.weights[i] as number, n: cell.n })));
  const labels = new Map(dimensionOptions(wave.instrument).flatMap((d) => d.options.map((o) => [`${d.dimension}:${o.category}`, o.label])));
  const margins = marginsOf(w.targets) ?? {};
  const problem = w.raking?.problem ?? null;
  return {
    wave: wave.code,
    status: !w.raking ? "unweighted" : w.weighted ? "weighted" : "failed",
    computedAt: w.computedAt.toISOString(),
    targets: w.targets && w.targets.margins.length > 0 ? w.targets : null,
    raking: w.raking
      ? {
          converged: w.raking.converged,
          iterations: w.raking.iterations,
          maxGap: orNull(w.raking.maxGap),
          problem: problem
            ? {
                kind: problem.kind,
                message: problem.message,
                ...("dimension" in problem ? { dimension: problem.dimension } : {}),
                ...("category" in problem ? { category: problem.category } : {}),
              }
            : null,
          trimming: w.raking.trimming,
        }
      : null,
    weights: {
      n: summary.n,
      sumWeights: summary.sumWeights,
      nEff: summary.nEff,
      designEffect: orNull(summary.designEffect),
      efficiency: orNull(summary.efficiency),
      distribution: {
        min: orNull(summary.distribution.min),
        p05: orNull(summary.distribution.p05),
        p25: orNull(summary.distribution.p25),
        median: orNull(summary.distribution.median),
        p75: orNull(summary.distribution.p75),
        p95: orNull(summary.distribution.p95),
        max: orNull(summary.distribution.max),
        mean: orNull(summary.distribution.mean),
      },
    },
    margins: marginChecks(w.cells, w.weights, margins, dimensionCategories(wave.instrument)).map((m) => ({
      ...m,
      label: labels.get(`${m.dimension}:${m.category}`) ?? m.category,
    })),
    cells: w.cells.map((cell, i) => ({
      industry: cell.profile.industry ?? null,
      region: cell.profile.region ?? null,
      company_size: cell.profile.company_size ?? null,
      role: cell.profile.role ?? null,
      n: cell.n,
      weight: w.weights[i] as number,
    })),
  };
}

/** Per profile cell, the weight the exports carry; null when the wave is not weighted (no targets, or raking failed). */
export async function exportWeights(
  wave: WeightingWave,
): Promise<{ industry: string | null; region: string | null; company_size: string | null; role: string | null; weight: number }[] | null> {
  // A wave without targets has no weights: no GROUP BY over its responses before the export's
  // COPY (on the read pool, where it would hold the connection a queued export waits for and
  // could not be cancelled by a client that goes away).
  if (!marginsOf(await currentTargets(wave.id))) return null;
  // Computed afresh (not from the cache): a response in a profile cell first seen within the
  // cache's lifetime would otherwise export an empty weight. One GROUP BY and a raking per export.
  weightCache.delete(wave.id);
  const w = await waveWeights(wave);
  if (!w.weighted) return null;
  return w.cells.map((cell, i) => ({
    industry: cell.profile.industry ?? null,
    region: cell.profile.region ?? null,
    company_size: cell.profile.company_size ?? null,
    role: cell.profile.role ?? null,
    weight: w.weights[i] as number,
  }));
}
