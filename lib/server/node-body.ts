// Reading a Node request body with a byte cap (the production server's own routes and guards).
import type { IncomingMessage } from "node:http";

/**
 * The body, read until it passes `limit` bytes (then the caller answers 413 and closes the
 * connection rather than reading the rest).
 */
export function readCapped(req: IncomingMessage, limit: number): Promise<Buffer<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        resolve(Buffer.concat(chunks, size));
      }
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks, size)));
    req.once("error", reject);
    req.once("close", () => {
      if (!req.complete) reject(new Error("the client closed the connection before sending its whole body"));
    });
  });
}
