import "server-only";
// Whether a view's figures are weighted, and the weighted tallies it reads. A wave's figures are
// weighted by default once it has targets and raking converged; `weighted=0` switches a view to
// the unweighted figures. Protected readers (viewers, the public page, peers) are never weighted:
// their figures are perturbed counts, and weighting them would need the exact cell tallies
// (docs/PRIVACY.md); their badge says "unweighted".
import { currentFigures, type AggregateReader, type TallyRequest } from "@/lib/engine";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { CELL_DIMENSIONS, profilesOf, weightedGroups, type WeightedGroup } from "./cells";
import { refreshWeights, waveWeights, type WaveWeights } from "./store";

/** Why a view is (not) weighted: what its badge says. */
export type WeightingState = "weighted" | "switched_off" | "no_targets" | "raking_failed" | "protected" | "across_waves";

export interface ViewWeighting {
  state: WeightingState;
  /** True when the wave has usable weights, so the switch is offered (and `weighted=1` would weight). */
  available: boolean;
  /** The weights in use (state "weighted"); refreshed when a tally meets a cell they do not know. */
  weights: WaveWeights | null;
  /** The wave's complete responses (its design's n), weighted or not. */
  designN: number;
}

/** The view's weighting: `requested` is the weighted parameter (null: the default, on when available). */
export async function viewWeighting(
  wave: { id: string; code: string; instrument: Instrument },
  requested: boolean | null,
): Promise<ViewWeighting> {
  const weights = await waveWeights(wave);
  const available = weights.weighted;
  const state: WeightingState =
    !weights.targets || weights.targets.margins.length === 0
      ? "no_targets"
      : !available
        ? "raking_failed"
        : currentFigures() === "protected"
          ? "protected"
          : requested === false
            ? "switched_off"
            : "weighted";
  return { state, available, weights: state === "weighted" ? weights : null, designN: designN(weights) };
}

/**
 * A tally grouped by the request's dimensions and then by profile cell, as weighted groups. A
 * profile cell the weights do not know (a response in a new cell since they were computed)
 * recomputes them first, so no response is ever left without its weight.
 */
export async function weightedTally(reader: AggregateReader, request: TallyRequest, weighting: ViewWeighting): Promise<WeightedGroup[]> {
  let weights = weighting.weights;
  if (!weights) throw new Error("weightedTally on an unweighted view");
  const groups = request.groupBy?.length ?? 0;
  const rows = await reader.tally({ ...request, groupBy: [...(request.groupBy ?? []), ...CELL_DIMENSIONS] });
  const current = weights;
  if (profilesOf(rows, groups).some((p) => !current.knows(p))) {
    weights = await refreshWeights(current.wave, current);
    weighting.weights = weights;
  }
  return weightedGroups(rows, groups, weights.weightOf);
}

/** The number of responses of the wave's design (complete responses): the n of R's n / (n - 1) for a view that is a domain of it. */
export const designN = (weights: WaveWeights): number => weights.cells.reduce((s, c) => s + c.n, 0);
