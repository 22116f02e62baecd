// Property: the columnar replica gives exactly the numbers PostgreSQL gives. Random filter sets
// (every filter kind, date ranges inside, across and outside the waves, empty and tiny segments)
// are drawn; every view (overview, compare against everyone else and against a custom segment of
// this or another wave, findings, trends, and a respondent's peer figures) is computed once on
// the raw backend (PostgreSQL over the jsonb answers: the oracle) and once on the replica, and
// the two must agree on every count, share, mean, interval, test, q-value and suppression
// decision. Between runs the data changes (inserts, deletions, partial rows completed), so the
// replica's fold is exercised too.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listWaves, type WaveInfo } from "@/lib/analytics/context";
import { compareSegments, otherWave } from "@/lib/analytics/compare";
import { SEGMENT_KEYS, emptyFilters, segmentOptions, type Filters } from "@/lib/analytics/filters";
import { getOverview } from "@/lib/analytics/overview";
import { getTrends } from "@/lib/analytics/trends";
import { aggregates, replica, withBackend, withFigures } from "@/lib/engine";
import { ColumnarReplica } from "@/lib/engine/columnar/replica";
import { rawReader } from "@/lib/engine/raw";
import { pruneChangeLog } from "@/lib/retention/purge";
import { getFindings } from "@/lib/findings";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import { hashResumeToken } from "@/lib/survey/resume-token";
import { getPersonalResult } from "@/lib/survey/results";
import { closeTestPool, testPool } from "../helpers/db";
import { fcOptions } from "./arbitraries";

let waves: WaveInfo[];
let days: string[];

beforeAll(async () => {
  waves = await listWaves(SURVEY_SLUG);
  const { rows } = await testPool().query<{ day: string }>(
    `SELECT DISTINCT to_char((submitted_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day FROM response
     WHERE status = 'complete' ORDER BY 1`,
  );
  days = rows.map((r) => r.day);
  await withBackend("columnar", async () => replica().build());
}, 120_000);

afterAll(async () => {
  await replica().close();
  await closeTestPool();
});

/** Equal, numbers to 1e-9 relative (sums of reals may be added in another order). */
function expectSame(columnar: unknown, raw: unknown, path = "$"): void {
  if (typeof raw === "number" && typeof columnar === "number") {
    const tolerance = 1e-9 * Math.max(1, Math.abs(raw), Math.abs(columnar));
    if (Math.abs(raw - columnar) > tolerance || Number.isNaN(raw) !== Number.isNaN(columnar))
      throw new Error(`${path}: columnar ${columnar} vs raw ${raw}`);
    return;
  }
  if (Array.isArray(raw) && Array.isArray(columnar)) {
    if (raw.length !== columnar.length) throw new Error(`${path}: ${columnar.length} items vs ${raw.length}`);
    raw.forEach((item, i) => expectSame(columnar[i], item, `${path}[${i}]`));
    return;
  }
  if (raw && columnar && typeof raw === "object" && typeof columnar === "object") {
    const keys = new Set([...Object.keys(raw), ...Object.keys(columnar)]);
    for (const key of keys) expectSame((columnar as Record<string, unknown>)[key], (raw as Record<string, unknown>)[key], `${path}.${key}`);
    return;
  }
  if (raw !== columnar) throw new Error(`${path}: columnar ${JSON.stringify(columnar)} vs raw ${JSON.stringify(raw)}`);
}

async function bothAgree<T>(view: () => Promise<T>): Promise<T> {
  const raw = await withBackend("raw", view);
  const columnar = await withBackend("columnar", view);
  expectSame(columnar, raw);
  return raw;
}

