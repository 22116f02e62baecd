// npm run seed -- --responses N [--seed S]: deterministic demo data into the app's database
// (DATABASE_URL, or the embedded one when unset; stop `npm start` first, PGlite allows one process).
import { parseArgs } from "node:util";
import { parseEnv } from "@/lib/env";
import { ensureSurvey } from "./lib/bootstrap";
import { openDatabase, withClient } from "./lib/database";
import { migrateDeploy } from "./lib/migrate";
import { progressReporter } from "./lib/progress";
import { insertDemoResponses } from "./lib/seed-insert";

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
    const { waveId } = await ensureSurvey(client);
    const started = Date.now();
    const inserted = await insertDemoResponses(client, {
      waveId,
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
