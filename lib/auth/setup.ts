import "server-only";
import { db } from "@/lib/db/client";
import { sha256 } from "@/lib/survey/definition-hash";
import { auth } from "./index";

export const SETUP_TOKEN_HOURS = 24;
export const hashSetupToken = (token: string) => sha256(`setup:${token}`);

export async function adminExists(): Promise<boolean> {
  return (await db().user.count({ where: { role: "admin" } })) > 0;
}

export async function setupTokenUsable(token: string): Promise<boolean> {
  const row = await db().setupToken.findUnique({ where: { tokenHash: hashSetupToken(token) } });
  return Boolean(row && !row.usedAt && row.expiresAt > new Date()) && !(await adminExists());
}

/**
 * Creates the first admin with a one-time setup token. The token is claimed first (a single
 * UPDATE ... WHERE used_at IS NULL), so two submissions of the same link cannot both succeed.
 */
export async function createFirstAdmin(input: {
  token: string;
  name: string;
  email: string;
  password: string;
}): Promise<"created" | "invalid-link"> {
  if (await adminExists()) return "invalid-link";
  const claimed = await db().setupToken.updateMany({
    where: { tokenHash: hashSetupToken(input.token), usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) return "invalid-link";
  // No request headers: better-auth treats this as trusted server code (no session needed).
  await auth().api.createUser({ body: { email: input.email, password: input.password, name: input.name, role: "admin" } });
  return "created";
}
