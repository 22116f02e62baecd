import { describe, expect, it } from "vitest";
import { accountChangeRefusal, type AccountChangeFacts } from "@/lib/auth/account-rules";

const admin = { id: "a2", email: "second@radar.test", role: "admin", banned: false };
const analyst = { id: "u1", email: "analyst@radar.test", role: "analyst", banned: false };
const facts = (over: Partial<AccountChangeFacts>): AccountChangeFacts => ({
  actorId: "a1",
  target: analyst,
  change: "disable",
  otherActiveAdmins: 1,
  exports: 0,
  ...over,
});

describe("what an admin may not do to an account", () => {
  it("refuses any change to your own account", () => {
    for (const change of ["disable", "enable", "remove"] as const)
      expect(accountChangeRefusal(facts({ actorId: "u1", change }))).toBe(`You cannot ${change} your own account.`);
  });

  it("refuses to disable or remove the last active admin, but lets it be enabled", () => {
    expect(accountChangeRefusal(facts({ target: admin, otherActiveAdmins: 0 }))).toMatch(/last active admin/);
    expect(accountChangeRefusal(facts({ target: admin, change: "remove", otherActiveAdmins: 0 }))).toMatch(/last active admin/);
    expect(accountChangeRefusal(facts({ target: { ...admin, banned: true }, change: "enable", otherActiveAdmins: 0 }))).toBeNull();
    expect(accountChangeRefusal(facts({ target: admin, otherActiveAdmins: 1 }))).toBeNull();
  });

  it("refuses to remove an account whose exports are in the audit log; disabling it is fine", () => {
    expect(accountChangeRefusal(facts({ change: "remove", exports: 2 }))).toMatch(
      /2 exports in the audit log; disable the account instead/,
    );
    expect(accountChangeRefusal(facts({ change: "disable", exports: 2 }))).toBeNull();
    expect(accountChangeRefusal(facts({ change: "remove" }))).toBeNull();
  });
});
