import { describe, expect, it } from "vitest";
import { rateLimitKey } from "@/lib/auth/privacy";
import { EnvError, parseEnv } from "@/lib/env";

describe("PARTIAL_RETENTION_DAYS", () => {
  it("defaults to 30 days and accepts a whole number of days", () => {
    expect(parseEnv({}).PARTIAL_RETENTION_DAYS).toBe(30);
    expect(parseEnv({ PARTIAL_RETENTION_DAYS: "7" }).PARTIAL_RETENTION_DAYS).toBe(7);
  });

  it("refuses zero, fractions and words, naming the variable", () => {
    for (const bad of ["0", "1.5", "forever", "-3"]) {
      expect(() => parseEnv({ PARTIAL_RETENTION_DAYS: bad })).toThrow(EnvError);
      try {
        parseEnv({ PARTIAL_RETENTION_DAYS: bad });
      } catch (error) {
        expect((error as EnvError).problems.join("\n")).toMatch(/^PARTIAL_RETENTION_DAYS: /);
      }
    }
  });
});

describe("rate-limit keys", () => {
  const secret = "s".repeat(40);

  it("never contain the client address, and stay stable per client and path", () => {
    const key = rateLimitKey(secret, "203.0.113.9|/sign-in/email");
    expect(key).toMatch(/^rl:[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain("203.0.113");
    expect(rateLimitKey(secret, "203.0.113.9|/sign-in/email")).toBe(key);
    expect(rateLimitKey(secret, "203.0.113.10|/sign-in/email")).not.toBe(key);
    expect(rateLimitKey(secret, "203.0.113.9|/get-session")).not.toBe(key);
  });

  it("depend on the secret, so a table dump cannot be matched against guessed addresses without it", () => {
    expect(rateLimitKey(secret, "203.0.113.9|/sign-in/email")).not.toBe(rateLimitKey("t".repeat(40), "203.0.113.9|/sign-in/email"));
  });
});
