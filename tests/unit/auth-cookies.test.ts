import { describe, expect, it } from "vitest";
import { cookieSettings, createAuth } from "@/lib/auth/config";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The auth context is built without touching the database (the adapter is only used by endpoints).
const contextFor = async (baseURL: string) =>
  (await createAuth({} as PrismaClient, { secret: "s".repeat(40), baseURL }).$context).authCookies.sessionToken;

describe("session cookie settings", () => {
  it("are Secure with the __Secure- prefix when APP_URL is https", async () => {
    const cookie = await contextFor("https://radar.example.org");
    expect(cookie.name).toBe("__Secure-radar.session_token");
    expect(cookie.attributes).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax", path: "/" });
  });

  it("are httpOnly and SameSite=Lax but not Secure on plain http (local use)", async () => {
    const cookie = await contextFor("http://localhost:3000");
    expect(cookie.name).toBe("radar.session_token");
    expect(cookie.attributes).toMatchObject({ secure: false, httpOnly: true, sameSite: "lax" });
  });

  it("follow the URL's scheme, not NODE_ENV", () => {
    expect(cookieSettings("https://a.example").useSecureCookies).toBe(true);
    expect(cookieSettings("http://a.example").useSecureCookies).toBe(false);
  });
});
