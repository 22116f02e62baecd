import "server-only";
import { db } from "@/lib/db/client";

export const accountListSelect = { id: true, name: true, email: true, role: true, banned: true, createdAt: true } as const;

export async function listAccounts() {
  return db().user.findMany({ select: accountListSelect, orderBy: { createdAt: "asc" } });
}
