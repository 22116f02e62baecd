// The per-account password limit knows every better-auth endpoint that takes a password: a new
// endpoint (a plugin, a library upgrade) that is in neither list fails here until someone decides.
import { describe, expect, it } from "vitest";
import { createAuth } from "@/lib/auth/config";
import { PASSWORD_CHECKS, PASSWORD_SETTERS } from "@/lib/auth/password-endpoints";
import type { PrismaClient } from "@/lib/generated/prisma/client";

interface ZodLike {
  _zod?: {
    def?: { type?: string; shape?: Record<string, ZodLike>; innerType?: ZodLike; left?: ZodLike; right?: ZodLike; options?: ZodLike[] };
  };
}
interface EndpointLike {
  path?: string;
  options?: { body?: ZodLike; metadata?: { SERVER_ONLY?: boolean } };
}

/** Field names anywhere in a body schema (objects, optionals, defaults, intersections, unions). */
function fieldNames(schema: ZodLike | undefined): string[] {
  const def = schema?._zod?.def;
  if (!def) return [];
  if (def.shape) return Object.entries(def.shape).flatMap(([name, inner]) => [name, ...fieldNames(inner)]);
  return [def.innerType, def.left, def.right, ...(def.options ?? [])].flatMap((inner) => fieldNames(inner));
}

// The auth instance's endpoint table is built without touching the database.
const endpoints = Object.values(
  createAuth({} as PrismaClient, { secret: "s".repeat(40), baseURL: "http://localhost:3000" }).api as unknown as Record<
    string,
    EndpointLike
  >,
).filter((e) => e.path && !e.options?.metadata?.SERVER_ONLY);

describe("better-auth endpoints that take a password", () => {
  const withPassword = endpoints.filter((e) => fieldNames(e.options?.body).some((name) => /password/i.test(name))).map((e) => e.path!);

  it("are found (the schema walk works)", () => {
    expect(withPassword).toEqual(expect.arrayContaining(["/sign-in/email", "/change-password", "/admin/create-user"]));
  });

  it("each either goes through the per-account limit or only sets a password", () => {
    for (const path of withPassword) expect(Object.keys({ ...PASSWORD_CHECKS, ...PASSWORD_SETTERS }), path).toContain(path);
  });

  it("the lists name real endpoints only", () => {
    const paths = endpoints.map((e) => e.path);
    for (const path of [...Object.keys(PASSWORD_CHECKS), ...Object.keys(PASSWORD_SETTERS)]) expect(paths, path).toContain(path);
  });
});
