// npm run analytics:verify | analytics:rebuild
//
// verify: loads a columnar replica from the database (as every app process does at start) and
//   compares it with PostgreSQL's own aggregates over the raw rows, for every wave: counts,
//   sums and sums of squares of every scale and the index, every option count, grouped by every
//   profile column and the day. Prints the differences and exits 1 on any.
// rebuild: marks the change log as pruned up to now, so every running app instance rebuilds its
//   replica from PostgreSQL at its next fold (within ANALYTICS_SYNC_INTERVAL_MS), then loads one
//   here with a progress bar and reports how long a rebuild takes.
// With the embedded database, stop `npm start` first (PGlite allows one process).
import pg from "pg";
import { emptyFilters } from "@/lib/analytics/filters";
import { ColumnarReplica } from "@/lib/engine/columnar/replica";
import { layoutOf } from "@/lib/engine/layout";
import { tallyOnPostgres } from "@/lib/engine/raw";
import type { TallyRequest, TallyRow } from "@/lib/engine/types";
import { parseEnv } from "@/lib/env";
import { allQuestions } from "@/lib/survey/instrument-schema";
import { parseStoredDefinition } from "@/lib/survey/instruments";
import { openDatabase } from "./lib/database";
import { migrateDeploy } from "./lib/migrate";

const mode = process.argv[2];
if (mode !== "verify" && mode !== "rebuild") {
  console.error("usage: tsx scripts/analytics.ts verify|rebuild");
  process.exit(2);
}

function progressBar(label: string): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const share = total === 0 ? 1 : done / total;
    const width = 30;
    const bar = "#".repeat(Math.round(share * width)).padEnd(width, "-");
    const line = `${label} [${bar}] ${Math.round(share * 100)}%  ${done.toLocaleString("en")} / ${total.toLocaleString("en")} rows`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done >= total ? "\n" : ""}`);
    else if (Math.floor(share * 10) !== last) {
      last = Math.floor(share * 10);
      console.error(line);
    }
  };
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function differences(raw: TallyRow[], columnar: TallyRow[]): string[] {
  const byKey = (rows: TallyRow[]) => new Map(rows.map((r) => [JSON.stringify(r.key), r]));
  const a = byKey(raw);
  const b = byKey(columnar);
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const flat = (row: TallyRow | undefined) => {
      const values = new Map<string, number>();
      if (!row) return values;
      values.set("n", row.n).set("complete", row.complete);
      values.set("index.n", row.index.n).set("index.sum", row.index.sum).set("index.sumSquares", row.index.sumSquares);
      for (const [q, m] of Object.entries(row.scales)) for (const [part, v] of Object.entries(m)) values.set(`${q}.${part}`, v);
      for (const [q, counts] of Object.entries(row.options)) for (const [o, v] of Object.entries(counts)) values.set(`${q}=${o}`, v);
      return values;
    };
    const x = flat(a.get(key));
    const y = flat(b.get(key));
    for (const name of new Set([...x.keys(), ...y.keys()]))
      if (!sameNumber(x.get(name) ?? 0, y.get(name) ?? 0))
        out.push(`${key} ${name}: PostgreSQL ${x.get(name) ?? 0}, replica ${y.get(name) ?? 0}`);
  }
  return out;
}

const env = parseEnv();
const database = await openDatabase(env.DATABASE_URL, env.DATA_DIR);
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
let failed = false;
try {
  await migrateDeploy(database.url);
  if (mode === "rebuild") {
    await pool.query("UPDATE analytics_prune SET pruned_through = pg_current_xact_id() WHERE id = 1");
    console.log("Every running app instance rebuilds its replica at its next fold.");
  }
  const replica = new ColumnarReplica(() => pool, progressBar(mode === "rebuild" ? "Rebuilding" : "Loading"));
  const started = performance.now();
  await replica.build();
  const info = replica.describe();
  console.log(
    `Replica: ${info.rows.toLocaleString("en")} rows of ${info.waves} wave(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (mode === "verify") {
    const { rows: waves } = await pool.query<{ id: string; code: string; definition: unknown }>(
      "SELECT id::text, code, definition FROM wave ORDER BY opens_at",
    );
    const reader = replica.reader({
      backend: "raw",
      tally: () => Promise.reject(new Error("the replica did not load this wave")),
      countEach: () => Promise.reject(new Error("the replica did not load this wave")),
      cellsEach: () => Promise.reject(new Error("the replica did not load this wave")),
    });
    for (const wave of waves) {
      const instrument = parseStoredDefinition(wave.definition);
      const questions = allQuestions(instrument);
      const request: TallyRequest = {
        instrument,
        selection: { waveId: wave.id, status: "any", filters: emptyFilters() },
        groupBy: [
          { kind: "segment", key: "industry" },
          { kind: "segment", key: "region" },
          { kind: "segment", key: "size" },
          { kind: "segment", key: "role" },
          { kind: "segment", key: "stage" },
          { kind: "bucket", unit: "day" },
        ],
        measures: {
          complete: true,
          keys: true,
          index: true,
          scales: questions.filter((q) => q.type === "likert").map((q) => q.id),
          options: questions.filter((q) => q.type !== "likert" && q.type !== "text").map((q) => q.id),
        },
      };
      layoutOf(instrument);
      const [raw, columnar] = await Promise.all([tallyOnPostgres(layoutOf(instrument), request, pool), reader.tally(request)]);
      const diff = differences(raw, columnar);
      const n = raw.reduce((sum, r) => sum + r.n, 0);
      const verdict = diff.length ? `${diff.length} difference(s)` : "identical";
      console.log(`${wave.code}: ${n.toLocaleString("en")} responses in ${raw.length.toLocaleString("en")} cells: ${verdict}`);
      for (const line of diff.slice(0, 20)) console.log(`  ${line}`);
      if (diff.length) failed = true;
    }
  }
  await replica.close();
} finally {
  await pool.end();
  await database.stop();
}
process.exit(failed ? 1 : 0);
