import "server-only";
import { Readable } from "node:stream";
import { to as copyTo } from "pg-copy-streams";
import type { Filters } from "@/lib/analytics/filters";
import { whereFor } from "@/lib/analytics/where";
import { analyticsPool } from "@/lib/db/pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { exportColumns } from "./columns";

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

export interface ResponsesExport {
  stream: ReadableStream<Uint8Array>;
  /** Resolves with the number of data rows once the stream has been fully sent. */
  done: Promise<number>;
}

/**
 * Streams the responses as CSV straight from PostgreSQL's COPY (its CSV writer quotes per
 * RFC 4180), one connection, no rows held in memory. Free text is neutralized in SQL, and every
 * field is quoted so that a spreadsheet using ";" as separator cannot split a cell into a formula.
 */
export async function streamResponsesCsv(
  waveId: string,
  instrument: Instrument,
  filters: Filters,
  status: "complete" | "partial" | "any",
  bom: boolean,
): Promise<ResponsesExport> {
  const columns = exportColumns(instrument);
  const select = columns.map((c) => `${c.sql} AS "${c.name}"`).join(",\n  ");
  const where = inlineSql(whereFor(waveId, filters, status));
  const sql =
    `COPY (SELECT ${select} FROM response WHERE ${where} ORDER BY coalesce(submitted_at, started_at), id) TO STDOUT ` +
    `WITH (FORMAT csv, HEADER true, FORCE_QUOTE *, ENCODING 'UTF8')`;
  const client = await analyticsPool().connect();
  // While checked out, a dropped connection (database restart) may also be reported as an 'error'
  // event on the client; the COPY stream fails with it below, so here it is only logged.
  const onClientError = (error: Error) => console.warn(`[db] export connection lost: ${error.message}`);
  client.on("error", onClientError);
  const copy = client.query(copyTo(sql));
  let settle: (rows: number) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<number>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    client.removeListener("error", onClientError);
    client.release(error);
  };
  copy.on("end", () => {
    release();
    settle(copy.rowCount ?? 0); // COPY reports data rows; the header line is not counted
  });
  copy.on("error", (error: Error) => {
    release(error);
    fail(error);
  });
  const body = Readable.toWeb(copy) as ReadableStream<Uint8Array>;
  const stream = bom ? prepend(new Uint8Array([0xef, 0xbb, 0xbf]), body) : body;
  return {
    stream: withCancel(stream, () => {
      // The client went away: stop the COPY and give the connection back broken, not reused.
      copy.destroy();
      release(new Error("export cancelled"));
      fail(new Error("export cancelled"));
    }),
    done,
  };
}

function prepend(head: Uint8Array, body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let sentHead = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentHead) {
        sentHead = true;
        controller.enqueue(head);
        return;
      }
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

function withCancel(body: ReadableStream<Uint8Array>, onCancel: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: async (reason) => {
      onCancel();
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}
