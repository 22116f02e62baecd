// Retention: partial responses (started, never submitted) are kept PARTIAL_RETENTION_DAYS after
// their last activity so respondents can come back and finish, then deleted. Complete responses
// are kept until their respondent deletes them. Seeded demo rows (source 'seed') are not anyone's
// data and stay, so the demo dashboards keep their abandoned-survey figures.
// Takes any pg client or pool, so `npm start`, `npm run purge` and the server all run the same SQL.

export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }>;
}

export interface PurgeResult {
  partialResponses: number;
  rateLimitRows: number;
  changeLogRows: number;
}

/** Rate-limit counters are only needed for their window (a minute); a day is ample. */
const RATE_LIMIT_ROW_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export async function purgeExpired(client: Queryable, retentionDays: number, now = new Date()): Promise<PurgeResult> {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new RangeError("retentionDays must be a whole number of at least 1");
  const partial = await client.query(
    `DELETE FROM response
     WHERE status = 'partial' AND source <> 'seed' AND updated_at < $1::timestamptz - make_interval(days => $2::int)`,
    [now.toISOString(), retentionDays],
  );
  const rateLimits = await client.query(`DELETE FROM auth_rate_limit WHERE last_request < $1`, [now.getTime() - RATE_LIMIT_ROW_MAX_AGE_MS]);
  const changes = await pruneChangeLog(client, now);
  return { partialResponses: partial.rowCount ?? 0, rateLimitRows: rateLimits.rowCount ?? 0, changeLogRows: changes };
}

/**
 * The analytics change log is needed only until every replica has folded it (seconds); a day
 * keeps it for replicas that were briefly away. The newest pruned transaction is recorded, so a
 * replica whose watermark is not past it rebuilds instead of missing a change.
 */
export async function pruneChangeLog(client: Queryable, now = new Date()): Promise<number> {
  const changes = await client.query(
    `WITH gone AS (DELETE FROM analytics_change WHERE at < $1::timestamptz - interval '1 day' RETURNING xid),
       newest AS (SELECT xid FROM gone ORDER BY xid DESC LIMIT 1),
       mark AS (
         UPDATE analytics_prune p
         SET pruned_through = CASE WHEN p.pruned_through IS NULL OR p.pruned_through < newest.xid THEN newest.xid ELSE p.pruned_through END
         FROM newest WHERE p.id = 1 RETURNING 1)
     SELECT 1 FROM gone`,
    [now.toISOString()],
  );
  return changes.rowCount ?? 0;
}

export function describePurge(result: PurgeResult, retentionDays: number): string {
  return (
    `Retention: deleted ${result.partialResponses} partial response(s) idle for over ${retentionDays} days and ` +
    `${result.rateLimitRows} stale rate-limit row(s) and ${result.changeLogRows} folded analytics change(s)`
  );
}
