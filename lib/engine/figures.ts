// Which figures the aggregate readers give in the current request: "protected" for viewers, the
// public results page and respondents' peer figures (docs/PRIVACY.md), "exact" for analysts and
// admins. Kept apart from ./index.ts so the API pipeline can set it without loading the replica.
import { AsyncLocalStorage } from "node:async_hooks";

export type Figures = "exact" | "protected";

const globalForFigures = globalThis as unknown as { readinessFigures?: AsyncLocalStorage<Figures> };
// One store per process (Next.js may load this module in several bundles).
const figuresScope = (globalForFigures.readinessFigures ??= new AsyncLocalStorage<Figures>());

/**
 * Runs `work` with every reader it asks for (lib/engine `aggregates()`) giving `figures`. Outside
 * any such scope (scripts, tests) readers give exact figures.
 */
export function withFigures<T>(figures: Figures, work: () => T): T {
  return figuresScope.run(figures, work);
}

/** The figures readers give here ("exact" outside withFigures). */
export function currentFigures(): Figures {
  return figuresScope.getStore() ?? "exact";
}
