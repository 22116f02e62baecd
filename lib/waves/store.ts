// A wave's life, in SQL over any pg client, so the server (lib/waves/lifecycle.ts), the CLI
// (`npm run wave:publish`) and the first start's bootstrap apply the same rules:
// - draft → open → closed, never back. A draft is never shown to respondents or analysts.
// - One open wave per survey (a partial unique index). Opening a wave closes the one open before it
//   in the same transaction (the survey row locked), so respondents always find at most one.
// - An open wave may carry a close date; past it the wave takes no responses and is listed closed.
// - Status changes re-check the status inside their transaction, the wave row locked: of two
//   concurrent opens (or closes) exactly one succeeds, and a closed wave never reopens.
// - Only a draft's definition can be replaced (409 wave_frozen otherwise: an open wave may be
//   answered at any moment); the database's wave_definition_frozen trigger backs this for answered waves.
import type pg from "pg";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { definitionHash } from "@/lib/survey/definition-hash";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { parseStoredDefinition } from "@/lib/survey/instruments";
import { checkDefinition, checkDefinitionText } from "./definition";
import { diffInstruments, type WaveDiff } from "./diff";
import { DRAFT_CLOSES_AT_MESSAGE, type WaveSummary } from "./schemas";

export type WaveStatus = "draft" | "open" | "closed";

interface WaveRow {
  id: string;
  survey_id: string;
  code: string;
  title: string;
  status: WaveStatus;
  opens_at: Date;
  closes_at: Date | null;
  definition: unknown;
  definition_hash: string;
}

export function effectiveStatus(status: WaveStatus, closesAt: Date | null, now = new Date()): WaveStatus {
  return status === "open" && closesAt && closesAt <= now ? "closed" : status;
}

