import { describe, expect, it } from "vitest";
import { DASHBOARD_MENU, menuFor } from "@/components/dashboard/menu";
import { atLeast, figuresFor, isRole, mayUseApiTokens, roleOf, ROLES } from "@/lib/auth/roles";
import { createAnalystSchema } from "@/lib/auth/schemas";

describe("roles", () => {
  it("orders viewer < analyst < admin", () => {
    expect(atLeast("viewer", "viewer")).toBe(true);
    expect(atLeast("viewer", "analyst")).toBe(false);
    expect(atLeast("analyst", "viewer")).toBe(true);
    expect(atLeast("analyst", "admin")).toBe(false);
    expect(atLeast("admin", "analyst")).toBe(true);
  });

  it("reads only known roles from an account row (the admin plugin's default 'user' opens nothing)", () => {
    expect(ROLES.map(roleOf)).toEqual(["admin", "analyst", "viewer"]);
    for (const value of ["user", "Admin", "", null, undefined]) expect(roleOf(value)).toBeNull();
    expect(isRole("viewer")).toBe(true);
    expect(isRole({})).toBe(false);
  });

  it("keeps API tokens and exact figures from viewers", () => {
    expect(mayUseApiTokens("viewer")).toBe(false);
    expect(mayUseApiTokens("analyst")).toBe(true);
    expect(figuresFor("viewer")).toBe("protected");
    expect(figuresFor(null)).toBe("protected");
    expect(figuresFor("analyst")).toBe("exact");
    expect(figuresFor("admin")).toBe("exact");
  });

  it("lets the account form create viewers", () => {
    const base = { name: "V", email: "v@radar.test", password: "a-long-password-1" };
    expect(createAnalystSchema.safeParse({ ...base, role: "viewer" }).success).toBe(true);
    expect(createAnalystSchema.safeParse({ ...base, role: "user" }).success).toBe(false);
  });
});

describe("dashboard menu", () => {
  it("shows each role what it may open", () => {
    expect(menuFor("viewer").map((e) => e.label)).toEqual(["Overview", "Compare segments", "Trends", "Findings"]);
    expect(menuFor("analyst").map((e) => e.label)).toEqual([
      "Overview",
      "Compare segments",
      "Trends",
      "Findings",
      "Responses",
      "API tokens",
    ]);
    expect(menuFor("admin")).toEqual(DASHBOARD_MENU);
  });
});
