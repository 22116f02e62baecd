// The AI inference readiness questionnaire. The instrument itself is data: ./instruments/v1.json
// (validated by ./instrument-schema.ts). Option ids are stable: stored answers key on them, so
// change a label freely but never an id (add a new one instead, or a new instrument version).
import { bundledV1 } from "./instruments";
import type { Instrument } from "./instrument-schema";

export const SURVEY_SLUG = "ai-readiness";
export const SURVEY_TITLE = "AI Inference Readiness Survey";
export const CURRENT_WAVE = { code: "2026-Q4", title: "Q4 2026" } as const;

/** The current instrument (bundled v1). Code that serves a wave reads the wave's own frozen instrument instead. */
export const instrumentV1: Instrument = bundledV1;
