import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/auth/redirect";

describe("login return address", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeNext("/dashboard/compare?a_industry=technology")).toBe("/dashboard/compare?a_industry=technology");
    expect(safeNext(["/dashboard/findings", "/x"])).toBe("/dashboard/findings");
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "/\tevil.example",
    "/\n/evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "",
    undefined,
    "dashboard",
  ])("refuses %j", (value) => {
    expect(safeNext(value)).toBe("/dashboard");
  });
});
