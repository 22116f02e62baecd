import "server-only";
// A wave's life: draft → open → closed, never back. Rules (docs/ARCHITECTURE.md, "Wave lifecycle"):
// - One open wave per survey (a partial unique index). Opening a wave closes the one open before,
//   in the same transaction, so respondents always find exactly one.
// - An open wave may carry a close date; past it the wave takes no more responses (respondents get
//   no open wave until another opens) and is listed as closed.
// - A draft is never shown to respondents or analysts; it is reviewed, edited and opened.
// - A definition can be replaced while the wave has no responses; once answered, the database's
//   wave_definition_frozen trigger refuses the change (answered as 409 wave_frozen).
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { definitionHash } from "@/lib/survey/definition-hash";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { forgetOpenWave, parseDefinition } from "@/lib/survey/waves";
import { diffInstruments, type WaveDiff } from "./diff";
import { checkDefinition, checkDefinitionText } from "./definition";
import type { PublishRequest, WaveSummary } from "./schemas";

type EffectiveStatus = WaveSummary["status"];

function effectiveStatus(status: "draft" | "open" | "closed", closesAt: Date | null, now: Date): EffectiveStatus {
  return status === "open" && closesAt && closesAt <= now ? "closed" : status;
}

const summarySelect = {
  id: true,
  code: true,
  title: true,
  status: true,
  opensAt: true,
  closesAt: true,
  createdAt: true,
  definition: true,
  definitionHash: true,
} as const;

/** The survey's waves, newest first (drafts included), with response counts. */
export async function listAllWaves(slug = SURVEY_SLUG): Promise<WaveSummary[]> {
  const survey = await db().survey.findUnique({ where: { slug }, select: { id: true } });
  if (!survey) throw new NotFoundError(`Survey "${slug}"`);
  const waves = await db().wave.findMany({
    where: { surveyId: survey.id },
    orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
    select: summarySelect,
  });
  const counts = await db().response.groupBy({
    by: ["waveId", "status"],
    where: { waveId: { in: waves.map((w) => w.id) } },
    _count: { _all: true },
  });
  const countOf = (waveId: string, status: "complete" | "partial") =>
    counts.find((c) => c.waveId === waveId && c.status === status)?._count._all ?? 0;
  const now = new Date();
  return waves.map((w) => {
    const instrument = parseDefinition(w.definitionHash, w.definition);
    return {
      code: w.code,
      title: w.title,
      status: effectiveStatus(w.status, w.closesAt, now),
      opensAt: w.opensAt.toISOString(),
      closesAt: w.closesAt?.toISOString() ?? null,
      instrumentVersion: instrument.version,
      questions: instrument.sections.reduce((n, s) => n + s.questions.length, 0),
      complete: countOf(w.id, "complete"),
      partial: countOf(w.id, "partial"),
    };
  });
}

/** The wave a new one is compared with: the open wave, else the newest that was ever open (drafts never count). */
export async function previousWave(slug = SURVEY_SLUG, except?: string): Promise<{ code: string; instrument: Instrument } | null> {
  const select = { code: true, definition: true, definitionHash: true } as const;
  const others = except ? { code: { not: except } } : {};
  const wave =
    (await db().wave.findFirst({ where: { survey: { slug }, status: "open", ...others }, select })) ??
    (await db().wave.findFirst({ where: { survey: { slug }, status: "closed", ...others }, orderBy: { opensAt: "desc" }, select }));
  return wave ? { code: wave.code, instrument: parseDefinition(wave.definitionHash, wave.definition) } : null;
}

export interface DefinitionReview {
  instrument: Instrument;
  previous: { code: string } | null;
  diff: WaveDiff | null;
}

/** Validates a definition (text or parsed JSON) and diffs it against the previous wave; throws ValidationError naming every path. */
export async function reviewDefinition(definition: unknown, slug = SURVEY_SLUG, except?: string): Promise<DefinitionReview> {
  const checked = typeof definition === "string" ? checkDefinitionText(definition) : checkDefinition(definition);
  if (!checked.ok) {
    throw new ValidationError(
      checked.issues.map((issue) => ({
        path: issue.path === "definition" ? "definition" : `definition.${issue.path}`,
        message: issue.message,
      })),
      `The definition has ${checked.issues.length} problem${checked.issues.length === 1 ? "" : "s"}`,
    );
  }
  const previous = await previousWave(slug, except);
  return {
    instrument: checked.instrument,
    previous: previous ? { code: previous.code } : null,
    diff: previous ? diffInstruments(previous.instrument, checked.instrument) : null,
  };
}

function futureDate(value: string | null | undefined, field: string, now: Date): Date | null {
  if (value === undefined || value === null) return null;
  const date = new Date(value);
  if (date <= now) throw new ValidationError([{ path: field, message: "must be in the future" }]);
  return date;
}

