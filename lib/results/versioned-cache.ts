// A cache of values derived from data that changes now and then (a published wave's figures, keyed
// by the replica's version of the wave). A value computed for the current version is served as is;
// when the version has moved on, the previous value is still served while it was known current no
// more than `maxStaleMs` ago, and the new one is computed once in the background (stale while
// revalidate); past that, or with nothing cached, the caller waits for the computation, shared by
// every concurrent caller. Pure (no I/O): the caller supplies versions and the computation.

interface Entry<T> {
  version: string;
  value: Promise<T>;
  /** When the value was last known to match the data (computed, or found at the current version). */
  confirmedAt: number | null;
  refreshing: boolean;
}

export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
    private readonly onRefreshError: (error: unknown) => void = (error) => console.error("cache refresh failed", error),
  ) {}

  /** The value of `key` at `version`; `version` null means uncacheable: computed every time. */
  get(key: string, version: string | null, maxStaleMs: number, compute: () => Promise<T>): Promise<T> {
    if (version === null) return compute();
    const entry = this.entries.get(key);
    if (entry?.version === version) {
      if (entry.confirmedAt !== null) entry.confirmedAt = this.now();
      return entry.value;
    }
    if (entry && entry.confirmedAt !== null && maxStaleMs > 0 && this.now() - entry.confirmedAt <= maxStaleMs) {
      if (!entry.refreshing) {
        entry.refreshing = true;
        const next = this.computing(key, version, compute);
        next.value.then(
          () => {
            // Unless a newer value replaced the stale one meanwhile.
            if (this.entries.get(key) === entry) this.store(key, next);
          },
          (error: unknown) => {
            entry.refreshing = false;
            this.onRefreshError(error);
          },
        );
      }
      return entry.value;
    }
    const next = this.computing(key, version, compute);
    this.store(key, next);
    next.value.catch(() => {
      if (this.entries.get(key) === next) this.entries.delete(key);
    });
    return next.value;
  }

  /** Drops every cached value (tests; a rebuild). */
  clear(): void {
    this.entries.clear();
  }

  private computing(key: string, version: string, compute: () => Promise<T>): Entry<T> {
    const entry: Entry<T> = { version, value: compute(), confirmedAt: null, refreshing: false };
    entry.value.then(
      () => (entry.confirmedAt = this.now()),
      () => undefined,
    );
    return entry;
  }

  private store(key: string, entry: Entry<T>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    // Oldest first: Map keeps insertion order and every store re-inserts.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
