// Checks in SQL what the clients were told: every acknowledged submission is stored exactly once,
// under its key, with the answers sent and the id returned; nothing else of this run is stored;
// and no response anywhere is half-written.
import { isDeepStrictEqual } from "node:util";
import { instrumentV1 } from "@/lib/survey/instrument";
import { idOfRole } from "@/lib/survey/roles";
import { withClient } from "../lib/database";
import type { Submission } from "./load";

export interface Counts {
  sent: number;
  requests: number;
  acknowledged: number;
  refused: number;
  noAnswer: number;
  retried: number;
  ackAfterRetry: number;
  stored: number;
  duplicates: number;
  lost: number;
  unexpected: number;
  serverErrors: number;
  halfWritten: number;
  mismatched: number;
}

export interface Verification {
  counts: Counts;
  problems: string[];
}

/**
 * Complete responses missing what a complete submission always writes in the same statement (the
 * profile columns, score, time, and for API and web submissions the key and answers hash; seeded
 * demo rows carry no hash).
 */
export const HALF_WRITTEN_SQL = `
  SELECT count(*)::int AS n FROM response
  WHERE status = 'complete' AND (submitted_at IS NULL OR readiness_index IS NULL OR industry IS NULL OR region IS NULL
        OR company_size IS NULL OR role IS NULL OR stage IS NULL OR answers = '{}'::jsonb
        OR (source <> 'seed' AND (submission_key IS NULL OR submission_hash IS NULL)))`;

export async function verifySubmissions(databaseUrl: string, runId: string, submissions: Submission[]): Promise<Verification> {
  const problems: string[] = [];
  const prefix = `soak-${runId}-`;
  const { rows, halfWritten } = await withClient(databaseUrl, async (client) => {
    // Found by key or by the unique marker in the answers: a copy stored under another key is a duplicate too.
    const rows = (
      await client.query<{
        id: string;
        submission_key: string | null;
        marker: string | null;
        status: string;
        answers: Record<string, unknown>;
      }>(
        `SELECT id, submission_key, answers->>$3 AS marker, status::text AS status, answers FROM response
         WHERE submission_key LIKE $1 OR answers->>$3 LIKE $2`,
        [`api:${prefix}%`, `soak ${runId} %`, idOfRole(instrumentV1, "free_text")],
      )
    ).rows;
    const halfWritten = (await client.query<{ n: number }>(HALF_WRITTEN_SQL)).rows[0]?.n ?? 0;
    return { rows, halfWritten };
  });

  const byMarker = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byMarker.get(row.marker ?? "") ?? [];
    list.push(row);
    byMarker.set(row.marker ?? "", list);
  }
  let lost = 0;
  let duplicates = 0;
  let mismatched = 0;
  let serverErrors = 0;
  const known = new Set<string>();
  for (const s of submissions) {
    known.add(s.marker);
    const stored = byMarker.get(s.marker) ?? [];
    if (s.failure) {
      if (/^HTTP 5\d\d/.test(s.failure)) serverErrors++;
      problems.push(`${s.key}: ${s.failure}`);
    }
    if (stored.length > 1) {
      duplicates += stored.length - 1;
      problems.push(`${s.key}: stored ${stored.length} times`);
    }
    const row = stored[0];
    if (s.ackId && !row) {
      lost++;
      problems.push(`${s.key}: acknowledged (${s.ackStatus}, id ${s.ackId}) but not stored`);
    } else if (row) {
      const exact =
        row.submission_key === `api:${s.key}` &&
        row.status === "complete" &&
        row.id === s.ackId &&
        isDeepStrictEqual(row.answers, s.answers);
      if (!exact) {
        mismatched++;
        problems.push(
          `${s.key}: stored row ${row.id} (key ${row.submission_key}, ${row.status}) does not match what was acknowledged (id ${s.ackId ?? "none"})`,
        );
      }
    }
  }
  const unexpected = rows.filter((row) => !known.has(row.marker ?? "")).length;
  if (unexpected > 0) problems.push(`${unexpected} stored row(s) of this run were never sent`);
  if (halfWritten > 0) problems.push(`${halfWritten} half-written complete response(s) in the database`);

  const counts: Counts = {
    sent: submissions.length,
    requests: submissions.reduce((sum, s) => sum + s.attempts, 0),
    acknowledged: submissions.filter((s) => s.ackId && s.attempts === 1).length,
    refused: submissions.reduce((sum, s) => sum + s.refused, 0),
    noAnswer: submissions.reduce((sum, s) => sum + s.noAnswer, 0),
    retried: submissions.filter((s) => s.attempts > 1).length,
    ackAfterRetry: submissions.filter((s) => s.ackId && s.attempts > 1).length,
    stored: rows.length,
    duplicates,
    lost,
    unexpected,
    serverErrors,
    halfWritten,
    mismatched,
  };
  if (counts.acknowledged + counts.ackAfterRetry !== counts.sent)
    problems.push(`${counts.sent - counts.acknowledged - counts.ackAfterRetry} submission(s) were never acknowledged`);
  if (counts.stored !== counts.sent) problems.push(`stored ${counts.stored} rows for ${counts.sent} submissions`);
  return { counts, problems };
}

export function countsTable(scenario: string, counts: Counts): string {
  const rows: [string, number, string][] = [
    ["sent (submissions)", counts.sent, "distinct Idempotency-Keys"],
    ["requests", counts.requests, "HTTP attempts, retries included"],
    ["acknowledged", counts.acknowledged, "200/201 on the first attempt"],
    ["refused (503)", counts.refused, "503 + Retry-After answers"],
    ["no answer", counts.noAnswer, "connection refused/reset while the app was down"],
    ["retried", counts.retried, "submissions sent again under the same key"],
    ["acknowledged on retry", counts.ackAfterRetry, ""],
    ["stored", counts.stored, "rows in the database for this run"],
    ["duplicates", counts.duplicates, "must be 0"],
    ["lost", counts.lost, "must be 0"],
    ["stored but never sent", counts.unexpected, "must be 0"],
    ["5xx other than 503", counts.serverErrors, "must be 0"],
    ["half-written rows", counts.halfWritten, "must be 0"],
    ["row differs from ack", counts.mismatched, "must be 0"],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const numWidth = Math.max(...rows.map(([, n]) => String(n).length));
  return [`  ${scenario}`, ...rows.map(([label, n, note]) => `  ${label.padEnd(width)}  ${String(n).padStart(numWidth)}  ${note}`)].join(
    "\n",
  );
}
