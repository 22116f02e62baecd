// Groups concurrent calls into batches without delaying any of them: a call starts a batch at
// once while fewer than `concurrency` batches are running; otherwise it waits and joins the next
// batch, which takes everything queued by then (up to `maxSize`). Under light load every batch
// holds one call; under a burst, batches grow with the backlog, so the database sees one
// statement and one commit per batch instead of per call. Pure: unit-tested.

export class Batcher<T, R> {
  private readonly queue: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  private running = 0;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly concurrency: number,
    private readonly maxSize: number,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxSize);
      this.running++;
      // run() is called on a later tick even for the first call, so it never runs re-entrantly.
      void Promise.resolve()
        .then(() => this.run(batch.map((entry) => entry.item)))
        .then((results) => {
          if (results.length !== batch.length) throw new Error(`batch of ${batch.length} returned ${results.length} results`);
          batch.forEach((entry, i) => entry.resolve(results[i] as R));
        })
        .catch((error: unknown) => batch.forEach((entry) => entry.reject(error)))
        .finally(() => {
          this.running--;
          this.drain();
        });
    }
  }
}
