import { randomBytes, randomInt } from "node:crypto";
import { testEnv } from "./env";
import { api } from "./http";

export const testAdmin = {
  get email() {
    const v = process.env.TEST_ADMIN_EMAIL;
    if (!v) throw new Error("TEST_ADMIN_EMAIL is not set: run the suite with npm test");
    return v;
  },
  get password() {
    const v = process.env.TEST_ADMIN_PASSWORD;
    if (!v) throw new Error("TEST_ADMIN_PASSWORD is not set: run the suite with npm test");
    return v;
  },
};

/**
 * A private-range client address, so each test's logins have their own rate-limit bucket (16
 * million of them: with a few hundred sign-ins per run, two tests sharing one is unlikely).
 */
export const clientIp = () => `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

/** What a browser sends with a same-site POST: better-auth refuses cookie-less POSTs without Origin. */
export const authHeaders = (ip = clientIp()) => ({ "x-forwarded-for": ip, origin: new URL(testEnv.baseUrl).origin });

/** Signs in through better-auth's endpoint and returns the session cookie. */
export async function signIn(email = testAdmin.email, password = testAdmin.password, ip = clientIp()): Promise<string> {
  const response = await api("/api/auth/sign-in/email", { method: "POST", body: { email, password }, headers: authHeaders(ip) });
  if (response.status !== 200) throw new Error(`sign-in failed with ${response.status}: ${JSON.stringify(response.body)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c?.includes("session_token"));
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

export interface Account {
  email: string;
  password: string;
}

/**
 * A fresh analyst account (or viewer, or admin), created by the test admin through better-auth's
 * admin endpoint: tests that lock an account out need one of their own (the test admin must keep
 * signing in).
 */
export async function createAnalyst(role: "analyst" | "viewer" | "admin" = "analyst"): Promise<Account> {
  const account = { email: `${role}-${randomBytes(6).toString("hex")}@radar.test`, password: randomBytes(18).toString("base64url") };
  const response = await api("/api/auth/admin/create-user", {
    method: "POST",
    body: { ...account, name: role === "analyst" ? "Test Analyst" : `Test ${role}`, role },
    cookie: await signIn(),
    headers: authHeaders(),
  });
  if (response.status !== 200)
    throw new Error(`creating an account (${role}) failed with ${response.status}: ${JSON.stringify(response.body)}`);
  return account;
}
