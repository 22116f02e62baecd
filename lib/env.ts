// The one place that reads process.env. Everything else asks getEnv() for typed values, so a
// missing or malformed variable fails once, at boot, with a message that names it.
import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), {
    message: "must be a postgresql:// connection URL",
  });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface `npm start` binds; set 0.0.0.0 to accept connections from other machines. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is unset. */
  DATA_DIR: z.string().min(1).default(".data"),
  /** Peer figures computed from fewer respondents than this are hidden. */
  SUPPRESSION_K: z.coerce.number().int().min(2).max(1000).default(5),
  /** Size of the demo dataset seeded on first start. */
  SEED_RESPONSES: z.coerce.number().int().min(0).max(5_000_000).default(3000),
  /** Signs analyst session cookies; npm start generates one into DATA_DIR when unset. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The public URL of the app (sessions and origin checks). Defaults to http://localhost:PORT. */
  APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  /** Optional first admin, created or updated by npm start (instead of the one-time setup link). */
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  /**
   * Optional read replica for analyst reads (dashboards, comparisons, findings, the explorer and
   * exports). Respondents, sign-in and every write use DATABASE_URL.
   */
  DATABASE_REPLICA_URL: postgresUrl.optional(),
  /**
   * How this instance's connections are named in pg_stat_activity ("<name>:primary", ":analytics",
   * ":export", ":replica"): set one per instance to tell several apart.
   */
  DB_APPLICATION_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, "letters, digits, '.', '_' or '-', at most 40")
    .default("readiness-radar"),
  /** Connections per app process to PostgreSQL. */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Longest an analyst read (dashboards, comparisons, findings, the explorer) may run; past it the
   * database cancels the statement. Bounds what an analyst who reloads or aborts leaves running.
   */
  /** A responses export whose client stops reading for this long is cancelled (its connection freed). */
  EXPORT_IDLE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  ANALYTICS_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /**
   * Where analyst aggregates are computed: "columnar" (a DuckDB replica in this process, folded
   * from PostgreSQL's change log before every read; the raw path answers while it warms up) or
   * "raw" (PostgreSQL over the jsonb answers every time). Both give the same numbers.
   */
  ANALYTICS_ENGINE: z.enum(["columnar", "raw"]).default("columnar"),
  /** Memory the columnar replica may use (DuckDB's buffer pool, plus 1 MB a wave; its data spills to a temp file past it). */
  ANALYTICS_MEMORY_MB: z.coerce.number().int().min(32).max(65_536).default(64),
  /** DuckDB worker threads for the replica's queries (one view's scan is split across them). */
  ANALYTICS_THREADS: z.coerce.number().int().min(1).max(64).default(2),
  /** The replica also folds new changes in the background this often, so reads find little to do. */
  ANALYTICS_SYNC_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2_000),
  /**
   * The public results page (no filters, the same for everyone) caches its figures per version of
   * the wave's rows; after a change it may show the previous figures, known current at most this
   * long ago, while it computes the new ones in the background. 0: always the current figures.
   */
  PUBLIC_RESULTS_MAX_STALE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  /** Unfinished responses are deleted this many days after their last activity. */
  PARTIAL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /**
   * Reverse proxies in front of the app that append the address they saw to X-Forwarded-For.
   * The client is the entry this many places from the right (entries a client adds itself are
   * further left and ignored). 1 = one proxy, or none (the app server fills the header itself only
   * when the request has none).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  /** Window of the submission and draft-save limits. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** Complete submissions (API and browser) per client address per window. */
  RATE_LIMIT_SUBMISSIONS_PER_CLIENT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Draft saves per client address per window (every respondent behind one NAT together). */
  RATE_LIMIT_DRAFT_SAVES_PER_CLIENT: z.coerce.number().int().min(1).max(1_000_000).default(3000),
  /** Draft saves per respondent (resume token) per window. */
  RATE_LIMIT_DRAFT_SAVES_PER_RESPONDENT: z.coerce.number().int().min(1).max(1_000_000).default(60),
  /** Failed sign-ins per account (email) per login window, from any number of addresses. */
  RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(10),
  RATE_LIMIT_LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment (process.env by default); throws EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Treat empty strings as unset: `DATABASE_URL= npm start` means "use the default".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

/** The app's public base URL. */
export function appUrl(env: Env = getEnv()): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

export function requireAuthSecret(env: Env = getEnv()): string {
  if (!env.AUTH_SECRET) throw new EnvError(["AUTH_SECRET: is required by the app server (npm start generates one)"]);
  return env.AUTH_SECRET;
}

/** The database URL the app must use; the app never starts an embedded database itself. */
export function requireDatabaseUrl(env: Env = getEnv()): string {
  if (!env.DATABASE_URL) {
    throw new EnvError(["DATABASE_URL: is required by the app server (npm start sets it for the embedded database)"]);
  }
  return env.DATABASE_URL;
}

/** True in Next's Node.js server runtime (not the edge runtime, not during the build). */
export function isNodeServerRuntime(): boolean {
  return process.env.NEXT_RUNTIME === "nodejs";
}
