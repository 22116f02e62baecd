import { describe, expect, it } from "vitest";
import { databaseFailure, isDatabaseUnavailable, isUniqueViolation, toAppError } from "@/lib/db/errors";
import { EnvError, parseEnv } from "@/lib/env";
import { ServiceUnavailableError, UNAVAILABLE_MESSAGES, ValidationError } from "@/lib/errors";

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
  it("maps a value PostgreSQL cannot store (NUL, bad encoding, unreadable input) to a 400, not a 500", () => {
    for (const code of ["22P05", "22021", "22P02"]) {
      const driver = Object.assign(new Error("unsupported Unicode escape sequence"), { code });
      const wrapped = Object.assign(new Error("Invalid invocation"), { cause: driver });
      const mapped = toAppError(wrapped, "POST");
      expect(mapped, code).toBeInstanceOf(ValidationError);
      expect(mapped?.status).toBe(400);
      expect(mapped?.fields[0]?.message).toMatch(/cannot store/);
    }
    expect(toAppError(Object.assign(new Error("division by zero"), { code: "22012" }))).toBeUndefined();
  });

  it("treats refused connections and shutdowns as unavailable (503)", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const wrapped = Object.assign(new Error("Invalid invocation"), { cause: refused });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable({ code: "57P01", message: "terminating connection due to administrator command" })).toBe(true);
    expect(toAppError(wrapped)).toBeInstanceOf(ServiceUnavailableError);
  });

  it("tells a statement that never reached the database from one cut off while it ran", () => {
    const unreachable = [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      new Error("timeout exceeded when trying to connect"), // pg's pool: no free connection in time
      new Error("Connection terminated due to connection timeout"),
      { code: "P1001", message: "Can't reach database server at 127.0.0.1:1" },
      { code: "P2024", message: "Timed out fetching a new connection from the connection pool." },
      { code: "57P03", message: "the database system is starting up" },
      { code: "53300", message: "sorry, too many clients already" },
      { message: "Invalid invocation", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } },
    ];
    const interrupted = [
      Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
      new Error("Connection terminated unexpectedly"),
      { code: "57P01", message: "terminating connection due to administrator command" },
      { code: "P1017", message: "Server has closed the connection." },
      { code: "P1001", message: "x", cause: { code: "ECONNRESET" } }, // any sign of a cut-off connection wins
    ];
    for (const error of unreachable) expect(databaseFailure(error), JSON.stringify(error)).toBe("unreachable");
    for (const error of interrupted) expect(databaseFailure(error), JSON.stringify(error)).toBe("interrupted");
    expect(databaseFailure(new TypeError("x is undefined"))).toBeUndefined();
  });

  it("says 'nothing was saved' only for a write that never reached the database, and nothing about saving on a read", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const reset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    const message = (error: unknown, method?: string) => toAppError(error, method)?.message;
    for (const method of ["GET", "HEAD", undefined]) {
      expect(message(refused, method)).toBe(UNAVAILABLE_MESSAGES.read);
      expect(message(reset, method)).toBe(UNAVAILABLE_MESSAGES.read);
      expect(message(refused, method)).not.toMatch(/sav/i);
    }
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(message(refused, method)).toBe(UNAVAILABLE_MESSAGES.notSaved);
      expect(message(reset, method)).toBe(UNAVAILABLE_MESSAGES.maybeSaved);
      expect(message(reset, method)).not.toMatch(/nothing was saved/i);
    }
    expect(toAppError(refused, "POST")?.headers).toEqual({ "Retry-After": "2" });
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
