import { randomBytes } from "node:crypto";
import pg from "pg";
import { ensureSurvey } from "@/scripts/lib/bootstrap";
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
