// npm run bench:export -- [--responses 1000000] [--runs 3]
// Streaming the responses CSV through the app (GET /api/v1/exports/responses.csv on a production
// build) against PostgreSQL's own COPY (...) TO STDOUT WITH CSV of the same rows and columns, in
// the same run. Targets: app rows/s at least 50% of COPY's; the server's peak RSS under 300 MB.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { parseEnv } from "@/lib/env";
import { exportColumns } from "@/lib/exports/columns";
import { instrumentV1 } from "@/lib/survey/instrument";
import { ROOT } from "../lib/proc";
import { median, prepareBench } from "./setup";

const { values } = parseArgs({ options: { responses: { type: "string", default: "1000000" }, runs: { type: "string", default: "3" } } });
const responses = Number(values.responses);
const runs = Number(values.runs);
const env = parseEnv();

/** Peak resident memory (VmHWM) of a process and its descendants, in MB. */
function peakRssMb(pid: number): number {
  const status = (p: number) => {
    try {
      return readFileSync(`/proc/${p}/status`, "utf8");
    } catch {
      return "";
    }
  };
  const children = (p: number): number[] => {
    try {
      return readdirSync(`/proc/${p}/task`).flatMap((t) => readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      return [];
    }
  };
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i] as number));
  return all.reduce((sum, p) => sum + Number(status(p).match(/VmHWM:\s+(\d+)/)?.[1] ?? 0), 0) / 1024;
}

async function main(): Promise<number> {
  console.log(`Export benchmark: ${responses.toLocaleString("en")} responses, ${runs} runs`);
  const ctx = await prepareBench(env.DATABASE_URL, responses);
  try {
    const columns = exportColumns(instrumentV1);
    const sql = `COPY (SELECT ${columns.map((c) => `${c.sql} AS "${c.name}"`).join(", ")} FROM response WHERE wave_id = '${ctx.waveId}' ORDER BY coalesce(submitted_at, started_at), id) TO STDOUT WITH (FORMAT csv, HEADER true, FORCE_QUOTE *)`;
    const client = new pg.Client({ connectionString: ctx.url });
    await client.connect();
    const countLines = (buffer: Buffer) => {
      let n = 0;
      for (const byte of buffer) if (byte === 10) n++;
      return n;
    };
    const baseline = async () => {
      const t = performance.now();
      let lines = 0;
      await new Promise<void>((resolve, reject) => {
        const stream = client.query(copyTo(sql));
        stream.on("data", (chunk: Buffer) => (lines += countLines(chunk)));
        stream.on("end", () => resolve());
        stream.on("error", reject);
      });
      return { ms: performance.now() - t, lines };
    };
    const app = async () => {
      const t = performance.now();
      const response = await fetch(`${ctx.baseUrl}/api/v1/exports/responses.csv?status=all`, { headers: { cookie: ctx.cookie } });
      if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
      let lines = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) lines += countLines(Buffer.from(chunk));
      return { ms: performance.now() - t, lines };
    };
    const appTimes: number[] = [];
    const baseTimes: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const b = await baseline();
      const a = await app();
      if (a.lines !== b.lines) throw new Error(`row counts differ: app ${a.lines} lines, COPY ${b.lines}`);
      rows = a.lines - 1;
      baseTimes.push(b.ms);
      appTimes.push(a.ms);
    }
    await client.end();
    const appRate = rows / (median(appTimes) / 1000);
    const copyRate = rows / (median(baseTimes) / 1000);
    const rss = ctx.server.pid ? peakRssMb(ctx.server.pid) : NaN;
    const results = [
      { metric: "export rows/s", app: Math.round(appRate), baseline: Math.round(copyRate), ratio: Math.round((appRate / copyRate) * 100) / 100, target: ">= 0.50x of COPY", pass: appRate / copyRate >= 0.5 },
      { metric: "server peak RSS (MB)", app: Math.round(rss), baseline: null, ratio: null, target: "< 300 MB", pass: rss < 300 },
    ];
    console.log("\n| metric | app | PostgreSQL COPY | ratio | target | result |\n|---|---|---|---|---|---|");
    for (const r of results) console.log(`| ${r.metric} | ${r.app.toLocaleString("en")} | ${r.baseline?.toLocaleString("en") ?? "—"} | ${r.ratio === null ? "—" : `${r.ratio.toFixed(2)}x`} | ${r.target} | ${r.pass ? "pass" : "FAIL"} |`);
    console.log(`(${rows.toLocaleString("en")} rows per export)`);
    const dir = path.join(ROOT, "bench", "results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "export.json"), JSON.stringify({ benchmark: "export", responses, runs, rows, at: new Date().toISOString(), results }, null, 2));
    return results.every((r) => r.pass) ? 0 : 1;
  } finally {
    for (const cleanup of ctx.cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
