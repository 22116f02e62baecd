// A closed, older wave of the analysts' survey holding 120 hand-made responses, so analytics can be
// checked against exact, R-verified figures while other test files add responses to the current
// wave. Closed and dated 2020, it is never the open wave nor the dashboards' default.
import { definitionHash } from "@/lib/survey/definition-hash";
import { SURVEY_SLUG, instrumentV1 } from "@/lib/survey/instrument";
import type { Answers } from "@/lib/survey/instrument-schema";
import { readinessIndex } from "@/lib/survey/scoring";
import { validAnswers } from "./answers";
import { testPool } from "./db";

export const FIXTURE_WAVE = "2020-Q1";

/**
 * Companies of 1,000-9,999: technology in North America (30: 15 on 2020-01-10, 15 on 2020-01-20)
 * and healthcare in Western Europe (60: 20 on 2020-01-10, 40 on 2020-01-20). AI stage, technology:
 * pilots 15, limited 10, scaled 5; healthcare: exploring 30, pilots 10, limited 20 (limited
 * production is 1/3 on both sides). Strategy: technology 28 x 1 and 2 x 5; healthcare alternating
 * 3 and 4. Plus 30 retail respondents in Latin America from companies under 100 (2020-01-20,
 * pilots, strategy 2). All else equal.
 */
function fixtureRows(): { day: string; answers: Answers }[] {
  const rows: { day: string; answers: Answers }[] = [];
  const stagesTech = [
    ...Array<string>(15).fill("pilots"),
    ...Array<string>(10).fill("limited_production"),
    ...Array<string>(5).fill("scaled_production"),
  ];
  stagesTech.forEach((stage, i) =>
    rows.push({
      day: i % 2 === 0 ? "2020-01-10" : "2020-01-20",
      answers: validAnswers({ industry: "technology", region: "north_america", ai_stage: stage, dim_strategy: i < 28 ? 1 : 5 }),
    }),
  );
  const stagesHealth = [
    ...Array<string>(30).fill("exploring"),
    ...Array<string>(10).fill("pilots"),
    ...Array<string>(20).fill("limited_production"),
  ];
  stagesHealth.forEach((stage, i) =>
    rows.push({
      day: i % 3 === 0 ? "2020-01-10" : "2020-01-20",
      answers: validAnswers({ industry: "healthcare", region: "western_europe", ai_stage: stage, dim_strategy: i % 2 === 0 ? 3 : 4 }),
    }),
  );
  for (let i = 0; i < 30; i++)
    rows.push({
      day: "2020-01-20",
      answers: validAnswers({
        industry: "retail_ecommerce",
        region: "latin_america",
        company_size: "lt_100",
        ai_stage: "pilots",
        dim_strategy: 2,
      }),
    });
  return rows;
}

/** Creates the wave and its responses once (idempotent: keyed by wave code and submission key). */
export async function ensureFixtureWave(): Promise<{ waveId: string }> {
  const pool = testPool();
  const { rows: waves } = await pool.query<{ id: string }>(
    `INSERT INTO wave (survey_id, code, title, status, definition, definition_hash, opens_at)
     SELECT id, $1, 'Fixture 2020', 'closed', $2, $3, '2020-01-01T00:00:00Z' FROM survey WHERE slug = $4
     ON CONFLICT (survey_id, code) DO UPDATE SET title = EXCLUDED.title
     RETURNING id`,
    [FIXTURE_WAVE, JSON.stringify(instrumentV1), definitionHash(instrumentV1), SURVEY_SLUG],
  );
  const waveId = waves[0]?.id;
  if (!waveId) throw new Error("fixture wave was not created");
  const values = fixtureRows();
  for (const [i, { day, answers }] of values.entries()) {
    await pool.query(
      `INSERT INTO response (wave_id, status, source, submission_key, started_at, updated_at, submitted_at,
         industry, region, company_size, role, stage, readiness_index, answers)
       VALUES ($1, 'complete', 'seed', $2, $3::timestamptz, $3::timestamptz, $3::timestamptz, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (submission_key) DO NOTHING`,
      [
        waveId,
        `fixture:${FIXTURE_WAVE}:${i}`,
        `${day}T12:00:00Z`,
        answers.industry,
        answers.region,
        answers.company_size,
        answers.role,
        answers.ai_stage,
        readinessIndex(instrumentV1, answers),
        JSON.stringify(answers),
      ],
    );
  }
  return { waveId };
}
