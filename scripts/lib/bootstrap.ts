// Makes sure the survey and its current wave exist with the instrument in code. A wave whose
// definition changed while it already has responses is left frozen (the database refuses the
// update) and the operator is told to open a new wave instead.
import type pg from "pg";
import { CURRENT_WAVE, SURVEY_SLUG, SURVEY_TITLE, instrumentV1 } from "@/lib/survey/instrument";
import { definitionHash } from "@/lib/survey/definition-hash";

export interface BootstrapResult {
  surveyCreated: boolean;
  waveId: string;
  responses: number;
}

export async function ensureSurvey(client: pg.ClientBase, slug = SURVEY_SLUG): Promise<BootstrapResult> {
  const hash = definitionHash(instrumentV1);
  const survey = await client.query<{ id: string; created: boolean }>(
    `INSERT INTO survey (slug, title) VALUES ($1, $2)
     ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title
     RETURNING id, (xmax = 0) AS created`,
    [slug, SURVEY_TITLE],
  );
  const surveyRow = survey.rows[0];
  if (!surveyRow) throw new Error("survey upsert returned nothing");
  const wave = await client.query<{ id: string; definition_hash: string }>(
    `INSERT INTO wave (survey_id, code, title, definition, definition_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (survey_id, code) DO UPDATE SET title = EXCLUDED.title
     RETURNING id, definition_hash`,
    [surveyRow.id, CURRENT_WAVE.code, CURRENT_WAVE.title, JSON.stringify(instrumentV1), hash],
  );
  const waveRow = wave.rows[0];
  if (!waveRow) throw new Error("wave upsert returned nothing");
  if (waveRow.definition_hash !== hash) {
    try {
      await client.query(`UPDATE wave SET definition = $2, definition_hash = $3 WHERE id = $1`, [
        waveRow.id,
        JSON.stringify(instrumentV1),
        hash,
      ]);
    } catch (error) {
      if ((error as { code?: string }).code !== "23514") throw error;
      console.warn(
        `! Wave ${CURRENT_WAVE.code} already has responses, so its definition stays frozen. Open a new wave to change questions.`,
      );
    }
  }
  const count = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM response WHERE wave_id = $1`, [waveRow.id]);
  return { surveyCreated: surveyRow.created, waveId: waveRow.id, responses: count.rows[0]?.n ?? 0 };
}
