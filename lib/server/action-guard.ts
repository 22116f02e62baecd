import "server-only";
// Server-action POSTs the production server (scripts/serve.ts) reads before Next.js does: the
// body is buffered (at most MAX_ACTION_BODY_BYTES), checked against what Next's action decoder
// accepts (lib/server/request-guards.ts), and refused with a 4xx naming the problem, or replayed
// to Next as a fresh request stream carrying the same bytes. Next reads the Node request stream
// itself, so once read here it needs a stream of its own.
import { IncomingMessage, type ServerResponse } from "node:http";
import { appUrl } from "@/lib/env";
import { CrossSiteRequestError, PayloadTooLargeError } from "@/lib/errors";
import { isCrossSiteWrite, publicOrigins } from "@/lib/http/security";
import { sendError } from "./fast-routes";
import { readCapped } from "./node-body";
import { MAX_ACTION_BODY_BYTES, serverActionBodyProblem, type ActionKind } from "./request-guards";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Checks a server action's body, then hands Next (`next`) the request with that body replayed. */
export async function guardServerAction(
  req: IncomingMessage,
  res: ServerResponse,
  kind: NonNullable<ActionKind>,
  next: Handler,
): Promise<void> {
  // A write from another site is refused as proxy.ts would refuse it, before its body is read.
  if (isCrossSiteWrite({ method: "POST", headers: headersOf(req) }, publicOrigins(appUrl()))) {
    return sendError(res, new CrossSiteRequestError());
  }
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > MAX_ACTION_BODY_BYTES) return refuseTooLarge(res);
  let body: Buffer;
  try {
    body = await readCapped(req, MAX_ACTION_BODY_BYTES);
  } catch {
    // The client closed the connection mid-body: there is nobody to answer.
    res.destroy();
    return;
  }
  if (body.byteLength > MAX_ACTION_BODY_BYTES) return refuseTooLarge(res);
  const problem = await serverActionBodyProblem(kind, req.headers, body);
  if (problem) return sendError(res, problem);
  await next(replay(req, body), res);
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/** 413, and the connection closed rather than the rest of the body read. */
function refuseTooLarge(res: ServerResponse): Promise<void> {
  return sendError(res, new PayloadTooLargeError(MAX_ACTION_BODY_BYTES), true);
}

/** The same request (socket, method, URL, headers) whose body stream yields `body` again. */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.trailers = req.trailers;
  copy.rawTrailers = req.rawTrailers;
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}
