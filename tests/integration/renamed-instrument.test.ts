// Instruments as data: analytics find questions by role in the wave's own instrument. The same
// respondents stored under v1 and under a copy of v1 whose section, question and option ids are all
// renamed (roles, option codes and labels kept) give the same overview, comparison, findings,
// personal result and exports, once the renamed ids in the output are mapped back.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareSegments } from "@/lib/analytics/compare";
import { emptyFilters, type Filters } from "@/lib/analytics/filters";
import { getOverview } from "@/lib/analytics/overview";
import { exportColumns } from "@/lib/exports/columns";
import { streamResponsesCsv } from "@/lib/exports/responses-csv";
import { getFindings } from "@/lib/findings";
import { generateRow } from "@/lib/seed/generate";
import { definitionHash } from "@/lib/survey/definition-hash";
import { instrumentV1 } from "@/lib/survey/instrument";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { getPersonalResult } from "@/lib/survey/results";
import { hashResumeToken } from "@/lib/survey/resume-token";
import { optionIdByCode } from "@/lib/survey/roles";
import type { OpenWave } from "@/lib/survey/waves";
import { closeTestPool, createTestSurvey, testPool } from "../helpers/db";
import { mapBack, renameAnswers, renamedV1 } from "../helpers/renamed-instrument";

const renamed = renamedV1();
const ROWS = 1200;
const NOW = new Date("2026-11-20T12:00:00Z");
const token = { v1: randomUUID(), renamed: randomUUID() };
const waves = {} as Record<"v1" | "renamed", OpenWave>;

async function seedWave(name: "v1" | "renamed", instrument: Instrument): Promise<OpenWave> {
  const { slug, waveId } = await createTestSurvey(`rn-${name}`);
  const pool = testPool();
  await pool.query(`UPDATE wave SET definition = $2, definition_hash = $3 WHERE id = $1`, [
    waveId,
    JSON.stringify(instrument),
    definitionHash(instrument),
  ]);
  const rows = Array.from({ length: ROWS }, (_, i) => generateRow(9, i, NOW, instrument));
  const own = rows.findIndex((r) => r.status === "complete");
  for (let start = 0; start < rows.length; start += 300) {
    const batch = rows.slice(start, start + 300);
    await pool.query(
      `INSERT INTO response (wave_id, status, source, submission_key, current_step, started_at, updated_at, submitted_at,
         industry, region, company_size, role, stage, readiness_index, answers, resume_token_hash)
       SELECT $1::uuid, s::response_status, 'seed', k, c, st, coalesce(sub, st), sub, i, r, cs, ro, sg, ri, a, h
       FROM unnest($2::text[], $3::text[], $4::smallint[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::real[], $13::jsonb[], $14::text[])
         AS t(s, k, c, st, sub, i, r, cs, ro, sg, ri, a, h)`,
      [
        waveId,
        batch.map((r) => r.status),
        batch.map((_, i) => `rn:${name}:${waveId}:${start + i}`),
        batch.map((r) => r.currentStep),
        batch.map((r) => r.startedAt.toISOString()),
        batch.map((r) => r.submittedAt?.toISOString() ?? null),
        batch.map((r) => r.industry),
        batch.map((r) => r.region),
        batch.map((r) => r.companySize),
        batch.map((r) => r.role),
        batch.map((r) => r.stage),
        batch.map((r) => r.readinessIndex),
        batch.map((r) => JSON.stringify(r.answers)),
        batch.map((_, i) => (start + i === own ? hashResumeToken(token[name]) : null)),
      ],
    );
  }
  // The same record keys for the same row in both waves (they are random by default), so the
  // protected figures (respondents' peers) are the same too.
  await pool.query(
    `UPDATE response SET record_key = get_byte(decode(md5(split_part(submission_key, ':', 4)), 'hex'), 0) WHERE wave_id = $1`,
    [waveId],
  );
  return { surveyId: "", slug, surveyTitle: "Renamed ids", waveId, waveCode: "2026-Q4", waveTitle: "Q4 2026", instrument };
}