const dayArb = () =>
  fc.oneof(
    fc.constantFrom(...days),
    fc.constantFrom("1900-01-01", "2020-02-29", "9999-12-31"),
    fc.date({ min: new Date("2025-06-01"), max: new Date("2027-06-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  );

function filtersArb(wave: WaveInfo): fc.Arbitrary<Filters> {
  const segment = (key: (typeof SEGMENT_KEYS)[number]) => {
    const ids = segmentOptions(wave.instrument, key).map((o) => o.id);
    return fc.oneof({ weight: 3, arbitrary: fc.constant([] as string[]) }, fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 3 }));
  };
  return fc
    .record({
      from: fc.option(dayArb(), { nil: null }),
      to: fc.option(dayArb(), { nil: null }),
      industry: segment("industry"),
      region: segment("region"),
      size: segment("size"),
      role: segment("role"),
      stage: segment("stage"),
    })
    .map(({ from, to, ...segments }) => ({
      ...emptyFilters(),
      wave: wave.code,
      // Keep ranges the right way round (the API refuses the others).
      from: from && to && from > to ? to : from,
      to: from && to && from > to ? from : to,
      segments,
    }));
}

const waveIndex = () => fc.nat({ max: 1000 }).map((i) => i % waves.length);

/** Some writes between runs: new rows, deleted rows, partial rows completed. */
async function mutate(seed: number): Promise<void> {
  const wave = waves[seed % waves.length] as WaveInfo;
  const pool = testPool();
  await pool.query(
    `INSERT INTO response (wave_id, status, source, submission_key, started_at, updated_at, submitted_at, current_step,
       industry, region, company_size, role, stage, readiness_index, answers)
     SELECT wave_id, status, source, 'prop:' || md5(random()::text), started_at, updated_at, submitted_at, current_step,
       industry, region, company_size, role, stage, readiness_index, answers
     FROM response WHERE wave_id = $1 AND status = 'complete' ORDER BY md5(id::text || $2) LIMIT 3`,
    [wave.id, String(seed)],
  );
  await pool.query(
    `DELETE FROM response WHERE id IN (SELECT id FROM response WHERE wave_id = $1 AND submission_key LIKE 'prop:%'
       ORDER BY md5(id::text || $2) LIMIT 2)`,
    [wave.id, String(seed)],
  );
}

let queriesBefore = 0;
beforeEach(() => {
  queriesBefore = replica().describe().queries;
});
afterEach(() => {
  // The replica answered (no silent fallback to PostgreSQL hid it from the comparison).
  expect(replica().describe().queries).toBeGreaterThan(queriesBefore);
});

describe("the columnar replica equals PostgreSQL", () => {
  it("in the overview, under random filters", async () => {
    await fc.assert(
      fc.asyncProperty(
        waveIndex().chain((i) => fc.tuple(fc.constant(i), filtersArb(waves[i] as WaveInfo))),
        fc.nat(),
        async ([i, filters], seed) => {
          const wave = waves[i] as WaveInfo;
          await bothAgree(() => getOverview(wave.id, wave.instrument, filters));
          await mutate(seed);
        },
      ),
      fcOptions(40),
    );
  });

  it("in comparisons against everyone else, a custom segment and another wave", async () => {
    await fc.assert(
      fc.asyncProperty(
        waveIndex().chain((i) => fc.tuple(fc.constant(i), filtersArb(waves[i] as WaveInfo), filtersArb(waves[i] as WaveInfo), waveIndex())),
        fc.constantFrom("rest", "custom", "other-wave"),
        async ([i, a, b, j], mode) => {
          const wave = waves[i] as WaveInfo;
          const other = waves[j] as WaveInfo;
          if (mode === "rest") await bothAgree(() => compareSegments(wave.id, wave.instrument, a, { within: b }));
          else if (mode === "custom") await bothAgree(() => compareSegments(wave.id, wave.instrument, a, b));
          else {
            const bOther: Filters = { ...emptyFilters(), wave: other.code, from: b.from, to: b.to };
            await bothAgree(() => compareSegments(wave.id, wave.instrument, a, bOther, otherWave({ wave: other })));
          }
        },
      ),
      fcOptions(40),
    );
  });

  it("in findings and trends", async () => {
    await fc.assert(
      fc.asyncProperty(
        waveIndex().chain((i) => fc.tuple(fc.constant(i), filtersArb(waves[i] as WaveInfo))),
        fc.nat(),
        async ([i, filters], seed) => {
          const wave = waves[i] as WaveInfo;
          await bothAgree(() => getFindings(wave.id, wave.instrument, filters));
          const trendFilters: Filters = {
            ...filters,
            wave: null,
            segments: { ...emptyFilters().segments, region: filters.segments.region },
          };
          await bothAgree(() => getTrends([...waves].reverse(), trendFilters));
          await mutate(seed);
        },
      ),
      fcOptions(25),
    );
  });

  it("in protected figures (viewers, the public): record keys reach both backends alike", async () => {
    await fc.assert(
      fc.asyncProperty(
        waveIndex().chain((i) => fc.tuple(fc.constant(i), filtersArb(waves[i] as WaveInfo), filtersArb(waves[i] as WaveInfo))),
        fc.nat(),
        async ([i, a, b], seed) => {
          const wave = waves[i] as WaveInfo;
          const overview = await bothAgree(() => withFigures("protected", () => getOverview(wave.id, wave.instrument, a)));
          const exact = await getOverview(wave.id, wave.instrument, a);
          // Protected figures are never the exact ones passed through: a reportable view's size is perturbed or withheld.
          if (overview.complete !== null)
            expect(Math.abs(overview.complete - (exact.complete ?? overview.complete))).toBeLessThanOrEqual(3);
          await bothAgree(() => withFigures("protected", () => compareSegments(wave.id, wave.instrument, a, { within: b })));
          await bothAgree(() => withFigures("protected", () => getFindings(wave.id, wave.instrument, a)));
          await mutate(seed);
        },
      ),
      fcOptions(20),
    );
  });

  it("after the change log is pruned past its watermark (it rebuilds), and in a second instance folding the same writes", async () => {
    const wave = waves[0] as WaveInfo;
    const view = () => getOverview(wave.id, wave.instrument, { ...emptyFilters(), wave: wave.code });
    const second = new ColumnarReplica();
    await second.build();
    const builtAt = replica().describe().builtAt;
    await mutate(11);
    // Prune everything (as a purge a day later would), then write again.
    expect(await pruneChangeLog(testPool(), new Date(Date.now() + 2 * 86_400_000))).toBeGreaterThan(0);
    await mutate(12);
    await bothAgree(view);
    expect(replica().describe().builtAt).not.toBe(builtAt);
    await second.fresh();
    const raw = await withBackend("raw", async () => (await aggregates()).countEach(wave.id, [emptyFilters()]));
    expect(await second.reader(rawReader).countEach(wave.id, [emptyFilters()])).toEqual(raw);
    await second.close();
  });

  it("when a row brings a value its instrument does not offer (the replica reloads that wave)", async () => {
    const wave = waves[0] as WaveInfo;
    // Category columns are ENUMs of the values known at load; an unknown one arrives by a fold.
    await testPool().query(
      `INSERT INTO response (wave_id, status, source, submission_key, started_at, updated_at, submitted_at, current_step,
         industry, region, company_size, role, stage, readiness_index, answers)
       SELECT wave_id, status, source, 'prop:legacy-' || md5(random()::text), started_at, updated_at, submitted_at, current_step,
         'legacy_industry', region, company_size, role, stage, readiness_index, answers
       FROM response WHERE wave_id = $1 AND status = 'complete' LIMIT 2`,
      [wave.id],
    );
    const byIndustry = async () =>
      (await aggregates())
        .tally({
          instrument: wave.instrument,
          selection: { waveId: wave.id, status: "complete", filters: emptyFilters() },
          groupBy: [{ kind: "segment", key: "industry" }],
          measures: { index: true },
        })
        .then((rows) => rows.sort((a, b) => String(a.key[0]).localeCompare(String(b.key[0]))));
    const rows = await bothAgree(byIndustry);
    expect(rows.find((r) => r.key[0] === "legacy_industry")?.n).toBe(2);
    await testPool().query(`DELETE FROM response WHERE submission_key LIKE 'prop:legacy-%'`);
    const after = await bothAgree(byIndustry);
    expect(after.find((r) => r.key[0] === "legacy_industry")).toBeUndefined();
  });

  it("when responses move to another wave (both waves follow them), folded row by row and by reloading the waves", async () => {
    const [from, to] = waves as [WaveInfo, WaveInfo];
    const count = (wave: WaveInfo) => async () => (await aggregates()).countEach(wave.id, [emptyFilters()]);
    // A second replica that reloads a wave past 3 changed responses, where the app's applies them.
    const bulk = new ColumnarReplica(undefined, undefined, 3);
    await bulk.build();
    const table = (wave: WaveInfo) => bulk.version(wave.id)?.split(":")[1];
    const tables = [table(from), table(to)];
    const { rows } = await testPool().query<{ id: string }>(
      `UPDATE response SET wave_id = $1
       WHERE id IN (SELECT id FROM response WHERE wave_id = $2 AND status = 'complete' ORDER BY id LIMIT 5) RETURNING id::text`,
      [to.id, from.id],
    );
    expect(rows).toHaveLength(5);
    const before = await withBackend("raw", count(from));
    await bothAgree(count(from));
    await bothAgree(count(to));
    await bulk.fresh();
    expect([table(from), table(to)]).not.toContain(tables[0]);
    expect(table(to)).not.toBe(tables[1]);
    for (const wave of [from, to]) {
      const raw = await withBackend("raw", async () => (await aggregates()).countEach(wave.id, [emptyFilters()]));
      expect(await bulk.reader(rawReader).countEach(wave.id, [emptyFilters()])).toEqual(raw);
    }
    await bulk.close();
    await testPool().query(`UPDATE response SET wave_id = $1 WHERE id = ANY($2::uuid[])`, [from.id, rows.map((r) => r.id)]);
    const after = await bothAgree(count(from));
    expect(after[0]).toBe((before[0] as number) + 5);
    await bothAgree(count(to));
  });

  it("in a respondent's peer figures", async () => {
    const wave = waves[0] as WaveInfo;
    const { rows } = await testPool().query<{ id: string }>(
      `SELECT id FROM response WHERE wave_id = $1 AND status = 'complete' AND resume_token_hash IS NULL ORDER BY md5(id::text) LIMIT 15`,
      [wave.id],
    );
    expect(rows.length).toBeGreaterThan(5);
    const open = {
      surveyId: "",
      slug: SURVEY_SLUG,
      surveyTitle: "",
      waveId: wave.id,
      waveCode: wave.code,
      waveTitle: wave.title,
      instrument: wave.instrument,
    };
    let compared = 0;
    for (const { id } of rows) {
      const token = randomBytes(24).toString("base64url");
      await testPool().query(`UPDATE response SET resume_token_hash = $2 WHERE id = $1`, [id, hashResumeToken(token)]);
      const result = await bothAgree(() => getPersonalResult(open, token));
      expect(result?.responseId).toBe(id);
      compared += 1;
    }
    expect(compared).toBe(rows.length);
  });
});
