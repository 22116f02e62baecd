// Responses-table benchmark: the explorer's JSON API (GET /api/v1/responses: session, keyset page
// of 50, total under the filters) for the first page and page 5,000, against the hand-written
// keyset query and count(*) that a DBA would run for the same page, in the same run. Target: <= 3x.
import pg from "pg";
import type { BenchResult } from "./report";
import { round2 } from "./report";
import { medianMs } from "./setup";

const PAGE = 50;
const PAGE_NUMBER = 5000;

interface Scenario {
  name: string;
  query: string;
  where: string;
  sortKey: string;
  expr: string;
  valueSql: string;
  cast: string;
  dir: "asc" | "desc";
}

const scenarios: Scenario[] = [
  {
    name: "newest first, unfiltered",
    query: "status=all&sort=submitted_at&dir=desc",
    where: "wave_id = $1",
    sortKey: "submitted_at",
    expr: "coalesce(submitted_at, started_at)",
    valueSql: `to_char(coalesce(submitted_at, started_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    cast: "::timestamptz",
    dir: "desc",
  },
  {
    name: "by readiness, 2 regions, complete",
    query: "status=complete&sort=readiness_index&dir=asc&region=north_america&region=western_europe",
    where: "wave_id = $1 AND status = 'complete' AND region = ANY('{north_america,western_europe}')",
    sortKey: "readiness_index",
    expr: "coalesce(readiness_index, -1)",
    valueSql: "coalesce(readiness_index, -1)",
    cast: "::real",
    dir: "asc",
  },
];

export interface TableBenchInput {
  url: string;
  waveId: string;
  baseUrl: string;
  cookie: string;
  runs: number;
}

export async function benchTable({ url, waveId, baseUrl, cookie, runs }: TableBenchInput): Promise<BenchResult[]> {
  // Two connections, as the app runs its page and its count in parallel.
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const results: BenchResult[] = [];
  try {
    for (const s of scenarios) {
      const order = s.dir === "desc" ? "DESC" : "ASC";
      const cmp = s.dir === "desc" ? "<" : ">";
      const cols = "id, status::text AS status, submitted_at, started_at, industry, region, company_size, role, stage, readiness_index";
      // The boundary row before page 5,000 (found once, untimed), as the app's cursor carries it.
      const boundary = await pool.query<{ id: string; v: string | number }>(
        `SELECT id, ${s.valueSql} AS v FROM response WHERE ${s.where} ORDER BY ${s.expr} ${order}, id ${order} OFFSET $2 LIMIT 1`,
        [waveId, (PAGE_NUMBER - 1) * PAGE - 1],
      );
      const edge = boundary.rows[0];
      if (!edge) throw new Error(`fewer than ${PAGE_NUMBER} pages for "${s.name}": seed more responses`);
      const cursor = Buffer.from(
        JSON.stringify({ v: edge.v, id: edge.id, d: "after", s: s.sortKey, o: (PAGE_NUMBER - 1) * PAGE }),
      ).toString("base64url");

      const pages = [
        { label: "first page", cursorParam: "", keyset: "", params: [waveId] as unknown[] },
        {
          label: `page ${PAGE_NUMBER.toLocaleString("en")}`,
          cursorParam: `&cursor=${cursor}`,
          keyset: `AND (${s.expr}, id) ${cmp} ($2${s.cast}, $3::uuid)`,
          params: [waveId, edge.v, edge.id] as unknown[],
        },
      ];
      for (const page of pages) {
        let appFirst = "";
        let baseFirst = "";
        const app = async () => {
          const r = await fetch(`${baseUrl}/api/v1/responses?${s.query}&limit=${PAGE}${page.cursorParam}`, { headers: { cookie } });
          if (!r.ok) throw new Error(`responses answered ${r.status}: ${await r.text()}`);
          const body = (await r.json()) as { rows: { id: string }[] };
          appFirst = body.rows[0]?.id ?? "";
        };
        const keysetOnly = () =>
          pool.query(
            `SELECT ${cols} FROM response WHERE ${s.where} ${page.keyset} ORDER BY ${s.expr} ${order}, id ${order} LIMIT ${PAGE + 1}`,
            page.params,
          );
        const baseline = async () => {
          const [rows] = await Promise.all([keysetOnly(), pool.query(`SELECT count(*)::int FROM response WHERE ${s.where}`, [waveId])]);
          baseFirst = String(rows.rows[0]?.id ?? "");
        };
        const baseMs = await medianMs(runs, baseline);
        const appMs = await medianMs(runs, app);
        const keysetMs = await medianMs(runs, keysetOnly);
        if (appFirst !== baseFirst)
          throw new Error(`"${s.name}" ${page.label}: the app's first row ${appFirst} is not the keyset query's ${baseFirst}`);
        results.push({
          benchmark: "table",
          metric: `${s.name}, ${page.label}`,
          unit: "ms",
          app: round2(appMs),
          baseline: round2(baseMs),
          ratio: round2(appMs / baseMs),
          target: "<= 3.00x",
          pass: appMs / baseMs <= 3,
          note: `baseline = keyset page + count(*) under the filters (the page shows the total); the keyset query alone took ${keysetMs.toFixed(1)} ms`,
        });
      }
    }
    return results;
  } finally {
    await pool.end();
  }
}
