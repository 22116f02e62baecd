import "server-only";
// Writes API submissions in batches: every submission that arrives while earlier ones are being
// written joins one statement that counts each client's requests against its limit and inserts
// the responses within it (lib/db/batcher.ts). A launch-day burst then costs PostgreSQL one
// statement and one commit per batch rather than per submission; a lone submission still goes
// out at once. Same outcome per submission as one statement each: the k-th submission of a
// client in a batch is judged against the count before the batch plus k.
import { Batcher } from "@/lib/db/batcher";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { primaryPool } from "@/lib/db/pg";
import { getEnv } from "@/lib/env";
import { countRequestsSql, type Limit } from "@/lib/ratelimit";
import type { Profile } from "./scoring";

/** A validated submission with its stored profile columns (lib/survey/scoring.ts). */
export interface PendingSubmission extends Profile {
  subject: string;
  waveId: string;
  submissionKey: string;
  submissionHash: string;
  currentStep: number;
  /** The language the answers were given in (lib/i18n/locales.ts). */
  language: string;
  readinessIndex: number | null;
  answers: unknown;
}

export interface StoredSubmission {
  /** This submission's place in its client's count for the window (over the limit: refused). */
  count: number;
  retryAfter: number;
  /** The new row's id; null when refused or when the key already had a row. */
  id: string | null;
}

type Outcome = { stored: StoredSubmission } | { error: unknown };

// Parameters: $1 bucket, $2 window seconds, $3 limit, $4 the submissions as a JSON array.
const STORE_BATCH_SQL = `
  WITH input AS (
    SELECT * FROM json_to_recordset($4::json) AS i(
      ord int, subject text, wave_id uuid, submission_key text, submission_hash text, current_step smallint, language text,
      industry text, region text, company_size text, role text, stage text, readiness_index real, answers jsonb)
  ),
  per_subject AS (SELECT subject, count(*)::int AS n FROM input GROUP BY subject),
  hit AS (${countRequestsSql({ bucket: "$1", windowSeconds: "$2", counted: "SELECT subject, n FROM per_subject" })}),
  ranked AS (
    SELECT i.*, (h.count - p.n + row_number() OVER (PARTITION BY i.subject ORDER BY i.ord))::int AS position, h.retry_after
    FROM input i JOIN per_subject p USING (subject) JOIN hit h USING (subject)
  ),
  inserted AS (
    INSERT INTO response (wave_id, status, source, submission_key, submission_hash, submitted_at, current_step, language,
                          industry, region, company_size, role, stage, readiness_index, answers)
    SELECT wave_id, 'complete', 'api', submission_key, submission_hash, now(), current_step, language,
           industry, region, company_size, role, stage, readiness_index, answers
    FROM ranked WHERE position <= $3::int ORDER BY ord
    ON CONFLICT (submission_key) DO NOTHING
    RETURNING id, submission_key
  )
  SELECT r.ord, r.position, r.retry_after, ins.id
  FROM ranked r LEFT JOIN inserted ins USING (submission_key) ORDER BY r.ord`;

async function runStatement(limit: Limit, items: PendingSubmission[]): Promise<StoredSubmission[]> {
  const records = items.map((item, ord) => ({
    ord,
    subject: item.subject,
    wave_id: item.waveId,
    submission_key: item.submissionKey,
    submission_hash: item.submissionHash,
    current_step: item.currentStep,
    language: item.language,
    industry: item.industry,
    region: item.region,
    company_size: item.companySize,
    role: item.role,
    stage: item.stage,
    readiness_index: item.readinessIndex,
    answers: item.answers,
  }));
  // Unnamed: the embedded database's socket server runs every connection in one session, where
  // named prepared statements from two processes collide; a batch amortizes the planning anyway.
  const { rows } = await primaryPool().query<{ ord: number; position: number; retry_after: number; id: string | null }>(STORE_BATCH_SQL, [
    limit.bucket,
    limit.windowSeconds,
    limit.max,
    JSON.stringify(records),
  ]);
  if (rows.length !== items.length) throw new Error(`stored ${rows.length} of ${items.length} submissions`);
  return rows.map((row) => ({ count: row.position, retryAfter: row.retry_after, id: row.id }));
}

/** One statement for the batch; if it fails for a reason other than the database being away, each
 * submission alone, so one bad row cannot fail its neighbours. */
async function runIsolated(limit: Limit, items: PendingSubmission[]): Promise<Outcome[]> {
  try {
    return (await runStatement(limit, items)).map((stored) => ({ stored }));
  } catch (error) {
    if (items.length === 1 || isDatabaseUnavailable(error)) return items.map(() => ({ error }));
    const outcomes: Outcome[] = [];
    for (const item of items) outcomes.push(...(await runIsolated(limit, [item])));
    return outcomes;
  }
}

async function storeBatch(limit: Limit, items: PendingSubmission[]): Promise<Outcome[]> {
  // A key repeated within the batch (a client retrying at once) is written after it: one
  // statement cannot both insert a key and report that it already existed.
  const seen = new Set<string>();
  const firsts: number[] = [];
  const repeats: number[] = [];
  items.forEach((item, i) => {
    (seen.has(item.submissionKey) ? repeats : firsts).push(i);
    seen.add(item.submissionKey);
  });
  const outcomes: Outcome[] = new Array<Outcome>(items.length);
  const firstOutcomes = await runIsolated(
    limit,
    firsts.map((i) => items[i] as PendingSubmission),
  );
  firsts.forEach((i, j) => (outcomes[i] = firstOutcomes[j] as Outcome));
  for (const i of repeats) outcomes[i] = (await runIsolated(limit, [items[i] as PendingSubmission]))[0] as Outcome;
  return outcomes;
}

const globalForBatches = globalThis as unknown as { readinessSubmissionBatchers?: Map<string, Batcher<PendingSubmission, Outcome>> };

function batcherFor(limit: Limit): Batcher<PendingSubmission, Outcome> {
  const batchers = (globalForBatches.readinessSubmissionBatchers ??= new Map());
  const key = `${limit.bucket}\u0000${limit.windowSeconds}\u0000${limit.max}`;
  let batcher = batchers.get(key);
  if (!batcher) {
    // Half the pool at most, so sign-ins, drafts and dashboards keep connections during a burst.
    const concurrency = Math.max(1, Math.floor(getEnv().DB_POOL_SIZE / 2));
    batcher = new Batcher<PendingSubmission, Outcome>((items) => storeBatch(limit, items), concurrency, 200);
    batchers.set(key, batcher);
  }
  return batcher;
}

/** Counts the submission against `limit` and stores it when within it (unless its key exists). */
export async function storeApiSubmission(limit: Limit, submission: PendingSubmission): Promise<StoredSubmission> {
  const outcome = await batcherFor(limit).add(submission);
  if ("error" in outcome) throw outcome.error;
  return outcome.stored;
}
