// Accounts change only through the admin page's server action (lib/auth/accounts.ts: its rules and
// its audit rows); better-auth's own admin endpoints that would change an account answer 404.
import { afterAll, describe, expect, it } from "vitest";
import { BLOCKED_ADMIN_ENDPOINTS } from "@/lib/auth/blocked-endpoints";
import { authHeaders, createAnalyst, signIn } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { api } from "../helpers/http";

afterAll(closeTestPool);

describe("better-auth's account-changing admin endpoints", () => {
  it("answer 404 to an admin, and the account stays as it was", async () => {
    const analyst = await createAnalyst();
    const { rows } = await testPool().query(`SELECT id FROM auth_user WHERE email = $1`, [analyst.email]);
    const userId = rows[0].id as string;
    const cookie = await signIn();
    for (const endpoint of BLOCKED_ADMIN_ENDPOINTS) {
      const response = await api(`/api/auth${endpoint}`, {
        method: "POST",
        body: { userId, role: "admin", newPassword: "another long password", data: { name: "x" } },
        cookie,
        headers: authHeaders(),
      });
      expect(response.status, endpoint).toBe(404);
    }
    const { rows: after } = await testPool().query(`SELECT role, banned, name FROM auth_user WHERE id = $1`, [userId]);
    expect(after[0]).toEqual({ role: "analyst", banned: false, name: "Test Analyst" });
    // The analyst still signs in: nothing was changed or revoked.
    expect(await signIn(analyst.email, analyst.password)).toMatch(/session_token/);
  });

  it("still lets an admin create accounts (the tests' own helper uses it)", async () => {
    const account = await createAnalyst();
    expect(await signIn(account.email, account.password)).toMatch(/session_token/);
  });
});
