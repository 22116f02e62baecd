import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, subjectAsAddress, subjectKey } from "@/lib/ratelimit/client";

describe("clientAddress (X-Forwarded-For with trusted hops)", () => {
  it("takes the entry appended by the nearest trusted proxy, ignoring what the client prepended", () => {
    expect(clientAddress("203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("1.1.1.1, 2.2.2.2, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("1.1.1.1, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
  });

  it("uses the leftmost entry when there are fewer entries than hops, and null without a header", () => {
    expect(clientAddress("203.0.113.7", 3)).toBe("203.0.113.7");
    expect(clientAddress(null, 1)).toBeNull();
    expect(clientAddress(" , ", 1)).toBeNull();
  });

  it("normalizes ports, brackets, IPv4-mapped IPv6, case, and groups IPv6 by /64", () => {
    expect(normalizeAddress("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normalizeAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("2001:db8:0:0:ffff:1:2:3")).toBe(normalizeAddress("2001:db8::9"));
    expect(normalizeAddress("2001:db8:0:1::9")).not.toBe(normalizeAddress("2001:db8::9"));
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
    // Garbage stays itself (bounded), so it gets a bucket of its own rather than an error.
    expect(normalizeAddress("<script>")).toBe("<script>");
    expect(normalizeAddress("x".repeat(500))).toHaveLength(100);
  });

  it("hashes subjects with a key, so counters never hold an address", () => {
    const key = subjectKey("s".repeat(32), "client", "203.0.113.7");
    expect(key).not.toContain("203");
    expect(key).toBe(subjectKey("s".repeat(32), "client", "203.0.113.7"));
    expect(key).not.toBe(subjectKey("t".repeat(32), "client", "203.0.113.7"));
    expect(key).not.toBe(subjectKey("s".repeat(32), "account", "203.0.113.7"));
  });
});

describe("subjectAsAddress (the client as better-auth sees it)", () => {
  it("writes a subject as a full IPv6 address that z.ipv6 accepts, one per subject", async () => {
    const { z } = await import("zod");
    const a = subjectAsAddress(subjectKey("s".repeat(32), "client", "203.0.113.7"));
    const b = subjectAsAddress(subjectKey("s".repeat(32), "client", "203.0.113.8"));
    expect(z.ipv6().safeParse(a).success).toBe(true);
    expect(a.split(":")).toHaveLength(8);
    expect(a).not.toBe(b);
    expect(subjectAsAddress(subjectKey("s".repeat(32), "client", "203.0.113.7"))).toBe(a);
    expect(() => subjectAsAddress("short")).toThrow();
  });
});
