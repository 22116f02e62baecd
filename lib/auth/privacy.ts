// No raw client addresses at rest. better-auth records the client IP on every session and keys its
// rate-limit rows by "<ip>|<path>"; both would keep analysts' addresses in the database. Sessions
// get no address at all, and rate-limit rows are keyed by an HMAC of the key (same client, same
// bucket; the address cannot be read back without the app's secret). No "server-only": the start
// and test scripts build the auth instance too.
import { createHmac } from "node:crypto";
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
 * and refused. A request is allowed exactly when the row's last_request became this request's time.
 */
export function hashedRateLimitStorage(prisma: PrismaClient, secret: string) {
  return {
    async consume(key: string, rule: Rule): Promise<{ allowed: boolean; retryAfter: number | null }> {
      const now = Date.now();
      const windowMs = rule.window * 1000;
      const windowStart = now - windowMs;
      const rows = await prisma.$queryRaw<{ last_request: bigint }[]>`
        INSERT INTO auth_rate_limit (id, key, count, last_request)
        VALUES (gen_random_uuid()::text, ${rateLimitKey(secret, key)}, 1, ${now})
        ON CONFLICT (key) DO UPDATE SET
          count = CASE
            WHEN auth_rate_limit.last_request <= ${windowStart} THEN 1
            WHEN auth_rate_limit.count < ${rule.max} THEN auth_rate_limit.count + 1
            ELSE auth_rate_limit.count END,
          last_request = CASE
            WHEN auth_rate_limit.last_request <= ${windowStart} OR auth_rate_limit.count < ${rule.max} THEN ${now}
            ELSE auth_rate_limit.last_request END
        RETURNING last_request`;
      const last = Number(rows[0]?.last_request ?? now);
      if (last === now) return { allowed: true, retryAfter: null };
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((last + windowMs - now) / 1000)) };
    },
  };
}
