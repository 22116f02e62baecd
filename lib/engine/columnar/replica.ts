import "server-only";
// The columnar replica: every wave's responses, flattened into a DuckDB table of this process,
// kept equal to PostgreSQL by folding its change log (analytics_change, written by statement
// triggers on response in the same transaction as every insert, update and delete).
//
// Watermark: the replica has applied every change of every transaction whose id is below
// `watermark` (the xmin of the snapshot it last read in). Each fold reads, in one REPEATABLE READ
// snapshot, the changes with xid >= watermark and the current rows of the responses they name,
// applies them (delete, then insert what still exists: idempotent, so a change seen twice is
// harmless), and moves the watermark to that snapshot's xmin. Transactions still running then
// have ids >= xmin, so their changes are read again by the next fold whenever they commit.
// A change log pruned past the watermark, a truncated or restored table (another relfilenode),
// or a changed instrument make the replica rebuild instead.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Filters } from "@/lib/analytics/filters";
import { analyticsReadPool } from "@/lib/db/pg";
import { getEnv } from "@/lib/env";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { parseDefinition } from "@/lib/survey/waves";
import { layoutOf, type Layout } from "../layout";
import { readRows } from "../rows";
import { countEachSql, literal, tallyPlan } from "../sql";
import type { AggregateReader, TallyRequest, TallyRow } from "../types";
import { duckDialect, tableOf } from "./dialect";
import { duckColumns, flattenSql, readCsvSql } from "./flatten";

interface WaveTable {
  table: string;
  layout: Layout;
  rows: number;
  /** The members of each ENUM column (profile columns, single-choice answers), in their order. */
  enums: ReadonlyMap<string, readonly string[]>;
  /** Folds that changed this table's rows since it was loaded (its version, with the table name). */
  changes: number;
}

/** DuckDB's dialect for reading one wave's current table. */
const dialectOf = (wave: WaveTable) =>
  duckDialect(
    () => wave.table,
    (column) => wave.enums.get(column),
  );

interface Head {
  xmin: string;
  identity: string;
  pruned: string | null;
}

const HEAD_SQL = `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
  'response'::regclass::oid::text || ':' || pg_relation_filenode('response')::text AS identity,
  (SELECT pruned_through::text FROM analytics_prune WHERE id = 1) AS pruned`;

/** Ids per DELETE / COPY statement when folding many changes. */
const CHUNK = 5_000;

/**
 * Changed responses of one wave past which a fold reloads the wave instead of applying them row by
 * row. A bulk change (a migration of answers, a wave split, a restore of part of a table) would
 * otherwise hold every changed id in the server's memory at once (two thirds of a million moved
 * between waves: ~250 MB) and run hundreds of DELETE ... IN statements; a reload streams the wave
 * through a file instead.
 */
const RELOAD_ABOVE = 50_000;

/**
 * What each wave's table adds to the buffer pool. DuckDB keeps a table's newest rows (those not
 * yet written to its file) in buffers of their own, ~0.8 MB for a wave of a few rows (73 columns):
 * 73 small waves filled a 64 MB pool. The pool is ANALYTICS_MEMORY_MB plus this for every wave, so
 * a database of many waves does not run folds out of memory while a few large ones stay in 64 MB.
 */
const POOL_MB_PER_WAVE = 1;

export type ReplicaStatus = "cold" | "warming" | "ready" | "failed";

export interface ReplicaInfo {
  status: ReplicaStatus;
  waves: number;
  rows: number;
  watermark: string | null;
  builtAt: string | null;
  lastFoldMs: number | null;
  folds: number;
  /** Tallies answered by the replica (not by the fallback). */
  queries: number;
  error: string | null;
}

export class ColumnarReplica {
  status: ReplicaStatus = "cold";
  private instance: DuckDBInstance | null = null;
  private writer: DuckDBConnection | null = null;
  private dir: string | null = null;
  private waves = new Map<string, WaveTable>();
  private stale = new Set<string>();
  private watermark: string | null = null;
  private identity: string | null = null;
  private serial = 0;
  private readonly instanceId = randomUUID();
  private queue: Promise<unknown> = Promise.resolve();
  private nextFold: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private info = { builtAt: null as string | null, lastFoldMs: null as number | null, folds: 0, queries: 0, error: null as string | null };

  constructor(
    private readonly pool: () => pg.Pool = analyticsReadPool,
    private readonly progress?: (done: number, total: number) => void,
    /** A fold reloads a wave whole, rather than row by row, when more of its responses changed. */
    private readonly reloadAbove = RELOAD_ABOVE,
  ) {}

  describe(): ReplicaInfo {
    return {
      status: this.status,
      waves: this.waves.size,
      rows: [...this.waves.values()].reduce((sum, w) => sum + w.rows, 0),
      watermark: this.watermark,
      ...this.info,
    };
  }

