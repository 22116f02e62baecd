// better-auth's per-address limits are kept by lib/auth/privacy.ts in auth_rate_limit. A parallel
// burst from one client, all in one millisecond, must get exactly `max` through: judged by the
// row's nonce, not by comparing timestamps (a refused request at the same millisecond as the last
// allowed one used to read back its own time and pass).
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { hashedRateLimitStorage } from "@/lib/auth/privacy";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { testEnv } from "../helpers/env";

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: testEnv.databaseUrl, max: 8 }) });
afterAll(() => prisma.$disconnect());

describe("better-auth's rate-limit storage", () => {
  it("lets exactly max requests of a same-millisecond burst through, and refuses the rest with a wait", async () => {
    const frozen = Date.now();
    const storage = hashedRateLimitStorage(prisma, "s".repeat(40), () => frozen);
    const key = `203.0.113.200|/sign-in/email|${randomUUID()}`;
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => storage.consume(key, { window: 60, max: 5 })));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(5);
    for (const refused of outcomes.filter((o) => !o.allowed)) expect(refused.retryAfter).toBe(60);
  });

  it("starts a new window once the old one has passed", async () => {
    let now = Date.now();
    const storage = hashedRateLimitStorage(prisma, "s".repeat(40), () => now);
    const key = `203.0.113.201|/sign-in/email|${randomUUID()}`;
    for (let i = 0; i < 2; i++) expect((await storage.consume(key, { window: 10, max: 2 })).allowed).toBe(true);
    expect(await storage.consume(key, { window: 10, max: 2 })).toEqual({ allowed: false, retryAfter: 10 });
    now += 4_000;
    expect(await storage.consume(key, { window: 10, max: 2 })).toEqual({ allowed: false, retryAfter: 6 });
    now += 6_000;
    expect((await storage.consume(key, { window: 10, max: 2 })).allowed).toBe(true);
  });
});
