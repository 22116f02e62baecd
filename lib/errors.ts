// Typed errors carry their HTTP status; lib/http/respond.ts is the one mapper to responses.

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "answers.<question id>" or "Idempotency-Key". */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(fields: FieldIssue[], message = describeFields(fields)) {
    super(400, "validation_failed", message, fields);
  }
}

/** A malformed part of the request that is not a field of a body or query (a header, the path). */
export class BadRequestError extends AppError {
  constructor(field: string, problem: string) {
    super(400, "bad_request", `${field} ${problem}.`, [{ path: field, message: problem }]);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(413, "payload_too_large", `Request body is larger than ${limitBytes} bytes`, [
      { path: "body", message: `must be at most ${limitBytes} bytes` },
    ]);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(expected: string) {
    super(415, "unsupported_media_type", `Content-Type must be ${expected}`, [{ path: "Content-Type", message: `must be ${expected}` }]);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super(404, "not_found", `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, fields: FieldIssue[] = []) {
    super(409, code, message, fields);
  }
}

export class UnprocessableError extends AppError {
  constructor(code: string, message: string, fields: FieldIssue[] = []) {
    super(422, code, message, fields);
  }
}

/** Too many requests: 429 with Retry-After (seconds); the field names what was limited. */
export class RateLimitedError extends AppError {
  constructor(
    field: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, "rate_limited", message, [{ path: field, message: `too many requests; retry in ${retryAfterSeconds} s` }], {
      "Retry-After": String(retryAfterSeconds),
    });
  }
}

/** Seconds a client is asked to wait (Retry-After) when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * What a 503 says about the request's own data: only what is known (lib/db/errors.ts decides).
 * Nothing about saving on a read; "nothing was saved" only for a write whose statements never
 * reached the database; a write cut off mid-statement may have been committed.
 */
export const UNAVAILABLE_MESSAGES = {
  read: "The database is unavailable. Please retry in a moment.",
  notSaved: "The database is unavailable; nothing was saved. Please retry.",
  maybeSaved: "The database became unavailable during this request, so it may or may not have been saved. Please retry.",
} as const;

export class ServiceUnavailableError extends AppError {
  constructor(message: string = UNAVAILABLE_MESSAGES.read) {
    super(503, "service_unavailable", message, [], { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) });
  }
}

/** A state-changing request from another site (its Origin is not this app's). */
export class CrossSiteRequestError extends AppError {
  constructor() {
    super(403, "cross_site_request", "Requests from other sites cannot do this.", [
      { path: "Origin", message: "must be this site's origin" },
    ]);
  }
}

/**
 * A respondent-only action without the respondent's resume cookie. A 401 must name how to
 * authenticate (RFC 9110 §11.6.1): here, the survey's own cookie, which only this browser has.
 */
export class NoRespondentError extends AppError {
  constructor() {
    super(
      401,
      "no_response_in_this_browser",
      "There is no survey response from this browser.",
      [{ path: "cookie", message: "no resume cookie for this survey" }],
      { "WWW-Authenticate": 'Cookie realm="survey response"' },
    );
  }
}

function describeFields(fields: FieldIssue[]): string {
  if (fields.length === 0) return "Invalid request";
  const shown = fields.slice(0, 3).map((f) => `${f.path}: ${f.message}`);
  const more = fields.length > 3 ? ` (and ${fields.length - 3} more)` : "";
  return `Invalid request: ${shown.join("; ")}${more}`;
}
