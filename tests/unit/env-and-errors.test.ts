import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isUniqueViolation, toAppError } from "@/lib/db/errors";
import { EnvError, parseEnv } from "@/lib/env";
import { ServiceUnavailableError } from "@/lib/errors";

describe("environment", () => {
  it("applies defaults and treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.SUPPRESSION_K).toBe(5);
  });

  it("names each bad variable", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://x", PORT: "http" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as EnvError).problems.join("\n")).toMatch(/DATABASE_URL: must be a postgresql:\/\/ connection URL/);
      expect((error as EnvError).problems.join("\n")).toMatch(/PORT/);
    }
  });

  it("accepts both postgres:// and postgresql:// URLs", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@h/db" }).DATABASE_URL).toBe("postgres://u@h/db");
    expect(parseEnv({ DATABASE_URL: "postgresql://u@h:5433/db?sslmode=disable" }).DATABASE_URL).toContain("5433");
  });
});

describe("database error classification", () => {
  it("treats refused connections and shutdowns as unavailable (503)", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const wrapped = Object.assign(new Error("Invalid invocation"), { cause: refused });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable({ code: "57P01", message: "terminating connection due to administrator command" })).toBe(true);
    expect(toAppError(wrapped)).toBeInstanceOf(ServiceUnavailableError);
  });

  it("does not hide bugs as 503", () => {
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(toAppError(new Error("syntax error at or near SELECT"))).toBeUndefined();
  });

  it("recognizes unique violations from Prisma and from pg", () => {
    expect(isUniqueViolation({ code: "P2002" })).toBe(true);
    expect(isUniqueViolation({ message: "x", cause: { code: "23505" } })).toBe(true);
    expect(isUniqueViolation({ code: "P2025" })).toBe(false);
  });
});
