// Pages that fail because the database is unavailable answer 503 with Retry-After, like the APIs.
// Next.js renders a page that throws as a 500 and offers no way to choose that status, so the
// production server (scripts/serve.ts) runs each request it hands to Next.js in a scope that the
// database pools (lib/db/pg.ts) mark when a statement fails for want of a database, and turns
// that request's 500 into a 503 as the status line is written. Errors a library catches itself
// (better-auth answers its own 500) are covered too: the pools see them first.
import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/errors";
import { isDatabaseUnavailable } from "./errors";

interface RequestDatabaseState {
  unavailable: boolean;
}

// Kept on globalThis: the server bundle (scripts/serve.ts) and Next's compiled chunks each carry
// their own copy of this module, and both must use the same store.
const STORE = Symbol.for("readiness-radar.database-outage");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestDatabaseState> | undefined>;

function storage(): AsyncLocalStorage<RequestDatabaseState> {
  return (holder[STORE] ??= new AsyncLocalStorage<RequestDatabaseState>());
}

/** Marks the request being served (if any) as failed by the database when `error` says so. */
export function noteDatabaseError(error: unknown): void {
  const state = storage().getStore();
  if (state && !state.unavailable && isDatabaseUnavailable(error)) state.unavailable = true;
}

/**
 * Runs `handler` for one request. If it answers 500 after the database failed it, the status
 * sent is 503 with Retry-After instead; the body (Next's error page) is unchanged.
 */
export function serveWatchingDatabase(
  req: IncomingMessage,
  res: ServerResponse,
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<void> {
  const state: RequestDatabaseState = { unavailable: false };
  const writeHead = res.writeHead;
  // Node writes the status line through writeHead, also when a body is written without calling it.
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 500 && state.unavailable) {
      statusCode = 503;
      if (typeof rest[0] === "string") rest.shift(); // a reason phrase written for the 500
      if (!this.hasHeader("retry-after")) this.setHeader("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
  } as typeof res.writeHead;
  return storage().run(state, () => handler(req, res));
}
