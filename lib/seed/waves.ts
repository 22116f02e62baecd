// The demo's wave history, created on a survey's first start: two closed quarters on v1 and the
// open one on v2 (one question and one option more), so trends and the publish diff show at once.
// Dates are relative to the first start; the open wave's rows span its last 60 days as before.
import { bundledV1, bundledV2 } from "@/lib/survey/instruments";
import { CURRENT_WAVE } from "@/lib/survey/instrument";
import type { DemoWaveShape } from "./generate";

export interface DemoWave extends DemoWaveShape {
  code: string;
  title: string;
  /** Days before "now" the wave opened, and its rows' latest day. */
  opensDaysAgo: number;
  endsDaysAgo: number;
  /** Added to the seed, so each wave has rows (and submission keys) of its own; 0 for the newest. */
  seedOffset: number;
}

export const DEMO_WAVES: readonly DemoWave[] = [
  {
    code: "2026-Q2",
    title: "Q2 2026",
    instrument: bundledV1,
    drift: 0,
    opensDaysAgo: 240,
    endsDaysAgo: 150,
    windowDays: 90,
    seedOffset: 2000,
  },
  {
    code: "2026-Q3",
    title: "Q3 2026",
    instrument: bundledV1,
    drift: 0.5,
    opensDaysAgo: 150,
    endsDaysAgo: 60,
    windowDays: 90,
    seedOffset: 1000,
  },
  {
    code: CURRENT_WAVE.code,
    title: CURRENT_WAVE.title,
    instrument: bundledV2,
    drift: 1,
    opensDaysAgo: 60,
    endsDaysAgo: 0,
    windowDays: 60,
    seedOffset: 0,
  },
];
