import "server-only";
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from "@/lib/errors";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON body with the checks every write endpoint needs: the content type, a byte limit
 * enforced while streaming (a lying Content-Length cannot get past it), and parse errors as 400.
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type.trim())) {
    throw new UnsupportedMediaTypeError("application/json");
  }
  const bytes = await readCappedBody(request, limit);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.trim() === "") throw new ValidationError([{ path: "body", message: "must be a JSON object" }]);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : "malformed JSON";
    throw new ValidationError([{ path: "body", message: `is not valid JSON (${detail})` }]);
  }
}

/** A text body of one media type (e.g. text/csv), UTF-8, with the same byte limit as JSON bodies. */
export async function readTextBody(request: Request, media: string, limit = MAX_BODY_BYTES): Promise<string> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== media) throw new UnsupportedMediaTypeError(media);
  const bytes = await readCappedBody(request, limit);
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

/**
 * A body's bytes, refused (413 naming body) as soon as they pass `limit`, whatever Content-Length
 * said (a lying or missing one cannot get past it). Shared by every body reader.
 */
export async function readCappedBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLargeError(limit);
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  return concat(chunks, size);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
