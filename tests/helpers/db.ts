import { randomBytes } from "node:crypto";
import pg from "pg";
import { ensureSurvey } from "@/scripts/lib/bootstrap";
import { SURVEY_SLUG, instrumentV1 } from "@/lib/survey/instrument";
import type { Answers } from "@/lib/survey/instrument-schema";
import { profileOf, readinessIndex } from "@/lib/survey/scoring";
import { testEnv } from "./env";

let pool: pg.Pool | undefined;

export function testPool(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: testEnv.databaseUrl, max: 4 });
  return pool;
}

export async function closeTestPool(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

/** A survey of its own for one test file (same instrument), so counts never see other tests. */
export async function createTestSurvey(prefix = "t"): Promise<{ slug: string; waveId: string }> {
  const slug = `${prefix}-${randomBytes(5).toString("hex")}`;
  const client = await testPool().connect();
  try {
    const { waveId } = await ensureSurvey(client, slug);
    return { slug, waveId };
  } finally {
    client.release();
  }
}

/**
 * Moves responses' submission `daysAgo` days back: into a day that is over, where the result
 * page's peer snapshot (lib/survey/peer-snapshot.ts) can reach them.
 */
export async function backdateResponses(ids: string[], daysAgo: number): Promise<void> {
  await testPool().query(`UPDATE response SET submitted_at = now() - make_interval(days => $2) WHERE id = ANY($1::uuid[])`, [ids, daysAgo]);
}

/**
 * Stores complete responses straight in the database, submitted `daysAgo` days back (no API, no
 * rate limit): peer groups of the size the result page needs, in a few statements.
 */
export async function insertCompleteResponses(waveId: string, answersList: Answers[], daysAgo: number): Promise<string[]> {
  const ids: string[] = [];
  for (const answers of answersList) {
    const profile = profileOf(instrumentV1, answers);
    const { rows } = await testPool().query<{ id: string }>(
      `INSERT INTO response (wave_id, status, source, submission_key, started_at, updated_at, submitted_at, current_step,
         industry, region, company_size, role, stage, readiness_index, answers)
       VALUES ($1, 'complete', 'seed', $2, now() - make_interval(days => $3), now() - make_interval(days => $3),
         now() - make_interval(days => $3), $4, $5, $6, $7, $8, $9, $10, $11)
       RETURNING id`,
      [
        waveId,
        `test:${randomBytes(8).toString("hex")}`,
        daysAgo,
        instrumentV1.sections.length,
        profile.industry,
        profile.region,
        profile.companySize,
        profile.role,
        profile.stage,
        readinessIndex(instrumentV1, answers),
        JSON.stringify(answers),
      ],
    );
    ids.push(rows[0]!.id);
  }
  return ids;
}

export async function countResponses(waveId: string): Promise<{ partial: number; complete: number }> {
  const { rows } = await testPool().query<{ status: string; n: number }>(
    `SELECT status::text, count(*)::int AS n FROM response WHERE wave_id = $1 GROUP BY status`,
    [waveId],
  );
  return {
    partial: rows.find((r) => r.status === "partial")?.n ?? 0,
    complete: rows.find((r) => r.status === "complete")?.n ?? 0,
  };
}

/**
 * Copies the dashboards' survey and its newest wave (same ids) from the suite's database into
 * another one (a stand-in read replica), so the analyst pages and exports find their wave there.
 * Returns the wave's id.
 */
export async function copyDashboardWave(target: pg.Client): Promise<string> {
  const survey = await testPool().query(`SELECT * FROM survey WHERE slug = $1`, [SURVEY_SLUG]);
  const wave = await testPool().query(`SELECT * FROM wave WHERE survey_id = $1 ORDER BY opens_at DESC LIMIT 1`, [survey.rows[0].id]);
  for (const [table, row] of [
    ["survey", survey.rows[0]],
    ["wave", wave.rows[0]],
  ] as const) {
    const columns = Object.keys(row);
    await target.query(
      `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
      columns.map((c) => (typeof row[c] === "object" && row[c] !== null && !(row[c] instanceof Date) ? JSON.stringify(row[c]) : row[c])),
    );
  }
  return wave.rows[0].id as string;
}