  /** Builds the replica in the background (once); reads use the raw backend until it is ready. */
  start(): void {
    if (this.status !== "cold") return;
    this.status = "warming";
    void this.build().catch(() => undefined);
  }

  /** Builds (or rebuilds) everything now; resolves when ready. */
  build(): Promise<void> {
    return this.enqueue(async () => {
      try {
        await this.withSnapshot(async (client, head) => this.buildAll(client, head));
        this.status = "ready";
        this.info.error = null;
        this.scheduleFolds();
      } catch (error) {
        this.status = "failed";
        this.info.error = error instanceof Error ? error.message : String(error);
        throw error;
      }
    });
  }

  /** Resolves once a fold that started after this call has completed (freshness for a read). */
  fresh(): Promise<void> {
    if (!this.nextFold) {
      const fold = this.queue.then(() => {
        this.nextFold = null;
        return this.fold();
      });
      this.nextFold = fold;
      this.queue = fold.catch(() => undefined);
    }
    return this.nextFold;
  }

  /**
   * A token that changes whenever the wave's rows here change (a fold touching them, a reload, a
   * rebuild), or null when the wave is not loaded: what a cache of figures derived from the
   * replica keys on. Unique across replicas of the process (the instance id).
   */
  version(waveId: string): string | null {
    const wave = this.waves.get(waveId);
    return wave ? `${this.instanceId}:${wave.table}:${wave.changes}` : null;
  }

  /** Whether a wave's table matches the instrument a view reads it with. */
  fits(waveId: string, instrument: Instrument): boolean {
    const wave = this.waves.get(waveId);
    if (wave && wave.layout.signature === layoutOf(instrument).signature) return true;
    if (this.status === "ready") this.stale.add(waveId);
    return false;
  }

  reader(fallback: AggregateReader): AggregateReader {
    return {
      backend: "columnar",
      tally: async (request: TallyRequest): Promise<TallyRow[]> => {
        const wave = this.waves.get(request.selection.waveId);
        if (!wave || !this.fits(request.selection.waveId, request.instrument)) return fallback.tally(request);
        const plan = tallyPlan(dialectOf(wave), wave.layout, request);
        return readRows(plan, await this.query(plan.sql));
      },
      countEach: async (waveId, filterSets) => {
        const wave = this.waves.get(waveId);
        if (!wave) return fallback.countEach(waveId, filterSets);
        return (await this.countSets(wave, waveId, filterSets, false)).map((cell) => cell.n);
      },
      cellsEach: async (waveId, filterSets) => {
        const wave = this.waves.get(waveId);
        if (!wave) return fallback.cellsEach(waveId, filterSets);
        return this.countSets(wave, waveId, filterSets, true);
      },
    };
  }

  /** Each filter set's count (and record-key sum when `keys`), in one scan of the wave's table. */
  private async countSets(
    wave: WaveTable,
    waveId: string,
    filterSets: readonly Filters[],
    keys: boolean,
  ): Promise<{ n: number; keySum: number }[]> {
    if (filterSets.length === 0) return [];
    const rows = await this.query(countEachSql(dialectOf(wave), waveId, filterSets, keys));
    return filterSets.map((_, i) => ({ n: Number(rows[0]?.[`c${i}`] ?? 0), keySum: keys ? Number(rows[0]?.[`k${i}`] ?? 0) : 0 }));
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.queue.catch(() => undefined);
    this.writer?.closeSync();
    this.instance?.closeSync();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.instance = null;
    this.writer = null;
    this.status = "cold";
  }

