import "server-only";
import { db } from "@/lib/db/client";
import type { ExportOutcome } from "@/lib/generated/prisma/client";

export type { ExportOutcome };

/** Records an export before it starts; completeExport or finishExport closes the row when it ends. */
export async function startExport(userId: string, kind: string, filters: unknown, via: "session" | "token"): Promise<string> {
  const row = await db().exportAudit.create({ data: { userId, kind, filters: filters as object, via }, select: { id: true } });
  return row.id;
}

/** Closes the row of an export that ends with its request (the aggregate exports). */
export async function completeExport(id: string, rowCount: number): Promise<void> {
  await endExport(id, "completed", rowCount);
}

/**
 * Closes the row of a streamed export, which ends after its request has been answered: a failure
 * to record it is logged, since nobody is left to hear it. The row count is only known when the
 * export completed.
 */
export async function finishExport(id: string, outcome: ExportOutcome, rowCount: number | null): Promise<void> {
  await endExport(id, outcome, outcome === "completed" ? rowCount : null).catch((error: unknown) =>
    console.warn(`[export] could not record that export ${id} ${outcome}:`, error instanceof Error ? error.message : error),
  );
}

async function endExport(id: string, outcome: ExportOutcome, rowCount: number | null): Promise<void> {
  await db().exportAudit.update({ where: { id }, data: { outcome, rowCount, endedAt: new Date() } });
}

export async function listExports(limit = 200) {
  return db().exportAudit.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      kind: true,
      filters: true,
      via: true,
      rowCount: true,
      createdAt: true,
      endedAt: true,
      outcome: true,
      user: { select: { email: true } },
    },
  });
}
