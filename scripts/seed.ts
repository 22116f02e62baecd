// npm run seed -- --responses N [--seed S]: deterministic demo data into the app's database, N rows
// in each wave of the demo history that exists (2026-Q2, Q3, Q4; others are left alone)
// (DATABASE_URL, or the embedded one when unset; stop `npm start` first, PGlite allows one process).
import { parseArgs } from "node:util";
import { parseEnv } from "@/lib/env";
import { ensureSurvey } from "./lib/bootstrap";
import { openDatabase, withClient } from "./lib/database";
import { migrateDeploy } from "./lib/migrate";
import { progressReporter } from "./lib/progress";
import { insertDemoWaves } from "./lib/seed-insert";
import { DEMO_WAVES } from "@/lib/seed/waves";
import { SURVEY_SLUG } from "@/lib/survey/instrument";

const { values } = parseArgs({
  options: { responses: { type: "string", default: "3000" }, seed: { type: "string", default: "42" } },
});
const responses = Number(values.responses);
const seed = Number(values.seed);
if (!Number.isInteger(responses) || responses < 0 || responses > 5_000_000) {
  console.error("--responses must be a whole number from 0 to 5,000,000");
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error("--seed must be a whole number");
  process.exit(2);
}

const env = parseEnv();
const database = await openDatabase(env.DATABASE_URL, env.DATA_DIR);
try {
  await migrateDeploy(database.url);
  await withClient(database.url, async (client) => {
    await ensureSurvey(client);
    const { rows } = await client.query<{ id: string; code: string }>(
      `SELECT w.id, w.code FROM wave w JOIN survey s ON s.id = w.survey_id WHERE s.slug = $1 AND w.code = ANY($2)`,
      [SURVEY_SLUG, DEMO_WAVES.map((w) => w.code)],
    );
    const waves = DEMO_WAVES.flatMap((wave) => rows.filter((r) => r.code === wave.code).map((r) => ({ ...wave, id: r.id })));
    const started = Date.now();
    const inserted = await insertDemoWaves(client, waves, {
      responses,
      seed,
      method: database.embedded ? "insert" : "copy",
      onProgress: progressReporter("Seeding"),
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `Inserted ${inserted.toLocaleString("en")} responses (seed ${seed}) in ${seconds.toFixed(1)} s; rows already present were kept.`,
    );
  });
} finally {
  await database.stop();
}