  // --- internals -------------------------------------------------------------------------

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private scheduleFolds(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.fresh().catch(() => undefined), getEnv().ANALYTICS_SYNC_INTERVAL_MS);
    this.timer.unref();
  }

  private async duck(): Promise<DuckDBConnection> {
    if (this.writer) return this.writer;
    this.dir = mkdtempSync(path.join(tmpdir(), "rr-analytics-"));
    const dir = this.dir;
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    this.instance = await DuckDBInstance.create(path.join(this.dir, "replica.duckdb"), {
      memory_limit: `${getEnv().ANALYTICS_MEMORY_MB}MB`,
      threads: String(getEnv().ANALYTICS_THREADS),
      temp_directory: path.join(this.dir, "spill"),
      preserve_insertion_order: "false",
    });
    this.writer = await this.instance.connect();
    return this.writer;
  }

  private async query(sql: string): Promise<Record<string, unknown>[]> {
    if (!this.instance) throw new Error("the columnar replica is not open");
    const connection = await this.instance.connect();
    this.info.queries += 1;
    try {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    } finally {
      connection.closeSync();
    }
  }

  private async withSnapshot<T>(work: (client: pg.PoolClient, head: Head) => Promise<T>): Promise<T> {
    const client = await this.pool().connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const head = (await client.query<Head>(HEAD_SQL)).rows[0] as Head;
      const result = await work(client, head);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async waveDefinitions(client: pg.PoolClient): Promise<Map<string, Instrument>> {
    const { rows } = await client.query<{ id: string; hash: string; definition: unknown }>(
      "SELECT id::text AS id, definition_hash AS hash, definition FROM wave",
    );
    return new Map(rows.map((r) => [r.id, parseDefinition(r.hash, r.definition)]));
  }

  private async buildAll(client: pg.PoolClient, head: Head): Promise<void> {
    const definitions = await this.waveDefinitions(client);
    await this.sizePool(definitions.size + this.waves.size);
    const counts = await client.query<{ wave_id: string; n: string }>("SELECT wave_id::text, count(*)::text AS n FROM response GROUP BY 1");
    const total = counts.rows.reduce((sum, r) => sum + Number(r.n), 0);
    let done = 0;
    const built = new Map<string, WaveTable>();
    for (const [waveId, instrument] of definitions) {
      const table = await this.loadWave(client, waveId, layoutOf(instrument), ++this.serial);
      built.set(waveId, table);
      done += table.rows;
      this.progress?.(done, total);
    }
    const old = [...this.waves.values()];
    this.waves = built;
    this.stale.clear();
    this.watermark = head.xmin;
    this.identity = head.identity;
    this.info.builtAt = new Date().toISOString();
    for (const wave of old) await (await this.duck()).run(`DROP TABLE IF EXISTS ${wave.table}`);
    await this.sizePool(this.waves.size);
  }

  /** Sets the buffer pool for `waves` tables (see POOL_MB_PER_WAVE). */
  private async sizePool(waves: number): Promise<void> {
    await (await this.duck()).run(`SET memory_limit = '${getEnv().ANALYTICS_MEMORY_MB + waves * POOL_MB_PER_WAVE}MB'`);
  }

  /**
   * Creates a wave's table from PostgreSQL (all its rows, as of the snapshot): exported once to a
   * CSV file, scanned once for the category columns' values, then inserted with every category
   * column an ENUM of the instrument's values and any other value found (a value first seen later
   * makes its fold reload the wave). Straight into ENUMs, never through a text staging table: a
   * whole wave as strings needed twice the memory (DuckDB answered "Out of Memory" at 200,000 rows
   * a wave with 160 MB) and copying it doubled the load time.
   */
  private async loadWave(client: pg.PoolClient, waveId: string, layout: Layout, serial: number): Promise<WaveTable> {
    const duck = await this.duck();
    const table = tableOf(waveId, serial);
    const file = await this.exportCsv(client, table, flattenSql(layout, waveId));
    // One thread: each scanning or inserting thread holds a whole row group (122,880 rows) of its
    // own in memory, and two of them overran ANALYTICS_MEMORY_MB now and then; one is as fast here.
    await duck.run("SET threads = 1");
    try {
      const source = readCsvSql(layout, file);
      const found = new Map<string, string[]>();
      if (layout.categories.length) {
        const lists = layout.categories.map(({ column }) => `list(DISTINCT ${column}) AS ${column}`).join(", ");
        const [row] = (await duck.runAndReadAll(`SELECT ${lists} FROM (${source})`)).getRowObjectsJS();
        for (const { column } of layout.categories) found.set(column, ((row?.[column] as unknown[] | null) ?? []).map(String));
      }
      const enums = new Map(
        layout.categories.map(({ column, values }) => [column, [...new Set([...values, ...(found.get(column) ?? [])])]] as const),
      );
      const columns = duckColumns(layout).map(([name, type]) => {
        const values = enums.get(name);
        return `${name} ${values?.length ? `ENUM(${values.map(literal).join(", ")})` : type}`;
      });
      await duck.run(`DROP TABLE IF EXISTS ${table}`);
      await duck.run(`CREATE TABLE ${table} (${columns.join(", ")})`);
      const result = await duck.run(`INSERT INTO ${table} ${source}`);
      const enumColumns = new Map([...enums].filter(([, values]) => values.length > 0));
      return { table, layout, rows: Number(result.rowsChanged), enums: enumColumns, changes: 0 };
    } finally {
      await duck.run(`SET threads = ${getEnv().ANALYTICS_THREADS}`);
      rmSync(file, { force: true });
    }
  }

  /** Streams a PostgreSQL SELECT into a CSV file of the replica's folder; returns its path. */
  private async exportCsv(client: pg.PoolClient, name: string, select: string): Promise<string> {
    const file = path.join(this.dir as string, `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
    try {
      const stream = client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv)`));
      await pipeline(stream, createWriteStream(file));
      return file;
    } catch (error) {
      rmSync(file, { force: true });
      throw error;
    }
  }

  private async fold(): Promise<void> {
    if (this.status !== "ready") return;
    const started = performance.now();
    await this.withSnapshot(async (client, head) => {
      const pruned = head.pruned !== null && this.watermark !== null && BigInt(head.pruned) >= BigInt(this.watermark);
      if (head.identity !== this.identity || pruned || this.watermark === null) return this.buildAll(client, head);
      const changes = await this.changesSince(client, this.watermark);
      for (const waveId of this.stale) if (!changes.has(waveId)) changes.set(waveId, { n: 0, ids: [] });
      let definitions: Map<string, Instrument> | null = null;
      for (const [waveId, { n, ids }] of changes) {
        const known = this.waves.get(waveId);
        if (!known || this.stale.has(waveId) || n > this.reloadAbove) {
          // A wave first seen, whose instrument changed, or changed in bulk: load it whole, in this snapshot.
          definitions ??= await this.waveDefinitions(client);
          await this.reloadWave(client, waveId, definitions, known);
          continue;
        }
        try {
          await this.apply(client, known, waveId, ids);
        } catch (error) {
          // A value outside a category column's ENUM (an option added to the instrument since the
          // load): reload the wave with it, in this snapshot.
          if (!(error instanceof Error && error.message.includes("Conversion Error"))) throw error;
          definitions ??= await this.waveDefinitions(client);
          await this.reloadWave(client, waveId, definitions, known);
        }
      }
      this.watermark = head.xmin;
    });
    this.info.folds += 1;
    this.info.lastFoldMs = Math.round(performance.now() - started);
  }

  /**
   * The responses changed since the watermark, per wave: how many, and their ids for the waves
   * with at most `reloadAbove` (a wave past it is reloaded, so its ids are never fetched). One
   * statement: on the embedded database every round trip queues behind the app's own.
   */
  private async changesSince(client: pg.PoolClient, watermark: string): Promise<Map<string, { n: number; ids: string[] }>> {
    const { rows } = await client.query<{ wave_id: string; n: number; id: string | null }>(
      `WITH changed AS (SELECT DISTINCT wave_id, response_id FROM analytics_change WHERE xid >= $1::xid8),
            counts AS (SELECT wave_id, count(*)::int AS n FROM changed GROUP BY wave_id)
       SELECT counts.wave_id::text, counts.n, changed.response_id::text AS id
       FROM counts LEFT JOIN changed ON changed.wave_id = counts.wave_id AND counts.n <= $2`,
      [watermark, this.reloadAbove],
    );
    const changes = new Map<string, { n: number; ids: string[] }>();
    for (const row of rows) {
      const wave = changes.get(row.wave_id) ?? { n: row.n, ids: [] };
      if (row.id !== null) wave.ids.push(row.id);
      changes.set(row.wave_id, wave);
    }
    return changes;
  }

  private async reloadWave(
    client: pg.PoolClient,
    waveId: string,
    definitions: Map<string, Instrument>,
    known: WaveTable | undefined,
  ): Promise<void> {
    const instrument = definitions.get(waveId);
    if (!instrument) {
      // The wave is gone (deleted with its responses): so is its table.
      if (known) await (await this.duck()).run(`DROP TABLE IF EXISTS ${known.table}`);
      this.waves.delete(waveId);
      this.stale.delete(waveId);
      return;
    }
    if (!known) await this.sizePool(this.waves.size + 1);
    const table = await this.loadWave(client, waveId, layoutOf(instrument), ++this.serial);
    if (known) await (await this.duck()).run(`DROP TABLE IF EXISTS ${known.table}`);
    this.waves.set(waveId, table);
    this.stale.delete(waveId);
  }

  /** Deletes the named rows and inserts their current versions, in one DuckDB transaction. */
  private async apply(client: pg.PoolClient, wave: WaveTable, waveId: string, ids: string[]): Promise<void> {
    const duck = await this.duck();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const file = await this.exportCsv(client, "fold", flattenSql(wave.layout, waveId, chunk));
      try {
        await duck.run("BEGIN TRANSACTION");
        try {
          const removed = await duck.run(`DELETE FROM ${wave.table} WHERE id IN (${chunk.map(literal).join(", ")})`);
          const added = await duck.run(`INSERT INTO ${wave.table} ${readCsvSql(wave.layout, file)}`);
          await duck.run("COMMIT");
          wave.rows += Number(added.rowsChanged) - Number(removed.rowsChanged);
          wave.changes += 1;
        } catch (error) {
          await duck.run("ROLLBACK").catch(() => undefined);
          throw error;
        }
      } finally {
        rmSync(file, { force: true });
      }
    }
  }
}