/** The renamed wave's filters for v1 filters: option ids by code. */
function renameFilters(filters: Filters): Filters {
  const role = { industry: "industry", region: "region", size: "company_size", role: "role", stage: "stage" } as const;
  const segments = Object.fromEntries(
    Object.entries(filters.segments).map(([key, values]) => [
      key,
      values.map((v) => optionIdByCode(renamed.instrument, role[key as keyof typeof role], v) ?? v),
    ]),
  ) as Filters["segments"];
  return { ...filters, segments };
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

beforeAll(async () => {
  waves.v1 = await seedWave("v1", instrumentV1);
  waves.renamed = await seedWave("renamed", renamed.instrument);
}, 60_000);
afterAll(closeTestPool);

describe("an instrument with renamed ids but the same roles", () => {
  it("is a different instrument: no question or option id in common with v1", () => {
    const ids = (i: Instrument) =>
      i.sections.flatMap((s) => s.questions.flatMap((q) => [q.id, ...("options" in q ? q.options.map((o) => o.id) : [])]));
    const v1 = new Set(ids(instrumentV1));
    expect(ids(renamed.instrument).filter((id) => v1.has(id))).toEqual([]);
  });

  it("gets the same seeded respondents (generated by role and code) and profile columns", async () => {
    const rows = (waveId: string) =>
      testPool().query<Record<string, unknown>>(
        `SELECT status, industry, region, company_size, role, stage, readiness_index, answers FROM response
         WHERE wave_id = $1 ORDER BY submission_key`,
        [waveId],
      );
    const [a, b] = await Promise.all([rows(waves.v1.waveId), rows(waves.renamed.waveId)]);
    expect(b.rows.length).toBe(ROWS);
    expect(mapBack(renamed, b.rows)).toEqual(a.rows);
    for (const [i, row] of a.rows.entries()) expect(b.rows[i]!.answers).toEqual(renameAnswers(renamed, row.answers as never));
  });

  it("gives the same overview, unfiltered and filtered", async () => {
    for (const filters of [emptyFilters(), { ...emptyFilters(), segments: { ...emptyFilters().segments, industry: ["technology"] } }]) {
      const [a, b] = await Promise.all([
        getOverview(waves.v1.waveId, instrumentV1, filters),
        getOverview(waves.renamed.waveId, renamed.instrument, renameFilters(filters)),
      ]);
      expect(a.reportable).toBe(true);
      expect(a.concerns.length).toBeGreaterThan(5);
      expect(a.dimensions.length).toBe(7);
      expect(a.infrastructure.some((r) => (r.planned.n ?? 0) > 0)).toBe(true);
      expect(mapBack(renamed, b)).toEqual(a);
    }
  });

  it("gives the same comparison", async () => {
    const a = { ...emptyFilters(), segments: { ...emptyFilters().segments, industry: ["technology"] } };
    const [x, y] = await Promise.all([
      compareSegments(waves.v1.waveId, instrumentV1, a, { within: emptyFilters() }),
      compareSegments(waves.renamed.waveId, renamed.instrument, renameFilters(a), { within: emptyFilters() }),
    ]);
    expect(x.reportable).toBe(true);
    expect(x.rows.length).toBeGreaterThan(20);
    expect(mapBack(renamed, y)).toEqual(mapBack(renamed, x)); // both as JSON (dates as strings)
  });

  it("gives the same findings, with the same subjects and linked architectures", async () => {
    const [a, b] = await Promise.all([
      getFindings(waves.v1.waveId, instrumentV1, emptyFilters()),
      getFindings(waves.renamed.waveId, renamed.instrument, emptyFilters()),
    ]);
    expect(a.findings.length).toBeGreaterThan(0);
    expect(new Set(a.findings.map((f) => f.kind)).size).toBeGreaterThan(1);
    expect(b.findings.map((f) => f.subject)).toEqual(a.findings.map((f) => f.subject));
    expect(mapBack(renamed, b)).toEqual(a);
  });

  it("gives the same personal result and recommendation", async () => {
    const [a, b] = await Promise.all([getPersonalResult(waves.v1, token.v1), getPersonalResult(waves.renamed, token.renamed)]);
    expect(a).not.toBeNull();
    expect(a!.recommendation.length).toBe(6);
    expect(a!.topConcerns.length).toBeGreaterThan(0);
    const { responseId: _a, ...x } = a!;
    const { responseId: _b, ...y } = b!;
    expect(mapBack(renamed, y)).toEqual(mapBack(renamed, x)); // both as JSON (dates as strings)
  });

  it("exports the same responses and codebook", async () => {
    const csv = async (wave: OpenWave) =>
      text(
        await streamResponsesCsv({ id: wave.waveId, code: wave.waveCode, instrument: wave.instrument }, emptyFilters(), "any", {
          bom: false,
          signal: new AbortController().signal,
          onEnd: () => undefined,
        }),
      );
    const [a, b] = await Promise.all([csv(waves.v1), csv(waves.renamed)]);
    const strip = (s: string) => s.replace(/^"[0-9a-f-]{36}","[^"]*",/gm, ""); // response ids and wave codes differ
    expect(a.split("\n").length).toBeGreaterThan(ROWS);
    expect(mapBack(renamed, strip(b))).toBe(strip(a));
    // Section ids are renamed too; the codebook's section titles and texts stay the same.
    const codebook = (i: Instrument) =>
      exportColumns(i, "wave").map(({ sql: _sql, section, ...c }) => ({ ...c, section: section && { ...section, id: "" } }));
    expect(mapBack(renamed, codebook(renamed.instrument))).toEqual(codebook(instrumentV1));
  });
});
