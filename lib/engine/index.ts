import "server-only";
// The aggregate engine every analyst view and the respondents' peer figures read through:
// `aggregates()` gives a reader that is fresh as of this call (the replica folds the changes
// committed before it) and answers from the columnar replica, or from PostgreSQL while the
// replica warms up, for a wave it has not loaded yet, or when ANALYTICS_ENGINE=raw.
import { AsyncLocalStorage } from "node:async_hooks";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { getEnv } from "@/lib/env";
import { protectRows } from "@/lib/privacy/protect";
import { protectedCount } from "@/lib/privacy/cellkey";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { currentFigures } from "./figures";
import { ColumnarReplica, type ReplicaInfo } from "./columnar/replica";
import { rawReader } from "./raw";
import type { AggregateReader } from "./types";

export { currentFigures, withFigures } from "./figures";
export type { AggregateReader, Dimension, Measures, Moments, Predicate, Selection, TallyRequest, TallyRow } from "./types";

const globalForEngine = globalThis as unknown as { readinessColumnarReplica?: ColumnarReplica };
const forced = new AsyncLocalStorage<"raw" | "columnar">();
/**
 * A reader whose every figure is protected (cell-key perturbation, k from SUPPRESSION_K): tallies
 * ask for record-key sums and come back perturbed; counts of filter sets likewise.
 */
export function protectedReader(inner: AggregateReader, k: number = getEnv().SUPPRESSION_K): AggregateReader {
  const cells: AggregateReader["cellsEach"] = async (waveId, filterSets) =>
    (await inner.cellsEach(waveId, filterSets)).map((cell) => ({ n: protectedCount(cell, k) ?? 1, keySum: 0 }));
  return {
    backend: inner.backend,
    figures: "protected",
    tally: async (request) => protectRows(await inner.tally({ ...request, measures: { ...request.measures, keys: true } }), request, k),
    countEach: async (waveId, filterSets) => (await cells(waveId, filterSets)).map((cell) => cell.n),
    cellsEach: cells,
  };
}

/** The process's replica (kept on globalThis: Next.js may load this module in several bundles). */
export function replica(): ColumnarReplica {
  globalForEngine.readinessColumnarReplica ??= new ColumnarReplica();
  return globalForEngine.readinessColumnarReplica;
}

/** Starts building the replica in the background (at boot). */
export function warmAggregates(): void {
  if (getEnv().ANALYTICS_ENGINE === "columnar") replica().start();
}

export function aggregatesInfo(): ReplicaInfo & { engine: "columnar" | "raw" } {
  return { engine: getEnv().ANALYTICS_ENGINE, ...replica().describe() };
}

/** Runs `work` with every read inside it on the given backend (tests, analytics:verify). */
export function withBackend<T>(backend: "raw" | "columnar", work: () => Promise<T>): Promise<T> {
  return forced.run(backend, work);
}

/** A reader for one view: fresh as of now; protected inside withFigures("protected", ...). */
export function aggregates(): Promise<AggregateReader> {
  const figures = currentFigures();
  const reader = exactAggregates();
  return figures === "protected" ? reader.then((r) => protectedReader(r)) : reader;
}

/**
 * The version of a wave's rows in the replica, fresh as of this call (the changes committed before
 * it are folded), or null when reads of it would not come from the replica (ANALYTICS_ENGINE=raw,
 * warming up, not loaded, another instrument): a cache of figures derived from the wave keys on it,
 * and does not cache on null.
 */
export async function waveVersion(waveId: string, instrument: Instrument): Promise<string | null> {
  if ((forced.getStore() ?? getEnv().ANALYTICS_ENGINE) === "raw") return null;
  const columnar = replica();
  if (columnar.status !== "ready") return null;
  try {
    await columnar.fresh();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    return null;
  }
  return columnar.fits(waveId, instrument) ? columnar.version(waveId) : null;
}

async function exactAggregates(): Promise<AggregateReader> {
  const want = forced.getStore() ?? getEnv().ANALYTICS_ENGINE;
  if (want === "raw") return rawReader;
  const columnar = replica();
  if (forced.getStore() === "columnar" && columnar.status !== "ready") await columnar.build();
  columnar.start();
  if (columnar.status !== "ready") return rawReader;
  try {
    await columnar.fresh();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    // The replica could not fold (a DuckDB problem): answer from PostgreSQL and rebuild later.
    console.error("analytics replica fold failed; reading from PostgreSQL", error);
    return rawReader;
  }
  return columnar.reader(rawReader);
}
