import "server-only";
// Whether a wave's results are public, and which panels (results_publication): read by the admin
// API here and, later, by the public page (`publishedPanels`). Drafts have no results to publish.
import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { effectiveStatus } from "@/lib/waves/store";
import { orderedPanels, RESULT_PANELS, type ResultPanel } from "./panels";
import type { Publication, PublicationRequest } from "./schemas";

/** The public page of a wave's results. */
export const resultsPath = (survey: string, wave: string) => `/results/${encodeURIComponent(survey)}/${encodeURIComponent(wave)}`;

const asPanels = (values: readonly string[]): ResultPanel[] =>
  orderedPanels(values.filter((v): v is ResultPanel => (RESULT_PANELS as readonly string[]).includes(v)));

async function findWave(slug: string, code: string) {
  const wave = await db().wave.findFirst({
    where: { code, survey: { slug } },
    select: { id: true, code: true, status: true, closesAt: true, publication: true },
  });
  if (!wave) throw new NotFoundError(`Wave "${code}" of survey "${slug}"`);
  return wave;
}

function view(slug: string, code: string, row: Awaited<ReturnType<typeof findWave>>["publication"]): Publication {
  return {
    survey: slug,
    wave: code,
    published: Boolean(row?.publishedAt),
    panels: row ? asPanels(row.panels) : [...RESULT_PANELS],
    path: resultsPath(slug, code),
    publishedAt: row?.publishedAt?.toISOString() ?? null,
    publishedBy: row?.publishedBy ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

export async function getPublication(slug: string, code: string): Promise<Publication> {
  const wave = await findWave(slug, code);
  return view(slug, code, wave.publication);
}

/**
 * Publishes or unpublishes a wave's results (admins; `admin` is who, for the record). Publishing
 * an already public wave only changes its panels and keeps when and by whom it was published.
 */
export async function setPublication(
  admin: { email: string },
  slug: string,
  code: string,
  request: PublicationRequest,
): Promise<Publication> {
  const wave = await findWave(slug, code);
  if (request.published && effectiveStatus(wave.status, wave.closesAt) === "draft")
    throw new ConflictError("wave_draft", "A draft wave has no results to publish; open it first.");
  const before = wave.publication;
  const panels = orderedPanels(request.panels ?? (before ? asPanels(before.panels) : RESULT_PANELS));
  const stillPublished = request.published && before?.publishedAt;
  const data = {
    panels,
    publishedAt: request.published ? (stillPublished ? before.publishedAt : new Date()) : null,
    publishedBy: request.published ? (stillPublished ? before.publishedBy : admin.email) : null,
    updatedAt: new Date(),
    updatedBy: admin.email,
  };
  const row = await db().resultsPublication.upsert({ where: { waveId: wave.id }, create: { waveId: wave.id, ...data }, update: data });
  return view(slug, code, row);
}

/** The panels of a wave's public results, or null when they are not published (the public page). */
export async function publishedPanels(slug: string, code: string): Promise<ResultPanel[] | null> {
  const wave = await db().wave.findFirst({ where: { code, survey: { slug } }, select: { publication: true } });
  return wave?.publication?.publishedAt ? asPanels(wave.publication.panels) : null;
}

/**
 * Where a respondent of `code` sees how others compare: that wave's public results when they are
 * published, else the newest published wave of the same survey, else null (no link to a 404).
 */
export async function comparePath(slug: string, code: string): Promise<string | null> {
  const waves = await db().wave.findMany({
    where: { survey: { slug }, status: { not: "draft" }, publication: { publishedAt: { not: null } } },
    select: { code: true, opensAt: true },
    orderBy: [{ opensAt: "desc" }, { code: "desc" }],
  });
  const wave = waves.find((w) => w.code === code) ?? waves[0];
  return wave ? resultsPath(slug, wave.code) : null;
}

/** Every wave's publication state of a survey, by wave code (the waves dashboard). */
export async function listPublications(slug: string): Promise<Map<string, Publication>> {
  const waves = await db().wave.findMany({ where: { survey: { slug } }, select: { code: true, publication: true } });
  return new Map(waves.map((w) => [w.code, view(slug, w.code, w.publication)]));
}
