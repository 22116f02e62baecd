import "server-only";
// Rate limits kept in PostgreSQL, so every app instance shares them: one fixed-window counter per
// (bucket, subject), advanced by a single upsert that also starts a new window when the old one
// has passed. Subjects are HMACs (AUTH_SECRET) of the client address, resume token or email.
import { primaryPool } from "@/lib/db/pg";
import { RateLimitedError } from "@/lib/errors";
import { getEnv, requireAuthSecret } from "@/lib/env";
import { clientAddress, subjectAsAddress, subjectKey } from "./client";

export interface Limit {
  /** Counter name, e.g. "submit:client". */
  bucket: string;
  max: number;
  windowSeconds: number;
}

export interface Outcome {
  allowed: boolean;
  count: number;
  /** Seconds until the current window ends (at least 1). */
  retryAfter: number;
}

export interface CounterRow {
  count: number;
  retry_after: number;
}

/** The start of the current window: windows are aligned to the epoch, by the database's clock. */
function windowStartSql(windowSeconds: string): string {
  return `to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}) * ${windowSeconds})`;
}

/**
 * The counter upsert, written once for hit() and for statements that count and write in one round
 * trip (submissions, one or many at a time). `counted` is a query yielding (subject, n): n more
 * requests per subject. Returns per subject the window's count including them and the seconds
 * left in the window.
 */
export function countRequestsSql(params: { bucket: string; windowSeconds: string; counted: string }): string {
  const window = `${params.windowSeconds}::int`;
  return `INSERT INTO request_limit AS r (bucket, subject, window_start, count)
    SELECT ${params.bucket}, subject, ${windowStartSql(window)}, n
    FROM (${params.counted}) AS counted(subject, n)
    ON CONFLICT (bucket, subject) DO UPDATE SET
      count = CASE WHEN r.window_start = EXCLUDED.window_start THEN r.count + EXCLUDED.count ELSE EXCLUDED.count END,
      window_start = EXCLUDED.window_start
    RETURNING subject, count, ceil(extract(epoch FROM window_start + make_interval(secs => ${window}) - now()))::int AS retry_after`;
}

/** Reads a counter row against its limit; now and then clears counters nobody needs any more. */
export function toOutcome(limit: Limit, row: CounterRow | undefined): Outcome {
  if (!row) throw new Error("rate limit upsert returned no row");
  if (Math.random() < 0.001) void sweep().catch(() => undefined);
  return { allowed: row.count <= limit.max, count: row.count, retryAfter: Math.max(1, row.retry_after) };
}

const HIT_SQL = countRequestsSql({ bucket: "$1", windowSeconds: "$3", counted: "SELECT $2::text, 1" });

/** Counts one request against a limit and says whether it is within it. */
export async function hit(limit: Limit, subject: string): Promise<Outcome> {
  const { rows } = await primaryPool().query<CounterRow>(HIT_SQL, [limit.bucket, subject, limit.windowSeconds]);
  return toOutcome(limit, rows[0]);
}

/** Takes back one counted request (e.g. a login that turned out not to be a failed attempt). */
export async function refund(limit: Limit, subject: string): Promise<void> {
  await primaryPool().query(
    `UPDATE request_limit SET count = count - 1
     WHERE bucket = $1 AND subject = $2 AND count > 0
       AND window_start = ${windowStartSql("$3::int")}`,
    [limit.bucket, subject, limit.windowSeconds],
  );
}

/** Counters whose window ended a day ago are of no use to anyone. */
async function sweep(): Promise<void> {
  await primaryPool().query(`DELETE FROM request_limit WHERE window_start < now() - interval '1 day'`);
}

/** Throws 429 (Retry-After) naming `field` when the subject is over the limit. */
export async function enforce(limit: Limit, subject: string, field: string, message: string): Promise<Outcome> {
  const outcome = await hit(limit, subject);
  if (!outcome.allowed) throw new RateLimitedError(field, message, outcome.retryAfter);
  return outcome;
}

export const limits = {
  submissionsPerClient: (): Limit => ({
    bucket: "submit:client",
    max: getEnv().RATE_LIMIT_SUBMISSIONS_PER_CLIENT,
    windowSeconds: getEnv().RATE_LIMIT_WINDOW_SECONDS,
  }),
  draftSavesPerClient: (): Limit => ({
    bucket: "draft:client",
    max: getEnv().RATE_LIMIT_DRAFT_SAVES_PER_CLIENT,
    windowSeconds: getEnv().RATE_LIMIT_WINDOW_SECONDS,
  }),
  draftSavesPerRespondent: (): Limit => ({
    bucket: "draft:respondent",
    max: getEnv().RATE_LIMIT_DRAFT_SAVES_PER_RESPONDENT,
    windowSeconds: getEnv().RATE_LIMIT_WINDOW_SECONDS,
  }),
  loginFailuresPerAccount: (): Limit => ({
    bucket: "login:account",
    max: getEnv().RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT,
    windowSeconds: getEnv().RATE_LIMIT_LOGIN_WINDOW_SECONDS,
  }),
};

/** The keyed hash of the request's client address ("unknown" when there is no usable header). */
export function clientSubject(request: Request): string {
  const address = clientAddress(request.headers.get("x-forwarded-for"), getEnv().TRUSTED_PROXY_HOPS) ?? "unknown";
  return subjectKey(requireAuthSecret(), "client", address);
}

/**
 * The same client, as better-auth's own per-address limits see it (CLIENT_ADDRESS_HEADER): one
 * client-address rule for every limit, the library's included.
 */
export function clientAddressForAuth(request: Request): string {
  return subjectAsAddress(clientSubject(request));
}

export function respondentSubject(resumeToken: string): string {
  return subjectKey(requireAuthSecret(), "respondent", resumeToken);
}

export function accountSubject(email: string): string {
  return subjectKey(requireAuthSecret(), "account", email.trim().toLowerCase());
}

/** A limit applied to one subject, with what a refused client is told. */
export interface Quota {
  limit: Limit;
  subject: string;
  field: string;
  message: string;
}

export function refusal(quota: Quota, outcome: Outcome): RateLimitedError {
  return new RateLimitedError(quota.field, quota.message, outcome.retryAfter);
}

/** Anonymous submissions (API and browser) per client address. */
export function submissionQuota(request: Request): Quota {
  return {
    limit: limits.submissionsPerClient(),
    subject: clientSubject(request),
    field: "client",
    message: "Too many submissions from this network; please retry later.",
  };
}

export async function limitSubmission(request: Request): Promise<void> {
  const quota = submissionQuota(request);
  await enforce(quota.limit, quota.subject, quota.field, quota.message);
}

/** Draft saves per client address and, when the respondent has a draft, per respondent. */
export async function limitDraftSave(request: Request, resumeToken: string | null): Promise<void> {
  await enforce(
    limits.draftSavesPerClient(),
    clientSubject(request),
    "client",
    "Too many survey saves from this network; please retry later.",
  );
  if (resumeToken) {
    await enforce(
      limits.draftSavesPerRespondent(),
      respondentSubject(resumeToken),
      "resume_token",
      "Too many saves of this survey response; please wait a moment and retry.",
    );
  }
}
