import "server-only";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Filters } from "@/lib/analytics/filters";
import { whereFor } from "@/lib/analytics/where";
import { cancelRunningStatement } from "@/lib/db/cancel";
import { analyticsPool, connectUnlessAborted } from "@/lib/db/pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Instrument } from "@/lib/survey/instrument-schema";
import type { ExportOutcome } from "./audit";
import { exportColumns, textLiteral } from "./columns";

/**
 * COPY takes no bind parameters, so the filter values are inlined as quoted literals. They are
 * validated before they get here (option ids [a-z0-9_], YYYY-MM-DD dates, a wave uuid), so they
 * hold no quotes or backslashes; doubling quotes is belt and braces.
 */
export function inlineSql(sql: Prisma.Sql): string {
  const literal = (value: unknown): string => {
    if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(", ")}]::text[]`;
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    return `'${String(value).replace(/'/g, "''")}'`;
  };
  return sql.text.replace(/\$(\d+)/g, (_, n: string) => literal(sql.values[Number(n) - 1]));
}

export interface StreamOptions {
  /** Start with a UTF-8 byte order mark (for Excel). */
  bom: boolean;
  /** Aborts when the client goes away (the request's signal): at any moment, the export stops. */
  signal: AbortSignal;
  /**
   * Called once when the export ends, however it ends, also when it ends before streaming (the
   * client left while it waited for a connection, or none came). Rows only when it completed.
   */
  onEnd: (outcome: ExportOutcome, rows: number | null) => void;
  /**
   * A reader that keeps its connection open but stops reading for this long is treated as gone:
   * its COPY is cancelled and the connection given back (default 60 s). An open socket that is
   * never read would otherwise hold one of the few export connections for good.
   */
  idleMs?: number;
}

const DEFAULT_IDLE_MS = 60_000;

/**
 * Streams the responses as CSV straight from PostgreSQL's COPY (its CSV writer quotes per
 * RFC 4180), one connection, no rows held in memory. Free text is neutralized in SQL, and every
 * field is quoted so that a spreadsheet using ";" as separator cannot split a cell into a formula.
 */
export async function streamResponsesCsv(
  wave: ExportWave,
  filters: Filters,
  status: "complete" | "partial" | "any",
  options: StreamOptions & { weights?: readonly CellWeight[] | null },
): Promise<ReadableStream<Uint8Array>> {
  const columns = exportColumns(wave.instrument, wave.code);
  const weights = options.weights ?? null;
  const select = [
    ...columns.map((c) => `${c.sql} AS "${c.name}"`),
    ...(weights ? [`CASE WHEN status = 'complete' THEN rr_w.w_weight END AS "weight"`] : []),
  ].join(",\n  ");
  const where = inlineSql(whereFor(wave.id, filters, status));
  const from = weights ? `response ${weightJoin(weights)}` : "response";
  const sql =
    `COPY (SELECT ${select} FROM ${from} WHERE ${where} ORDER BY coalesce(submitted_at, started_at), id) TO STDOUT ` +
    `WITH (FORMAT csv, HEADER true, FORCE_QUOTE *, ENCODING 'UTF8')`;
  return runCopy(sql, options);
}

/** A profile cell's raking weight (every complete response with this profile carries it). */
export interface CellWeight {
  industry: string | null;
  region: string | null;
  company_size: string | null;
  role: string | null;
  weight: number;
}

/**
 * The weights as a VALUES list joined on the profile columns (a hash join: one pass over the rows).
 * Its columns are prefixed w_ so that the export's unqualified column names stay unambiguous; a
 * float8 literal from JavaScript's shortest round-trip text is read back as the very same double.
 */
export function weightJoin(weights: readonly CellWeight[]): string {
  const text = (v: string | null) => textLiteral(v ?? "");
  const rows = weights.map((w) => {
    if (!Number.isFinite(w.weight)) throw new Error("a weight in the export is not finite");
    return `(${text(w.industry)}, ${text(w.region)}, ${text(w.company_size)}, ${text(w.role)}, ${String(w.weight)}::float8)`;
  });
  if (rows.length === 0) rows.push("(NULL::text, NULL::text, NULL::text, NULL::text, NULL::float8)");
  return (
    `LEFT JOIN (VALUES ${rows.join(", ")}) AS rr_w(w_industry, w_region, w_company_size, w_role, w_weight) ` +
    `ON rr_w.w_industry = coalesce(industry, '') AND rr_w.w_region = coalesce(region, '') ` +
    `AND rr_w.w_company_size = coalesce(company_size, '') AND rr_w.w_role = coalesce(role, '')`
  );
}

export interface ExportWave {
  id: string;
  code: string;
  instrument: Instrument;
}

/**
 * The columns of several waves' exports together: every column any wave has, by name, the newest
 * wave's order first; a wave without a column leaves it empty.
 */
export function unionColumns(waves: ExportWave[]): { name: string; perWave: (string | null)[] }[] {
  const perWave = waves.map((w) => new Map(exportColumns(w.instrument, w.code).map((c) => [c.name, c.sql])));
  const names: string[] = [];
  for (const columns of [...perWave].reverse()) for (const name of columns.keys()) if (!names.includes(name)) names.push(name);
  return names.map((name) => ({ name, perWave: perWave.map((columns) => columns.get(name) ?? null) }));
}

/**
 * The responses of several waves (oldest first) in one CSV, one COPY: each wave's rows read with its
 * own instrument, the union of their columns, a `wave` column on every row; rows by wave, then time.
 * When any wave is weighted, a last `weight` column carries each complete response's weight in its
 * own wave (`weights[i]`, that wave's cell weights; empty for an unweighted wave and partial rows).
 */