async function surveyIdOf(client: pg.ClientBase, slug: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM survey WHERE slug = $1`, [slug]);
  if (!rows[0]) throw new NotFoundError(`Survey "${slug}"`);
  return rows[0].id;
}

const parsedByHash = new Map<string, Instrument>();
function instrumentOf(row: Pick<WaveRow, "definition" | "definition_hash">): Instrument {
  let instrument = parsedByHash.get(row.definition_hash);
  if (!instrument) {
    instrument = parseStoredDefinition(row.definition);
    parsedByHash.set(row.definition_hash, instrument);
  }
  return instrument;
}

/** The survey's waves, newest first (drafts included), with response counts. */
export async function listAllWaves(client: pg.ClientBase, slug: string): Promise<WaveSummary[]> {
  const survey = await surveyIdOf(client, slug);
  const { rows } = await client.query<WaveRow & { complete: number; partial: number }>(
    `SELECT w.*,
            (SELECT count(*)::int FROM response r WHERE r.wave_id = w.id AND r.status = 'complete') AS complete,
            (SELECT count(*)::int FROM response r WHERE r.wave_id = w.id AND r.status = 'partial') AS partial
     FROM wave w WHERE w.survey_id = $1 ORDER BY w.opens_at DESC, w.created_at DESC`,
    [survey],
  );
  const now = new Date();
  return rows.map((w) => {
    const instrument = instrumentOf(w);
    return {
      code: w.code,
      title: w.title,
      status: effectiveStatus(w.status, w.closes_at, now),
      opensAt: w.opens_at.toISOString(),
      closesAt: w.closes_at?.toISOString() ?? null,
      instrumentVersion: instrument.version,
      questions: instrument.sections.reduce((n, s) => n + s.questions.length, 0),
      complete: w.complete,
      partial: w.partial,
    };
  });
}

async function summaryOf(client: pg.ClientBase, slug: string, code: string): Promise<WaveSummary> {
  const wave = (await listAllWaves(client, slug)).find((w) => w.code === code);
  if (!wave) throw new NotFoundError(`Wave ${code}`);
  return wave;
}

/** The wave a new one is compared with: the open wave, else the newest that was ever open (never a draft). */
export async function previousWave(
  client: pg.ClientBase,
  slug: string,
  except?: string,
): Promise<{ code: string; instrument: Instrument } | null> {
  const { rows } = await client.query<WaveRow>(
    `SELECT w.* FROM wave w JOIN survey s ON s.id = w.survey_id
     WHERE s.slug = $1 AND w.status <> 'draft' AND w.code IS DISTINCT FROM $2
     ORDER BY (w.status = 'open') DESC, w.opens_at DESC LIMIT 1`,
    [slug, except ?? null],
  );
  const row = rows[0];
  return row ? { code: row.code, instrument: instrumentOf(row) } : null;
}

export interface DefinitionReview {
  instrument: Instrument;
  previous: { code: string } | null;
  diff: WaveDiff | null;
}

/** Every problem of a definition as fields named "definition.<path>". */
export function definitionError(issues: { path: string; message: string }[]): ValidationError {
  return new ValidationError(
    issues.map((issue) => ({ path: issue.path === "definition" ? "definition" : `definition.${issue.path}`, message: issue.message })),
    `The definition has ${issues.length} problem${issues.length === 1 ? "" : "s"}`,
  );
}

/** Validates a definition (JSON text or a parsed value) and diffs it against the previous wave. */
export async function reviewDefinition(
  client: pg.ClientBase,
  slug: string,
  definition: unknown,
  except?: string,
): Promise<DefinitionReview> {
  const checked = typeof definition === "string" ? checkDefinitionText(definition) : checkDefinition(definition);
  if (!checked.ok) throw definitionError(checked.issues);
  const previous = await previousWave(client, slug, except);
  return {
    instrument: checked.instrument,
    previous: previous ? { code: previous.code } : null,
    diff: previous ? diffInstruments(previous.instrument, checked.instrument) : null,
  };
}

function futureDate(value: string | Date | null | undefined, field: string, now: Date): Date | null {
  if (value === undefined || value === null) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new ValidationError([{ path: field, message: "must be a date and time" }]);
  if (date <= now) throw new ValidationError([{ path: field, message: "must be in the future" }]);
  return date;
}

async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** Inside a transaction: closes the survey's open wave and opens the draft `waveId` from `now`. */
async function openLocked(
  client: pg.ClientBase,
  surveyId: string,
  waveId: string,
  now: Date,
  closesAt: Date | null,
  code: string,
): Promise<void> {
  // The survey row serializes two admins opening waves at once (the index would refuse the second);
  // the wave row's status is read again under its lock, so only a draft opens, and only once.
  await client.query(`SELECT id FROM survey WHERE id = $1 FOR UPDATE`, [surveyId]);
  const { rows } = await client.query<{ status: WaveStatus }>(`SELECT status FROM wave WHERE id = $1 FOR UPDATE`, [waveId]);
  const status = rows[0]?.status;
  if (status !== "draft") throw notDraft(code, status ?? "gone");
  await client.query(`UPDATE wave SET status = 'closed' WHERE survey_id = $1 AND status = 'open' AND id <> $2`, [surveyId, waveId]);
  const opened = await client.query(`UPDATE wave SET status = 'open', opens_at = $2, closes_at = $3 WHERE id = $1 AND status = 'draft'`, [
    waveId,
    now,
    closesAt,
  ]);
  if (opened.rowCount !== 1) throw notDraft(code, "no longer a draft");
}

const notDraft = (code: string, status: string) =>
  new ConflictError("wave_not_draft", `Wave ${code} is ${status}; only a draft can be opened (publish a new wave instead)`);

export interface PublishInput {
  code: string;
  title: string;
  /** JSON text or a parsed definition. */
  definition: unknown;
  status: "draft" | "open";
  closesAt?: string | Date | null;
  /** When the wave opens (default now); only the bootstrap's demo history sets past dates. */
  opensAt?: Date;
}

/** Creates a wave from a definition, as a draft or opened at once (closing the open wave). */
export async function publishWave(client: pg.ClientBase, slug: string, input: PublishInput): Promise<{ summary: WaveSummary; id: string }> {
  if (input.status === "draft" && input.closesAt !== undefined && input.closesAt !== null) throw draftWithCloseDate();
  const review = await reviewDefinition(client, slug, input.definition);
  const now = input.opensAt ?? new Date();
  const closesAt = input.status === "open" ? futureDate(input.closesAt, "closesAt", now) : null;
  const surveyId = await surveyIdOf(client, slug);
  const id = await inTransaction(client, async () => {
    let inserted;
    try {
      inserted = await client.query<{ id: string }>(
        `INSERT INTO wave (survey_id, code, title, status, definition, definition_hash, opens_at)
         VALUES ($1, $2, $3, 'draft', $4, $5, $6) RETURNING id`,
        [surveyId, input.code, input.title, JSON.stringify(review.instrument), definitionHash(review.instrument), now],
      );
    } catch (error) {
      if ((error as { code?: string }).code === "23505") {
        throw new ConflictError("wave_exists", `A wave with code ${input.code} already exists`, [{ path: "code", message: "is taken" }]);
      }
      throw error;
    }
    const waveId = inserted.rows[0]?.id;
    if (!waveId) throw new Error("wave insert returned nothing");
    if (input.status === "open") await openLocked(client, surveyId, waveId, now, closesAt, input.code);
    return waveId;
  });
  return { id, summary: await summaryOf(client, slug, input.code) };
}

const draftWithCloseDate = () => new ValidationError([{ path: "closesAt", message: DRAFT_CLOSES_AT_MESSAGE }]);

async function findWave(client: pg.ClientBase, slug: string, code: string): Promise<WaveRow> {
  const { rows } = await client.query<WaveRow>(
    `SELECT w.* FROM wave w JOIN survey s ON s.id = w.survey_id WHERE s.slug = $1 AND w.code = $2`,
    [slug, code],
  );
  if (!rows[0]) throw new NotFoundError(`Wave ${code}`);
  return rows[0];
}

/** Opens a draft (closing the open wave). A closed wave stays closed: publish a new wave instead. */
export async function openWave(client: pg.ClientBase, slug: string, code: string, closesAtText?: string | null): Promise<WaveSummary> {
  const wave = await findWave(client, slug, code);
  if (wave.status !== "draft") throw notDraft(code, wave.status);
  const now = new Date();
  const closesAt = futureDate(closesAtText, "closesAt", now);
  await inTransaction(client, () => openLocked(client, wave.survey_id, wave.id, now, closesAt, code));
  return summaryOf(client, slug, code);
}

/** Closes an open wave now, or (with `at` in the future) sets when it closes by itself. */
export async function closeWave(client: pg.ClientBase, slug: string, code: string, atText?: string | null): Promise<WaveSummary> {
  const wave = await findWave(client, slug, code);
  const now = new Date();
  const notOpen = () => new ConflictError("wave_not_open", `Wave ${code} is not open`);
  if (effectiveStatus(wave.status, wave.closes_at, now) !== "open") throw notOpen();
  const at = futureDate(atText, "at", now);
  await inTransaction(client, async () => {
    // Read again under the row's lock: of two concurrent closes one wins, the other is told.
    const { rows } = await client.query<Pick<WaveRow, "status" | "closes_at">>(
      `SELECT status, closes_at FROM wave WHERE id = $1 FOR UPDATE`,
      [wave.id],
    );
    const row = rows[0];
    if (!row || effectiveStatus(row.status, row.closes_at, now) !== "open") throw notOpen();
    const changed = at
      ? await client.query(`UPDATE wave SET closes_at = $2 WHERE id = $1 AND status = 'open'`, [wave.id, at])
      : await client.query(`UPDATE wave SET status = 'closed', closes_at = NULL WHERE id = $1 AND status = 'open'`, [wave.id]);
    if (changed.rowCount !== 1) throw notOpen();
  });
  return summaryOf(client, slug, code);
}

/** Replaces a draft's definition; refused (409 wave_frozen) once the wave was opened, answered or not. */
export async function replaceDefinition(client: pg.ClientBase, slug: string, code: string, definition: unknown): Promise<WaveSummary> {
  const wave = await findWave(client, slug, code);
  const frozen = (status: string) =>
    new ConflictError("wave_frozen", `Wave ${code} is ${status}; only a draft's definition can be replaced. Publish a new wave instead.`);
  if (wave.status !== "draft") throw frozen(wave.status);
  const review = await reviewDefinition(client, slug, definition, code);
  let updated;
  try {
    // "AND status = 'draft'": a wave opened since it was read keeps the definition it opened with.
    updated = await client.query(`UPDATE wave SET definition = $2, definition_hash = $3 WHERE id = $1 AND status = 'draft'`, [
      wave.id,
      JSON.stringify(review.instrument),
      definitionHash(review.instrument),
    ]);
  } catch (error) {
    if ((error as { code?: string }).code === "23514") throw frozen("answered");
    throw error;
  }
  if (updated.rowCount !== 1) throw frozen("no longer a draft");
  return summaryOf(client, slug, code);
}
