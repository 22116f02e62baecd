// better-auth, configured once. A factory without "server-only" so the start and test scripts
// can create the first admin with the same configuration the app uses.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { servesHttps } from "@/lib/http/security";
import { CLIENT_ADDRESS_HEADER } from "@/lib/ratelimit/client";
import { hashedRateLimitStorage } from "./privacy";

export { ROLES, type Role } from "./roles";

export interface AuthSettings {
  secret: string;
  baseURL: string;
  /** Extra origins allowed to post (e.g. http://127.0.0.1:PORT beside http://localhost:PORT). */
  trustedOrigins?: string[];
}

/**
 * Session cookie attributes, stated rather than left to library defaults: httpOnly (scripts never
 * see the token), SameSite=Lax (not sent on cross-site POSTs or subresource requests), and Secure
 * with the __Secure- name prefix whenever the app's public URL is https.
 */
export function cookieSettings(baseURL: string) {
  const secure = servesHttps(baseURL);
  return { useSecureCookies: secure, defaultCookieAttributes: { httpOnly: true, sameSite: "lax" as const, secure, path: "/" } };
}

/**
 * After a successful sign-in, the session the browser held before (if any) is deleted server-side,
 * so a session cookie planted or left behind before login never survives it (rotation on login;
 * the new session always gets a fresh server-minted token).
 */
const revokePreviousSessionOnSignIn = createAuthMiddleware(async (ctx) => {
  if (!ctx.path.startsWith("/sign-in")) return;
  const fresh = ctx.context.newSession;
  if (!fresh) return;
  const previous = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
  if (previous && previous !== fresh.session.token) await ctx.context.internalAdapter.deleteSession(previous);
});

/** Where better-auth's endpoints live (app/api/auth/[...all]/route.ts). */
export const AUTH_BASE_PATH = "/api/auth";

export function createAuth(prisma: PrismaClient, settings: AuthSettings) {
  return betterAuth({
    appName: "Readiness Radar",
    baseURL: settings.baseURL,
    basePath: AUTH_BASE_PATH,
    secret: settings.secret,
    trustedOrigins: settings.trustedOrigins ?? [],
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    // No public sign-up: admins create analysts, and the first admin comes from a setup link.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128 },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    rateLimit: {
      enabled: true,
      // auth_rate_limit, keyed by an HMAC of "<client>|<path>" (./privacy.ts); the client is the
      // app's stand-in address from CLIENT_ADDRESS_HEADER (below), itself a keyed hash.
      customStorage: hashedRateLimitStorage(prisma, settings.secret),
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 5 } },
    },
    // No client IP on sessions: nothing in the app reads it, so it is never stored.
    databaseHooks: {
      session: { create: { before: async (session) => ({ data: { ...session, ipAddress: null } }) } },
    },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: "radar",
      ...cookieSettings(settings.baseURL),
      // Who the client is comes from the app's one rule (TRUSTED_PROXY_HOPS, lib/ratelimit), which
      // lib/auth/handler.ts writes into this header; better-auth's own X-Forwarded-For reading would
      // put every client behind two or more proxies into one bucket. ipv6Subnet 128: the stand-in
      // address is a hash, every bit of it counts.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER], ipv6Subnet: 128 },
    },
    hooks: { after: revokePreviousSessionOnSignIn },
    plugins: [admin({ defaultRole: "analyst", adminRoles: ["admin"] }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
