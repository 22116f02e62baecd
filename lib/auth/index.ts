import "server-only";
import { db } from "@/lib/db/client";
import { appUrl, getEnv, requireAuthSecret } from "@/lib/env";
import { createAuth, type Auth } from "./config";

const globalForAuth = globalThis as unknown as { readinessAuth?: Auth };

/** The app's auth instance (created on first use, so builds never need the secret). */
export function auth(): Auth {
  if (!globalForAuth.readinessAuth) {
    const env = getEnv();
    const base = appUrl(env);
    const local = new URL(base);
    const alias = local.hostname === "localhost" ? [`${local.protocol}//127.0.0.1${local.port ? `:${local.port}` : ""}`] : [];
    globalForAuth.readinessAuth = createAuth(db(), { secret: requireAuthSecret(env), baseURL: base, trustedOrigins: alias });
  }
  return globalForAuth.readinessAuth;
}