export async function streamWavesCsv(
  waves: ExportWave[],
  filters: Filters,
  status: "complete" | "partial" | "any",
  options: StreamOptions & { weights?: readonly (readonly CellWeight[] | null)[] },
): Promise<ReadableStream<Uint8Array>> {
  const columns = unionColumns(waves);
  const weighted = (options.weights ?? []).some((w) => w !== null && w !== undefined);
  const parts = waves.map((wave, i) => {
    // Cells are cast to text so columns of different types (and NULL) line up in the union.
    const select = columns.map((c, j) => `(${c.perWave[i] ?? "NULL"})::text AS c${j}`).join(", ");
    const where = inlineSql(whereFor(wave.id, filters, status));
    const own = options.weights?.[i] ?? null;
    const weight = !weighted ? "" : own ? `, CASE WHEN status = 'complete' THEN rr_w.w_weight END::text AS w` : ", NULL::text AS w";
    const from = own ? `response ${weightJoin(own)}` : "response";
    return `SELECT ${i} AS wave_order, coalesce(submitted_at, started_at) AS sort_at, id AS sort_id, ${select}${weight} FROM ${from} WHERE ${where}`;
  });
  const outer = [...columns.map((c, j) => `c${j} AS "${c.name}"`), ...(weighted ? [`w AS "weight"`] : [])].join(", ");
  const sql =
    `COPY (SELECT ${outer} FROM (${parts.map((p) => `(${p})`).join(" UNION ALL ")}) u ` +
    `ORDER BY wave_order, sort_at, sort_id) TO STDOUT WITH (FORMAT csv, HEADER true, FORCE_QUOTE *, ENCODING 'UTF8')`;
  return runCopy(sql, options);
}

async function runCopy(sql: string, options: StreamOptions): Promise<ReadableStream<Uint8Array>> {
  let client: pg.PoolClient;
  try {
    client = await connectUnlessAborted(analyticsPool(), options.signal);
  } catch (error) {
    options.onEnd(options.signal.aborted ? "cancelled" : "failed", null);
    throw error;
  }
  return copyToStream(client, sql, options);
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * Runs COPY on `client` and hands its output out as a web stream, read on demand: PostgreSQL waits
 * while the client reads slowly. The connection is given back exactly once: healthy when COPY
 * completed; destroyed, with the statement cancelled, when the client went away (the signal, or
 * the stream cancelled) or the connection failed. A connection whose reader stopped reading is
 * never left checked out: its paused socket would not even notice the server going away.
 */
function copyToStream(
  client: pg.PoolClient,
  sql: string,
  { bom, signal, onEnd, idleMs = DEFAULT_IDLE_MS }: StreamOptions,
): ReadableStream<Uint8Array> {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let ended = false;
  let idle: NodeJS.Timeout | undefined;
  const watchIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => cancel(), idleMs).unref();
  };
  let delivered = false; // every byte of COPY's output is in the stream
  let statementDone = false; // PostgreSQL reported the statement's end (its row count is known)

  const end = (outcome: ExportOutcome, error?: Error) => {
    if (ended) return;
    ended = true;
    clearTimeout(idle);
    signal.removeEventListener("abort", cancel);
    client.removeListener("drain", onStatementDone);
    if (!error) client.removeListener("error", fail); // a broken connection keeps it: late errors stay handled
    client.release(error); // with an error, the pool destroys the connection instead of reusing it
    onEnd(outcome, outcome === "completed" && statementDone ? copy.rowCount : null);
  };
  const fail = (error: Error) => {
    if (ended) return;
    console.warn(`[db] export failed: ${error.message}`);
    if (delivered) return end("completed", error); // only the statement's last word was lost
    end("failed", error);
    controller?.error(error); // the response stops short of its end, so the client sees the failure
  };
  const cancel = () => {
    if (ended) return;
    cancelRunningStatement(client);
    copy.destroy();
    const reason = new Error("export cancelled: the client went away");
    end("cancelled", reason);
    controller?.error(reason); // settles the stream when the signal came first (no-op once cancelled)
  };
  const onStatementDone = () => {
    statementDone = true;
    if (delivered) end("completed");
  };

  const copy = client.query(copyTo(sql));
  copy.on("error", fail);
  client.on("error", fail);
  client.once("drain", onStatementDone); // after COPY's ReadyForQuery: the query queue is empty
  const chunks = copy[Symbol.asyncIterator]() as AsyncIterator<Buffer>;

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        if (bom) c.enqueue(BOM);
      },
      async pull(c) {
        clearTimeout(idle); // reading: not idle while COPY produces the next chunk
        let next: IteratorResult<Buffer>;
        try {
          next = await chunks.next();
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (ended && !delivered) return; // cancelled (or failed) while waiting: the stream is settled
        if (next.done) {
          delivered = true;
          c.close();
          if (statementDone) end("completed");
          else setTimeout(() => fail(new Error("COPY sent its data but never its end")), 10_000).unref();
        } else {
          c.enqueue(next.value);
          watchIdle(); // until the reader asks for the next chunk
        }
      },
      cancel,
    },
    { highWaterMark: 0 },
  );
  if (signal.aborted) cancel();
  else {
    signal.addEventListener("abort", cancel, { once: true });
    watchIdle(); // a reader that never starts reading is idle too
  }
  return stream;
}
