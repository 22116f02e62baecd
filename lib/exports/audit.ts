import "server-only";
import { db } from "@/lib/db/client";

/** Records an export before it starts; completeExport fills in the row count when it ends. */
export async function startExport(userId: string, kind: string, filters: unknown, via: "session" | "token"): Promise<string> {
  const row = await db().exportAudit.create({ data: { userId, kind, filters: filters as object, via }, select: { id: true } });
  return row.id;
}

export async function completeExport(id: string, rowCount: number): Promise<void> {
  await db().exportAudit.update({ where: { id }, data: { rowCount, completedAt: new Date() } });
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
      completedAt: true,
      user: { select: { email: true } },
    },
  });
}
