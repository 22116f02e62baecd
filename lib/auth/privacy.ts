// No raw client addresses at rest. better-auth records the client IP on every session and keys its
// rate-limit rows by "<ip>|<path>"; both would keep analysts' addresses in the database. Sessions
// get no address at all, and rate-limit rows are keyed by an HMAC of the key (same client, same
// bucket; the address cannot be read back without the app's secret). No "server-only": the start
// and test scripts build the auth instance too.
import { createHmac, randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Pseudonymous rate-limit key: HMAC-SHA256 under the auth secret, never the address itself. */
export function rateLimitKey(secret: string, key: string): string {
  return `rl:${createHmac("sha256", `rate-limit:${secret}`).update(key).digest("base64url")}`;
}

interface Rule {
  window: number;
  max: number;
}

/**
 * better-auth's rate-limit storage, in one atomic upsert on auth_rate_limit: a new key starts at 1,
 * an elapsed window resets to 1, a key under its limit counts up; a key at its limit is left as is
 * and refused. A request is allowed exactly when the row's id became this request's own nonce: a
 * timestamp would not do, since a refused request in the same millisecond as the last allowed one
 * would read back its own time and pass (a parallel burst got more than `max` through).
 */
export function hashedRateLimitStorage(prisma: PrismaClient, secret: string, clock: () => number = Date.now) {
  return {
    async consume(key: string, rule: Rule): Promise<{ allowed: boolean; retryAfter: number | null }> {
      const now = clock();
      const nonce = randomUUID();
      const windowMs = rule.window * 1000;
      const windowStart = now - windowMs;
      const rows = await prisma.$queryRaw<{ id: string; last_request: bigint }[]>`
        INSERT INTO auth_rate_limit (id, key, count, last_request)
        VALUES (${nonce}, ${rateLimitKey(secret, key)}, 1, ${now})
        ON CONFLICT (key) DO UPDATE SET
          id = CASE
            WHEN auth_rate_limit.last_request <= ${windowStart} OR auth_rate_limit.count < ${rule.max} THEN ${nonce}
            ELSE auth_rate_limit.id END,
          count = CASE
            WHEN auth_rate_limit.last_request <= ${windowStart} THEN 1
            WHEN auth_rate_limit.count < ${rule.max} THEN auth_rate_limit.count + 1
            ELSE auth_rate_limit.count END,
          last_request = CASE
            WHEN auth_rate_limit.last_request <= ${windowStart} OR auth_rate_limit.count < ${rule.max} THEN ${now}
            ELSE auth_rate_limit.last_request END
        RETURNING id, last_request`;
      if (rows[0]?.id === nonce) return { allowed: true, retryAfter: null };
      const last = Number(rows[0]?.last_request ?? now);
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((last + windowMs - now) / 1000)) };
    },
  };
}
