// The order in which PGlite runs the wire messages of several connections. pglite-socket's own
// queue runs one message at a time and only keeps a connection's messages together inside an
// explicit transaction, so an extended-protocol query (Parse, Bind, Describe, Execute, Sync: five
// messages) from one connection could be split by another connection's query, which replaces the
// unnamed statement: "unnamed prepared statement does not exist", "bind message supplies 2
// parameters, but prepared statement requires 5". This queue keeps a connection's messages
// together until its Sync (or simple Query) ends them, and for as long as it is in a transaction.
import type { PGlite } from "@electric-sql/pglite";

interface Queued {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Message types of the extended protocol (and COPY data) that more messages must follow. Every
 * other type ends an exchange (Sync, Query, Terminate, CopyDone, CopyFail) or is one on its own
 * (startup, password).
 */
const CONTINUES_EXCHANGE = new Set(["P", "B", "D", "E", "C", "H", "F", "d"].map((c) => c.charCodeAt(0)));
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

export class ProtocolQueue {
  private readonly queue: Queued[] = [];
  private processing = false;
  /** The connection whose exchange or transaction is open: only its messages run until it ends. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private next(): Queued | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((q) => q.handlerId === this.owner);
    // The owner has not sent its next message yet: wait for it (enqueue runs the queue again).
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = null;
          item.reject(error);
          continue;
        }
        this.owner = this.ownerAfter(item) ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  private ownerAfter({ message }: Queued): boolean {
    if (this.db.isInTransaction()) return true;
    return CONTINUES_EXCHANGE.has(message[0] ?? 0);
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const item = this.queue[i];
      if (item?.handlerId !== handlerId) continue;
      this.queue.splice(i, 1);
      item.reject(new Error("Handler disconnected"));
    }
  }

  /** A connection that went away mid-exchange or mid-transaction must not hold the database. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    // Sync ends an unfinished exchange; exec takes the query lock itself, so it runs outside.
    await this.db.runExclusive(() => this.db.execProtocolRaw(SYNC));
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    await this.process();
  }
}
