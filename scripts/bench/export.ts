// Export benchmark: streaming the responses CSV through the app (GET
// /api/v1/exports/responses.csv?status=all on a production build) against PostgreSQL's own
// COPY (...) TO STDOUT WITH CSV of the same rows and columns, in the same run. Targets: app rows/s
// at least 50% of COPY's; the server's peak RSS under 300 MB.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { exportColumns } from "@/lib/exports/columns";
import { CURRENT_WAVE, instrumentV1 } from "@/lib/survey/instrument";
import type { BenchResult } from "./report";
import { round2 } from "./report";
import { median } from "./setup";

/** A process and its descendants (the app server may fork workers). */
function processTree(pid: number): number[] {
  const children = (p: number): number[] => {
    try {
      return readdirSync(`/proc/${p}/task`).flatMap((t) =>
        readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
      );
    } catch {
      return [];
    }
  };
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i] as number));
  return all;
}

/** Resets the peak-RSS high-water mark (Linux: "5" > /proc/PID/clear_refs), so a peak belongs to one benchmark. */
export function resetPeakRss(pid: number): void {
  for (const p of processTree(pid)) {
    try {
      writeFileSync(`/proc/${p}/clear_refs`, "5");
    } catch {
      // Not Linux, or the process is gone: the peak then covers the process's whole life.
    }
  }
}

/** Resident memory of a process and its descendants, in MB: the peak (VmHWM) or now (VmRSS). */
function treeMemoryMb(pid: number, field: "VmHWM" | "VmRSS"): number {
  const status = (p: number) => {
    try {
      return readFileSync(`/proc/${p}/status`, "utf8");
    } catch {
      return "";
    }
  };
  const pattern = new RegExp(`${field}:\\s+(\\d+)`);
  return processTree(pid).reduce((sum, p) => sum + Number(status(p).match(pattern)?.[1] ?? 0), 0) / 1024;
}

export const peakRssMb = (pid: number) => treeMemoryMb(pid, "VmHWM");

export interface RssSampler {
  /** From now on, samples count towards this phase. */
  enter(phase: string): void;
  /** Stops sampling; the highest resident memory seen in each phase, in MB, in phase order. */
  stop(): Map<string, number>;
}

/** Samples a process tree's resident memory every `everyMs`, keeping the highest per phase. */
export function sampleRss(pid: number, firstPhase: string, everyMs = 200): RssSampler {
  const peaks = new Map<string, number>();
  let phase = firstPhase;
  const sample = () => peaks.set(phase, Math.max(peaks.get(phase) ?? 0, treeMemoryMb(pid, "VmRSS")));
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    enter(next) {
      sample();
      phase = next;
    },
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}

const countLines = (buffer: Uint8Array) => {
  let n = 0;
  for (const byte of buffer) if (byte === 10) n++;
  return n;
};

export interface ExportBenchInput {
  url: string;
  waveId: string;
  baseUrl: string;
  cookie: string;
  serverPid: number | undefined;
  runs: number;
}

export async function benchExport({ url, waveId, baseUrl, cookie, serverPid, runs }: ExportBenchInput): Promise<BenchResult[]> {
  const columns = exportColumns(instrumentV1, CURRENT_WAVE.code);
  const sql =
    `COPY (SELECT ${columns.map((c) => `${c.sql} AS "${c.name}"`).join(", ")} FROM response WHERE wave_id = ` +
    `'${waveId}' ORDER BY coalesce(submitted_at, started_at), id) TO STDOUT WITH (FORMAT csv, HEADER true, ` +
    `FORCE_QUOTE *)`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
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
      const response = await fetch(`${baseUrl}/api/v1/exports/responses.csv?status=all`, { headers: { cookie } });
      if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
      let lines = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) lines += countLines(chunk);
      return { ms: performance.now() - t, lines };
    };
    if (serverPid) resetPeakRss(serverPid);
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
    const appRate = rows / (median(appTimes) / 1000);
    const copyRate = rows / (median(baseTimes) / 1000);
    const rss = serverPid ? peakRssMb(serverPid) : NaN;
    return [
      {
        benchmark: "export",
        metric: `responses CSV, ${rows.toLocaleString("en")} rows`,
        unit: "rows/s",
        app: Math.round(appRate),
        baseline: Math.round(copyRate),
        ratio: round2(appRate / copyRate),
        target: ">= 0.50x of COPY",
        pass: appRate / copyRate >= 0.5,
      },
      {
        benchmark: "export",
        metric: "server peak RSS during the exports",
        unit: "MB",
        app: Math.round(rss),
        baseline: null,
        ratio: null,
        target: "< 300 MB",
        pass: rss < 300,
      },
    ];
  } finally {
    await client.end();
  }
}
