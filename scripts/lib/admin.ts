// First-admin provisioning for npm start and npm test: either ADMIN_EMAIL/ADMIN_PASSWORD
// (created, or promoted and password reset, with the app's own better-auth configuration) or
// a one-time setup link printed to the console.
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { createAuth } from "@/lib/auth/config";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { sha256 } from "@/lib/survey/definition-hash";

export async function ensureAdmin(
  databaseUrl: string,
  secret: string,
  baseURL: string,
  email: string,
  password: string,
  name = "Administrator",
): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
  try {
    const ctx = await createAuth(prisma, { secret, baseURL }).$context;
    const hash = await ctx.password.hash(password);
    const existing = await ctx.internalAdapter.findUserByEmail(email, { includeAccounts: true });
    if (existing) {
      await ctx.internalAdapter.updateUser(existing.user.id, { role: "admin", banned: false, banReason: null, banExpires: null });
      if (existing.accounts.some((a) => a.providerId === "credential")) await ctx.internalAdapter.updatePassword(existing.user.id, hash);
      else
        await ctx.internalAdapter.linkAccount({
          providerId: "credential",
          accountId: existing.user.id,
          userId: existing.user.id,
          password: hash,
        });
      return;
    }
    const user = await ctx.internalAdapter.createUser({ email, name, emailVerified: true, role: "admin" }, { method: "admin" });
    // Sign-in finds the password on the "credential" account whose accountId is the user id.
    await ctx.internalAdapter.linkAccount({ providerId: "credential", accountId: user.id, userId: user.id, password: hash });
  } finally {
    await prisma.$disconnect();
  }
}

/** When no admin exists, stores a fresh one-time token (hashed) and returns it; else null. */
export async function issueSetupToken(client: pg.ClientBase, hours = 24): Promise<string | null> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM auth_user WHERE role = 'admin'`);
  if ((rows[0]?.n ?? 0) > 0) return null;
  const token = randomBytes(32).toString("base64url");
  await client.query(`INSERT INTO setup_token (token_hash, expires_at) VALUES ($1, now() + make_interval(hours => $2))`, [
    sha256(`setup:${token}`),
    hours,
  ]);
  return token;
}
