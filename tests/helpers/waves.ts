// Several closed waves of the analysts' survey with hand-chosen answers, for views across waves
// (trends, comparisons between waves, cross-wave exports). Dated 2019 so they are never the open
// wave nor the dashboards' default; created once (idempotent by wave code and submission key).
import { definitionHash } from "@/lib/survey/definition-hash";
import { SURVEY_SLUG, instrumentV1 } from "@/lib/survey/instrument";
import type { Answers, Instrument } from "@/lib/survey/instrument-schema";
import { readinessIndex } from "@/lib/survey/scoring";
import { validAnswers } from "./answers";
import { testPool } from "./db";
import { englishOnly } from "./english-only";

export interface WaveSpec {
  code: string;
  title: string;
  opensAt: string;
  instrument: Instrument;
  /** Complete responses, submitted on `day` (YYYY-MM-DD). */
  rows: { day: string; answers: Answers }[];
}

/** Creates each wave (closed) and its complete responses; returns the waves' ids by code. */
export async function ensureWaves(specs: WaveSpec[]): Promise<Record<string, string>> {
  const pool = testPool();
  const ids: Record<string, string> = {};
  for (const spec of specs) {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO wave (survey_id, code, title, status, definition, definition_hash, opens_at)
       SELECT id, $1, $2, 'closed', $3, $4, $5::timestamptz FROM survey WHERE slug = $6
       ON CONFLICT (survey_id, code) DO UPDATE SET title = EXCLUDED.title
       RETURNING id`,
      [spec.code, spec.title, JSON.stringify(spec.instrument), definitionHash(spec.instrument), spec.opensAt, SURVEY_SLUG],
    );
    const waveId = rows[0]?.id;
    if (!waveId) throw new Error(`wave ${spec.code} was not created`);
    ids[spec.code] = waveId;
    for (const [i, { day, answers }] of spec.rows.entries()) {
      await pool.query(
        `INSERT INTO response (wave_id, status, source, submission_key, started_at, updated_at, submitted_at,
           industry, region, company_size, role, stage, readiness_index, answers)
         VALUES ($1, 'complete', 'seed', $2, $3::timestamptz, $3::timestamptz, $3::timestamptz, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (submission_key) DO NOTHING`,
        [
          waveId,
          `waves:${spec.code}:${i}`,
          `${day}T12:00:00Z`,
          answers.industry,
          answers.region,
          answers.company_size,
          answers.role,
          answers.ai_stage,
          readinessIndex(spec.instrument, answers),
          JSON.stringify(answers),
        ],
      );
    }
  }
  return ids;
}

/** The current instrument with one more planned-infrastructure option (a question whose options changed). */
export function instrumentWithSovereignCloud(): Instrument {
  const copy = structuredClone(englishOnly(instrumentV1));
  for (const section of copy.sections)
    for (const question of section.questions)
      if (question.id === "infra_planned" && question.type === "multi")
        question.options = [...question.options, { id: "sovereign_cloud", label: "Sovereign cloud" }];
  return copy;
}

export const TREND_WAVES = ["2019-Q2", "2019-Q3", "2019-Q4"] as const;

const STAGES = ["exploring", "pilots", "limited_production", "scaled_production"];
const INFRA = ["central_cloud", "on_prem_gpu", "distributed_edge", "hybrid"];
const CONCERNS = ["latency", "cost", "security", "accuracy", "skills_gap", "privacy_sovereignty"];

/**
 * Three waves: 40, 50 and 60 respondents (technology and healthcare alternating) whose readiness
 * and production share rise wave by wave; "Education" has 3 respondents in 2019-Q3 only (a wave
 * too small to show under that filter) and 8 in the others; "On-device" is planned by 2 people in
 * every wave (withheld); the last wave adds the option "Sovereign cloud".
 */
export function trendWaveSpecs(): WaveSpec[] {
  return TREND_WAVES.map((code, w) => {
    const size = 40 + w * 10;
    const day = `2019-${String(4 + w * 3).padStart(2, "0")}-15`;
    const instrument = w === 2 ? instrumentWithSovereignCloud() : instrumentV1;
    const rows: { day: string; answers: Answers }[] = [];
    for (let i = 0; i < size; i++) {
      const level = 1 + ((i * 3 + w * 2 + Math.floor(i / 5)) % 5);
      const lift = (x: number) => Math.min(5, x + (i % (4 - w) === 0 ? 1 : 0));
      const planned = [INFRA[i % 4] as string, ...(i < 2 ? ["on_device"] : []), ...(w === 2 && i % 3 === 0 ? ["sovereign_cloud"] : [])];
      rows.push({
        day,
        answers: validAnswers({
          industry: i % 2 === 0 ? "technology" : "healthcare",
          ai_stage: STAGES[(i + w) % 4 === 3 && i % 2 ? 3 : (i * (w + 1)) % 4] as string,
          dim_strategy: lift(level),
          dim_compute: 1 + ((i + w) % 5),
          dim_data: lift(1 + ((i * 2) % 5)),
          infra_planned: [...new Set(planned)],
          concerns: CONCERNS,
          concerns_top3: [CONCERNS[(i + w) % 6], CONCERNS[(i + w + 1) % 6], CONCERNS[(i * w + 2) % 6]].filter(
            (c, j, all): c is string => c !== undefined && all.indexOf(c) === j,
          ),
        }),
      });
    }
    const education = w === 1 ? 3 : 8;
    for (let i = 0; i < education; i++)
      rows.push({ day, answers: validAnswers({ industry: "education", ai_stage: STAGES[i % 4] as string, dim_strategy: 1 + (i % 5) }) });
    return { code, title: `Trend ${code}`, opensAt: `${day}T00:00:00Z`, instrument, rows };
  });
}
