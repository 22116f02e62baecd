// Classifies database failures. Kept free of "server-only" so tests can exercise it directly.
import { ServiceUnavailableError, UNAVAILABLE_MESSAGES, ValidationError, type AppError } from "@/lib/errors";

// Markers of a database that could not be used, split by whether the failing statement can have
// reached the server. "Unreachable": refused or timed-out connections, a pool with no free
// connection, a server starting up or shutting down: nothing of the statement was committed.
// "Interrupted": the connection broke while the statement ran, and it may have been committed.
const UNREACHABLE_CODES = new Set([
  "P1001", // Prisma: can't reach the database server
  "P2024", // Prisma: timed out fetching a connection from the pool
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08004", // sqlserver_rejected_establishment_of_sqlconnection
  "53300", // too_many_connections
  "57P03", // cannot_connect_now (starting up, shutting down)
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
const INTERRUPTED_CODES = new Set(["P1002", "P1008", "P1017", "ECONNRESET", "ETIMEDOUT", "EPIPE"]);
// Connection exceptions, insufficient resources, shutdown, and a statement cancelled (57014: a
// statement timeout, or an operator's pg_cancel_backend) — an analyst read cut at its timeout is a
// 503 to retry, not a 500.
const INTERRUPTED_SQLSTATE = /^(08|53|57P|57014$)/;
const UNREACHABLE_TEXT = new RegExp(
  [
    "ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|DatabaseNotReachable|TooManyConnections|too many clients already",
    "timeout exceeded when trying to connect|Connection terminated due to connection timeout|Timed out fetching a new connection",
    "Can't reach database|the database system is (starting up|shutting down)",
  ].join("|"),
  "i",
);
const INTERRUPTED_TEXT = new RegExp(
  [
    "ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated(?! due to connection timeout)|ConnectionClosed|SocketTimeout",
    "terminating connection|server closed the connection|Server has closed the connection",
  ].join("|"),
  "i",
);

/** Walks an error and its causes (Prisma wraps driver errors) collecting codes and messages. */
function collect(error: unknown): { codes: string[]; text: string } {
  const codes: string[] = [];
  const texts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const record = current as { code?: unknown; message?: unknown; kind?: unknown; cause?: unknown; meta?: unknown };
    if (typeof record.code === "string") codes.push(record.code);
    if (typeof record.kind === "string") texts.push(record.kind);
    if (typeof record.message === "string") texts.push(record.message);
    const meta = record.meta as { driverAdapterError?: unknown } | undefined;
    current = record.cause ?? meta?.driverAdapterError;
  }
  return { codes, text: texts.join("\n") };
}

export function isUniqueViolation(error: unknown): boolean {
  const { codes, text } = collect(error);
  return codes.includes("P2002") || codes.includes("23505") || /UniqueConstraintViolation/.test(text);
}

/** How the database failed: see the markers above. Undefined when the error is not about that. */
export type DatabaseFailure = "unreachable" | "interrupted";

/** The database failure behind `error`, if any; when in doubt, "interrupted" (it may have committed). */
export function databaseFailure(error: unknown): DatabaseFailure | undefined {
  const { codes, text } = collect(error);
  if (codes.some((code) => INTERRUPTED_CODES.has(code) || (INTERRUPTED_SQLSTATE.test(code) && !UNREACHABLE_CODES.has(code))))
    return "interrupted";
  if (INTERRUPTED_TEXT.test(text)) return "interrupted";
  if (codes.some((code) => UNREACHABLE_CODES.has(code)) || UNREACHABLE_TEXT.test(text)) return "unreachable";
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseFailure(error) !== undefined;
}

// Values PostgreSQL refuses to store: NUL in text (22P05 untranslatable_character), bytes that are
// not UTF-8 (22021), input it cannot read (22P02, e.g. a lone surrogate in jsonb). The request's
// own validation refuses these first, naming the field; this is the safety net: a 400, not a 500.
const UNSTORABLE_VALUE_CODES = new Set(["22P05", "22021", "22P02"]);

/** True when the database refused a value as unstorable text. */
export function isUnstorableValue(error: unknown): boolean {
  return collect(error).codes.some((code) => UNSTORABLE_VALUE_CODES.has(code));
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Maps a database failure to the app error it stands for, or undefined when it is a bug. The 503's
 * message claims only what is known about the request's data: nothing about saving for a read (or
 * when the method is unknown); "nothing was saved" for a write that never reached the database.
 */
export function toAppError(error: unknown, method?: string): AppError | undefined {
  if (isUnstorableValue(error)) {
    return new ValidationError([
      { path: "body", message: "contains text the database cannot store (a NUL or unpaired surrogate character)" },
    ]);
  }
  const failure = databaseFailure(error);
  if (!failure) return undefined;
  if (!method || !WRITE_METHODS.has(method.toUpperCase())) return new ServiceUnavailableError(UNAVAILABLE_MESSAGES.read);
  return new ServiceUnavailableError(failure === "unreachable" ? UNAVAILABLE_MESSAGES.notSaved : UNAVAILABLE_MESSAGES.maybeSaved);
}
