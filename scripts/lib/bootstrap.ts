// Makes sure the survey exists. On its first start it gets the demo's wave history (lib/seed/waves.ts:
// 2026-Q2 and 2026-Q3 closed on v1, 2026-Q4 open on v2), published through the same lifecycle
// rules as `npm run wave:publish`. Later starts leave the waves alone: a changed instrument reaches
// respondents by publishing a new wave, never by rewriting one (answered waves are frozen).
import type pg from "pg";
import { DEMO_WAVES, type DemoWave } from "@/lib/seed/waves";
import { SURVEY_SLUG, SURVEY_TITLE } from "@/lib/survey/instrument";
import { publishWave } from "@/lib/waves/store";

const DAY = 24 * 60 * 60 * 1000;

export interface BootstrapResult {
  surveyCreated: boolean;
  /** The open wave (else the newest that was open): where respondents' and new demo rows go. */
  waveId: string;
  responses: number;
  /** The demo waves this start created, with their ids (empty when the survey already had waves). */
  demoWaves: (DemoWave & { id: string; opensAt: Date })[];
}

export async function ensureSurvey(client: pg.ClientBase, slug = SURVEY_SLUG, now = new Date()): Promise<BootstrapResult> {
  const survey = await client.query<{ id: string; created: boolean }>(
    `INSERT INTO survey (slug, title) VALUES ($1, $2)
     ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title
     RETURNING id, (xmax = 0) AS created`,
    [slug, SURVEY_TITLE],
  );
  const surveyRow = survey.rows[0];
  if (!surveyRow) throw new Error("survey upsert returned nothing");
  const existing = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM wave WHERE survey_id = $1`, [surveyRow.id]);
  const demoWaves: BootstrapResult["demoWaves"] = [];
  if (!existing.rows[0]?.n) {
    for (const wave of DEMO_WAVES) {
      const opensAt = new Date(now.getTime() - wave.opensDaysAgo * DAY);
      const { id } = await publishWave(client, slug, {
        code: wave.code,
        title: wave.title,
        definition: wave.instrument,
        status: "open",
        opensAt,
      });
      demoWaves.push({ ...wave, id, opensAt });
    }
  }
  const wave = await client.query<{ id: string }>(
    `SELECT id FROM wave WHERE survey_id = $1 AND status <> 'draft' ORDER BY (status = 'open') DESC, opens_at DESC LIMIT 1`,
    [surveyRow.id],
  );
  const waveId = wave.rows[0]?.id;
  if (!waveId) throw new Error(`survey ${slug} has no wave that was ever open: publish one with npm run wave:publish`);
  const count = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM response WHERE wave_id = $1`, [waveId]);
  return { surveyCreated: surveyRow.created, waveId, responses: count.rows[0]?.n ?? 0, demoWaves };
}
