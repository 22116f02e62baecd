// Classifies database failures. Kept free of "server-only" so tests can exercise it directly.
import { ServiceUnavailableError, type AppError } from "@/lib/errors";

const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)/; // connection exceptions, insufficient resources, shutdown
const UNAVAILABLE_TEXT = new RegExp(
  [
    "ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|DatabaseNotReachable|ConnectionClosed",
    "timeout exceeded when trying to connect|Can't reach database|the database system is (starting up|shutting down)|terminating connection",
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

export function isDatabaseUnavailable(error: unknown): boolean {
  const { codes, text } = collect(error);
  return codes.some((code) => UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)) || UNAVAILABLE_TEXT.test(text);
}

/** Maps a database failure to the app error it stands for, or undefined when it is a bug. */
export function toAppError(error: unknown): AppError | undefined {
  if (isDatabaseUnavailable(error)) return new ServiceUnavailableError();
  return undefined;
}
