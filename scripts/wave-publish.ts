// npm run wave:publish -- FILE --code 2027-Q1 [--title "Q1 2027"] [--draft] [--closes 2027-03-31] [--check]
// Publishes a new wave of the survey from a JSON definition file (FILE, or - for stdin): validates
// it (every problem printed with its path, exit 1), shows the diff against the previous wave, then
// creates it as a draft or opens it (closing the open wave). --check validates and diffs only.
// Database: DATABASE_URL, else the embedded one in DATA_DIR (stop `npm start` first: PGlite allows
// one process). A running server picks up the new open wave within a few seconds (OPEN_WAVE_TTL_MS).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import { checkDefinitionText } from "@/lib/waves/definition";
import { describeDiff } from "@/lib/waves/describe";
import { waveCodeSchema } from "@/lib/waves/schemas";
import { publishWave, reviewDefinition } from "@/lib/waves/store";
import { openDatabase, withClient } from "./lib/database";
import { migrateDeploy } from "./lib/migrate";

const USAGE =
  "usage: npm run wave:publish -- FILE --code CODE [--title TITLE] [--draft] [--closes YYYY-MM-DD|ISO-INSTANT] [--check] [--survey SLUG]";

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    code: { type: "string" },
    title: { type: "string" },
    draft: { type: "boolean", default: false },
    closes: { type: "string" },
    check: { type: "boolean", default: false },
    survey: { type: "string", default: SURVEY_SLUG },
  },
});
const file = positionals[0];
if (!file || positionals.length > 1) fail(USAGE);
if (!values.check && !values.code) fail(`--code is required (e.g. --code 2027-Q1)\n${USAGE}`);
const code = values.code ? waveCodeSchema.safeParse(values.code) : null;
if (code && !code.success) fail(`--code: ${code.error.issues[0]?.message ?? "invalid"}`);
/** A bare date closes at the end of that day (UTC). */
const closesAt = values.closes ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(values.closes) ? `${values.closes}T23:59:59Z` : values.closes) : null;
if (closesAt && Number.isNaN(closesAt.getTime())) fail(`--closes: "${values.closes}" is not a date (YYYY-MM-DD or an ISO 8601 instant)`);
if (closesAt && values.draft) fail("--closes applies when the wave opens; a draft gets its close date when opened");

let text: string;
try {
  text = readFileSync(file === "-" ? 0 : file, "utf8");
} catch (error) {
  fail(`cannot read ${file}: ${(error as Error).message}`);
}

// Checked before any database is opened: a malformed file fails fast, every problem named.
const checked = checkDefinitionText(text);
if (!checked.ok) {
  console.error(`${file}: the definition has ${checked.issues.length} problem${checked.issues.length === 1 ? "" : "s"}:`);
  for (const issue of checked.issues) console.error(`  ${issue.path}: ${issue.message}`);
  process.exit(1);
}

const env = parseEnv();
const database = await openDatabase(env.DATABASE_URL, env.DATA_DIR);
let exitCode = 0;
try {
  await migrateDeploy(database.url);
  await withClient(database.url, async (client) => {
    const review = await reviewDefinition(client, values.survey, checked.instrument);
    console.log(review.previous ? `Changes since wave ${review.previous.code}:` : "No earlier wave to compare with.");
    if (review.diff) console.log(describeDiff(review.diff));
    if (values.check) return;
    const { summary } = await publishWave(client, values.survey, {
      code: values.code as string,
      title: values.title ?? (values.code as string),
      definition: checked.instrument,
      status: values.draft ? "draft" : "open",
      closesAt,
    });
    console.log(
      `Wave ${summary.code} (${summary.title}) is ${summary.status}` +
        (summary.closesAt ? `, closing ${summary.closesAt}` : "") +
        (summary.status === "open" ? "; the wave open before it is closed." : "; open it from the dashboard (Waves) when ready."),
    );
  });
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(`${error.message}${error.fields.length ? "" : "."}`);
  for (const field of error.fields) console.error(`  ${field.path}: ${field.message}`);
  exitCode = 1;
} finally {
  await database.stop();
}
process.exit(exitCode);
