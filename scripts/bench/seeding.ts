// Seeding benchmark: `npm run seed`'s path (rows generated and streamed into COPY as they are
// produced) against PostgreSQL's COPY of the very same rows read from a file prepared beforehand,
// into an identical empty table (same columns, constraints and indexes). Target: >= 50%.
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { withClient } from "../lib/database";
import { progressReporter } from "../lib/progress";
import { copySeedSql, insertDemoResponses, seedCsvStream, seedNow } from "../lib/seed-insert";
import { instrumentV1 } from "@/lib/survey/instrument";
import type { BenchResult } from "./report";
import { round2 } from "./report";
import type { BenchDatabase } from "./setup";

export async function seedAndMeasure(db: BenchDatabase, waveId: string, responses: number): Promise<BenchResult[]> {
  const now = seedNow();
  const method = db.embedded ? "insert" : "copy";
  const appSeconds = await withClient(db.url, async (client) => {
    const t = performance.now();
    await insertDemoResponses(client, { waveId, responses, seed: 42, method, now, onProgress: progressReporter("Seeding (app)") });
    return (performance.now() - t) / 1000;
  });
  const appRate = responses / appSeconds;
  if (db.embedded) {
    return [
      {
        benchmark: "seed",
        metric: `seed ${responses.toLocaleString("en")} responses`,
        unit: "rows/s",
        app: Math.round(appRate),
        baseline: null,
        ratio: null,
        target: ">= 0.50x of COPY",
        pass: null,
        note: "the embedded database cannot take COPY input: no baseline",
      },
    ];
  }

  const dir = mkdtempSync(path.join(tmpdir(), "rr-bench-seed-"));
  try {
    const file = path.join(dir, "rows.csv");
    await pipeline(seedCsvStream(waveId, { waveId, responses, seed: 42, now, instrument: instrumentV1 }), createWriteStream(file));
    const copySeconds = await withClient(db.url, async (client) => {
      await client.query(`CREATE TABLE response_copy (LIKE response INCLUDING ALL)`);
      try {
        const t = performance.now();
        await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(copySeedSql("response_copy"))));
        return (performance.now() - t) / 1000;
      } finally {
        await client.query(`DROP TABLE response_copy`);
      }
    });
    const copyRate = responses / copySeconds;
    return [
      {
        benchmark: "seed",
        metric: `seed ${responses.toLocaleString("en")} responses`,
        unit: "rows/s",
        app: Math.round(appRate),
        baseline: Math.round(copyRate),
        ratio: round2(appRate / copyRate),
        target: ">= 0.50x of COPY",
        pass: appRate / copyRate >= 0.5,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
