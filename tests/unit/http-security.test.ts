import { describe, expect, it } from "vitest";
import { API_CSP, isCrossSiteWrite, newNonce, pageCsp, publicOrigins, servesHttps, transportSecurityHeaders } from "@/lib/http/security";

const request = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) });
const APP = publicOrigins("https://radar.example.org");

describe("pageCsp", () => {
  const policy = (dev = false, https = false) =>
    new Map(
      pageCsp("abc123", { development: dev, https })
        .split("; ")
        .map((d) => [d.split(" ")[0], d]),
    );

  it("allows scripts only by nonce (strict-dynamic), never eval in production", () => {
    const p = policy();
    expect(p.get("script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect([...p.values()].join(";")).not.toContain("unsafe-eval");
    expect(p.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(p.get("object-src")).toBe("object-src 'none'");
    expect(p.get("base-uri")).toBe("base-uri 'self'");
    expect(p.get("form-action")).toBe("form-action 'self'");
    expect(p.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds eval only in development, and upgrades http subresources on https", () => {
    expect(policy(true).get("script-src")).toContain("'unsafe-eval'");
    expect(policy(false, true).has("upgrade-insecure-requests")).toBe(true);
  });

  it("gives API responses a policy that loads nothing", () => {
    expect(API_CSP).toContain("default-src 'none'");
    expect(API_CSP).toContain("frame-ancestors 'none'");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("isCrossSiteWrite", () => {
  it("never blocks reads", () => {
    expect(isCrossSiteWrite(request("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }), APP)).toBe(false);
    expect(isCrossSiteWrite(request("HEAD", { "sec-fetch-site": "cross-site" }), APP)).toBe(false);
  });

  it("blocks writes from other sites, sibling subdomains and opaque origins", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(isCrossSiteWrite(request(method, { origin: "https://evil.example", host: "radar.example.org" }), APP)).toBe(true);
      expect(isCrossSiteWrite(request(method, { "sec-fetch-site": "cross-site" }), APP)).toBe(true);
      expect(isCrossSiteWrite(request(method, { "sec-fetch-site": "same-site" }), APP)).toBe(true);
      expect(isCrossSiteWrite(request(method, { origin: "null", host: "radar.example.org" }), APP)).toBe(true);
      expect(isCrossSiteWrite(request(method, { origin: "https://radar.example.org.evil.example", host: "radar.example.org" }), APP)).toBe(
        true,
      );
      expect(
        isCrossSiteWrite(
          request(method, { origin: "https://evil.example", "sec-fetch-site": "same-origin", host: "radar.example.org" }),
          APP,
        ),
      ).toBe(true);
    }
  });

  it("lets same-origin browsers and header-less scripts write", () => {
    expect(
      isCrossSiteWrite(
        request("POST", { origin: "https://radar.example.org", "sec-fetch-site": "same-origin", host: "10.0.0.5:3000" }),
        APP,
      ),
    ).toBe(false);
    expect(isCrossSiteWrite(request("POST", { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), APP)).toBe(false);
    expect(
      isCrossSiteWrite(
        request("POST", { origin: "https://radar.example.org", "x-forwarded-host": "radar.example.org", host: "internal:3000" }),
        [],
      ),
    ).toBe(false);
    expect(isCrossSiteWrite(request("POST", {}), APP)).toBe(false);
    expect(isCrossSiteWrite(request("POST", { "sec-fetch-site": "none" }), APP)).toBe(false);
  });

  it("treats the localhost URL and 127.0.0.1 as the same app", () => {
    expect(publicOrigins("http://localhost:3000")).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
    expect(publicOrigins("https://radar.example.org/")).toEqual(["https://radar.example.org"]);
  });
});

describe("transportSecurityHeaders (HSTS)", () => {
  it("asks for https for two years, subdomains included, when APP_URL is https", () => {
    const hsts = transportSecurityHeaders("https://radar.example.org")["Strict-Transport-Security"] ?? "";
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
    expect(hsts).toContain("includeSubDomains");
    expect(servesHttps("https://radar.example.org:8443/base")).toBe(true);
  });

  it("says nothing over http, whatever the host", () => {
    expect(transportSecurityHeaders("http://localhost:3000")).toEqual({});
    expect(transportSecurityHeaders("http://radar.example.org")).toEqual({});
    expect(servesHttps("http://radar.example.org")).toBe(false);
  });
});
