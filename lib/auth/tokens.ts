import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { sha256 } from "@/lib/survey/definition-hash";
import { mayUseApiTokens, roleOf } from "./roles";
import type { Analyst } from "./session";

const TOKEN = /^rr_[A-Za-z0-9_-]{43}$/;
export const hashApiToken = (token: string) => sha256(`api-token:${token}`);

export const tokenListSelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** Creates a token; the plain value is returned once and never stored. */
export async function createApiToken(userId: string, name: string): Promise<{ id: string; token: string }> {
  const token = `rr_${randomBytes(32).toString("base64url")}`;
  const row = await db().apiToken.create({
    data: { userId, name, tokenHash: hashApiToken(token), prefix: token.slice(0, 10) },
    select: { id: true },
  });
  return { id: row.id, token };
}

export async function listApiTokens(userId: string) {
  return db().apiToken.findMany({ where: { userId }, select: tokenListSelect, orderBy: { createdAt: "desc" } });
}

/** Revokes one of the user's own tokens; returns false when there is no such active token. */
export async function revokeApiToken(userId: string, id: string): Promise<boolean> {
  const result = await db().apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count === 1;
}

/** The analyst behind an "Authorization: Bearer rr_…" header, or null for a missing, wrong or revoked token. */
export async function analystFromBearer(header: string | null): Promise<Analyst | null> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  const token = match?.[1];
  if (!token || !TOKEN.test(token)) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, revokedAt: true, user: { select: { id: true, email: true, name: true, role: true, banned: true } } },
  });
  if (!row || row.revokedAt || row.user.banned) return null;
  // Tokens are for analysts and admins: a viewer's (say, from before a role change) opens nothing.
  const role = roleOf(row.user.role);
  if (!role || !mayUseApiTokens(role)) return null;
  // Best effort: a failed timestamp update must not fail the request.
  void db()
    .apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } })
    .catch(() => undefined);
  return { id: row.user.id, email: row.user.email, name: row.user.name, role, via: "token" };
}
