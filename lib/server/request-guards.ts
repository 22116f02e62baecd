// Requests the production server (scripts/serve.ts) refuses before Next.js sees them, because
// Next.js would answer them with a 500 and a logged stack trace (a cheap way to flood the logs).
// Pure apart from Next's own validator (the body check reads a body already buffered by
// scripts/serve.ts), so unit tests pin exactly what is refused.
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import type { IncomingHttpHeaders } from "node:http";
import { type AppError, BadRequestError, UnsupportedMediaTypeError, ValidationError } from "@/lib/errors";
import { MAX_BODY_BYTES } from "@/lib/http/body";
import { MAX_DEFINITION_CHARS } from "@/lib/waves/definition";
import { boundActionProblem, replyProblem, textParts, type ReplyParts } from "./action-reply";

/**
 * The client router's state header (sent with RSC: 1 navigations), checked with Next's own
 * validator. proxy.ts cannot do this: Next.js strips its router headers before the proxy runs.
 */
export function routerStateProblem(header: string | string[] | undefined): BadRequestError | null {
  if (header === undefined) return null;
  try {
    parseAndValidateFlightRouterState(header);
    return null;
  } catch {
    return new BadRequestError("Next-Router-State-Tree", "is not a router state this app sent");
  }
}

/**
 * The largest server-action body this app takes: publishing a wave sends its definition text as
 * an argument (at most MAX_DEFINITION_CHARS, up to twice that once JSON-escaped), plus the rest
 * of the form. Below Next's own 1 MB limit, which it would report as a 500.
 */
export const MAX_ACTION_BODY_BYTES = MAX_DEFINITION_CHARS * 2 + MAX_BODY_BYTES;

/** How Next.js would treat a POST: as a server action call, a possible form action, or neither. */
export type ActionKind = "fetch" | "form" | null;

/**
 * Mirrors Next's own test (getServerActionRequestMetadata): a POST with a Next-Action header is a
 * fetch action; any other multipart POST may be a progressively enhanced form's action. API
 * routes are route handlers, where Next decodes no action (they read their bodies themselves).
 */
export function serverActionKind(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): ActionKind {
  if (method !== "POST") return null;
  const path = (url ?? "/").split("?")[0] ?? "/";
  if (path === "/api" || path.startsWith("/api/")) return null;
  if (typeof headers["next-action"] === "string") return "fetch";
  return isMultipart(headers["content-type"]) ? "form" : null;
}

/**
 * What is wrong with a server action's body (already read, at most MAX_ACTION_BODY_BYTES), or
 * null when Next's decoder accepts it: for a fetch action, a JSON array of arguments as React's
 * encodeReply writes it (as text/plain, or as part "0" of a multipart body with the parts it
 * references); for a form, well-formed multipart with well-formed bound-action descriptors.
 */
export async function serverActionBodyProblem(
  kind: "fetch" | "form",
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<AppError | null> {
  const type = headers["content-type"];
  if (!isMultipart(type)) {
    // Browsers send encodeReply's text as text/plain;charset=UTF-8 (fetch with a string body).
    if (!/^text\/plain\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i.test(type ?? "")) {
      return new UnsupportedMediaTypeError("text/plain;charset=UTF-8 or multipart/form-data for a server action");
    }
    return replyProblem(textParts(new TextDecoder("utf-8").decode(body)));
  }
  if (!/;\s*boundary=/i.test(type)) return new BadRequestError("Content-Type", "names no multipart boundary");
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    return new ValidationError([
      { path: "body", message: "is not well-formed multipart/form-data (truncated, or parts not delimited by the boundary)" },
    ]);
  }
  const parts: ReplyParts = { fields: new Map(), files: new Set() };
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") parts.fields.set(name, value);
    else parts.files.add(name);
  }
  if (kind === "fetch") return replyProblem(parts);
  for (const name of parts.fields.keys()) {
    if (!name.startsWith("$ACTION_REF_")) continue;
    const problem = boundActionProblem(parts, `$ACTION_${name.slice("$ACTION_REF_".length)}:`);
    if (problem) return problem;
  }
  return null;
}

function isMultipart(type: string | string[] | undefined): type is string {
  // Next's own test, case-sensitive: anything else is decoded as text.
  return typeof type === "string" && type.startsWith("multipart/form-data");
}
