// Which peers a respondent's result page compares with. Peer figures computed live would change
// with every new submission, so a respondent reloading the page before and after one newcomer
// could subtract the two and read that newcomer's ratings. The page therefore shows a snapshot:
// every peer who submitted up to a cutoff day, where cutoff days advance only in steps of at least
// k people of the group and only over days that are over (UTC). Any two snapshots a visitor can
// see differ by 0 or by k or more people, like every other figure under the suppression rule.
// The cutoffs are a function of the data alone, so every visitor sees the same snapshot.

export interface DailyCount {
  /** YYYY-MM-DD (UTC), a day that is over. */
  day: string;
  n: number;
}

/**
 * The last day of the snapshot (inclusive), or null while the group has fewer than k complete-day
 * peers. Greedy from the first day: each cutoff is the first day whose running total reaches the
 * previous cutoff's total plus k; the snapshot ends at the latest cutoff. `days` ascending.
 */
export function snapshotCutoff(days: readonly DailyCount[], k: number): string | null {
  let total = 0;
  let atCutoff = 0;
  let cutoff: string | null = null;
  for (const { day, n } of days) {
    total += n;
    if (total - atCutoff >= k) {
      cutoff = day;
      atCutoff = total;
    }
  }
  return cutoff;
}

/** The first instant after the snapshot's last day (submissions before it are in the snapshot). */
export function snapshotEnd(cutoff: string): Date {
  const end = new Date(`${cutoff}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return end;
}