async function surveyId(slug: string): Promise<string> {
  const survey = await db().survey.findUnique({ where: { slug }, select: { id: true } });
  if (!survey) throw new NotFoundError(`Survey "${slug}"`);
  return survey.id;
}

/** Closes the survey's open wave (if any) and opens `waveId`, in one transaction. */
async function openInTransaction(tx: Prisma.TransactionClient, survey: string, waveId: string, now: Date, closesAt: Date | null) {
  // Lock the survey row: two admins opening waves at once are serialized, not refused by the index.
  await tx.$queryRaw`SELECT id FROM survey WHERE id = ${survey}::uuid FOR UPDATE`;
  await tx.wave.updateMany({ where: { surveyId: survey, status: "open", id: { not: waveId } }, data: { status: "closed" } });
  await tx.wave.update({ where: { id: waveId }, data: { status: "open", opensAt: now, closesAt } });
}

/** Creates a wave from a validated definition, as a draft or opened at once. */
export async function publishWave(request: PublishRequest, slug = SURVEY_SLUG): Promise<WaveSummary> {
  const review = await reviewDefinition(request.definition, slug);
  const now = new Date();
  const closesAt = futureDate(request.closesAt, "closesAt", now);
  const survey = await surveyId(slug);
  try {
    await db().$transaction(async (tx) => {
      const wave = await tx.wave.create({
        data: {
          surveyId: survey,
          code: request.code,
          title: request.title,
          status: "draft",
          definition: review.instrument as unknown as Prisma.InputJsonValue,
          definitionHash: definitionHash(review.instrument),
          opensAt: now,
          closesAt: request.status === "draft" ? null : closesAt,
        },
        select: { id: true },
      });
      if (request.status === "open") await openInTransaction(tx, survey, wave.id, now, closesAt);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("wave_exists", `A wave with code ${request.code} already exists`, [{ path: "code", message: "is taken" }]);
    }
    throw error;
  }
  forgetOpenWave(slug);
  return summaryOf(slug, request.code);
}

async function findWave(slug: string, code: string) {
  const wave = await db().wave.findFirst({
    where: { survey: { slug }, code },
    select: { id: true, surveyId: true, status: true, closesAt: true },
  });
  if (!wave) throw new NotFoundError(`Wave ${code}`);
  return wave;
}

async function summaryOf(slug: string, code: string): Promise<WaveSummary> {
  const wave = (await listAllWaves(slug)).find((w) => w.code === code);
  if (!wave) throw new NotFoundError(`Wave ${code}`);
  return wave;
}

/** Opens a draft (closing the open wave). Closed waves stay closed: open a new wave instead. */
export async function openWave(code: string, closesAtText?: string | null, slug = SURVEY_SLUG): Promise<WaveSummary> {
  const wave = await findWave(slug, code);
  if (wave.status !== "draft") {
    throw new ConflictError("wave_not_draft", `Wave ${code} is ${wave.status}; only a draft can be opened (publish a new wave instead)`);
  }
  const now = new Date();
  const closesAt = futureDate(closesAtText, "closesAt", now);
  await db().$transaction((tx) => openInTransaction(tx, wave.surveyId, wave.id, now, closesAt));
  forgetOpenWave(slug);
  return summaryOf(slug, code);
}

/** Closes an open wave now, or (with `at` in the future) sets when it closes by itself. */
export async function closeWave(code: string, atText?: string | null, slug = SURVEY_SLUG): Promise<WaveSummary> {
  const wave = await findWave(slug, code);
  const now = new Date();
  if (wave.status !== "open" || (wave.closesAt && wave.closesAt <= now)) {
    throw new ConflictError("wave_not_open", `Wave ${code} is not open`);
  }
  const at = futureDate(atText, "at", now);
  await db().wave.update({ where: { id: wave.id }, data: at ? { closesAt: at } : { status: "closed", closesAt: null } });
  forgetOpenWave(slug);
  return summaryOf(slug, code);
}

/** Replaces a wave's definition while it has no responses; refused (409 wave_frozen) once answered. */
export async function replaceDefinition(code: string, definition: unknown, slug = SURVEY_SLUG): Promise<WaveSummary> {
  const wave = await findWave(slug, code);
  const review = await reviewDefinition(definition, slug, code);
  try {
    await db().wave.update({
      where: { id: wave.id },
      data: { definition: review.instrument as unknown as Prisma.InputJsonValue, definitionHash: definitionHash(review.instrument) },
    });
  } catch (error) {
    if (isFrozen(error))
      throw new ConflictError("wave_frozen", `Wave ${code} has responses; its definition is frozen. Publish a new wave instead.`);
    throw error;
  }
  forgetOpenWave(slug);
  return summaryOf(slug, code);
}

function isFrozen(error: unknown): boolean {
  const text = `${(error as { message?: string }).message ?? ""} ${JSON.stringify((error as { meta?: unknown }).meta ?? "")}`;
  return /definition is frozen|23514/.test(text);
}
