import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpired } from "@/lib/retention/purge";
import { instrumentV1 } from "@/lib/survey/instrument";
import { resumeCookieName } from "@/lib/survey/resume-token";
import { validAnswers } from "../helpers/answers";
import { signIn } from "../helpers/auth";
import { closeTestPool, countResponses, createTestSurvey, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { api, cookieFrom, type ErrorBody } from "../helpers/http";

let slug: string;
let waveId: string;
const origin = () => new URL(testEnv.baseUrl).origin;
const responsePath = () => `/api/v1/surveys/${slug}/response`;

beforeAll(async () => {
  ({ slug, waveId } = await createTestSurvey("privacy"));
});
afterAll(closeTestPool);

const sectionAnswers = (index: number) => {
  const all = validAnswers();
  return Object.fromEntries(instrumentV1.sections[index]!.questions.map((q) => [q.id, all[q.id] ?? null]));
};

/** A respondent as the form makes one: every step saved, then submitted. Returns cookie and id. */
async function respondent(headers: Record<string, string> = {}, complete = true): Promise<{ cookie: string; id: string }> {
  let cookie: string | undefined;
  let id = "";
  const steps = complete ? instrumentV1.sections.length : 2;
  for (let i = 0; i < steps; i++) {
    const saved = await api<{ draft: { id: string } }>(`/api/v1/surveys/${slug}/draft`, {
      method: "PUT",
      body: { step: i + 1, answers: sectionAnswers(i) },
      cookie,
      headers,
    });
    expect(saved.status).toBe(200);
    cookie ??= cookieFrom(saved.headers);
    id = saved.body.draft.id;
  }
  if (complete) {
    const submitted = await api(`/api/v1/surveys/${slug}/draft/submit`, {
      method: "POST",
      body: { submissionId: crypto.randomUUID() },
      cookie,
      headers,
    });
    expect(submitted.status).toBe(201);
  }
  return { cookie: cookie!, id };
}

async function exists(id: string): Promise<boolean> {
  const { rows } = await testPool().query(`SELECT 1 FROM response WHERE id = $1`, [id]);
  return rows.length === 1;
}

describe("a respondent deletes their own response", () => {
  it("deletes the cookie owner's complete response in one request, clears the cookie and leaves others alone", async () => {
    const me = await respondent();
    const other = await respondent();
    const deleted = await api<{ deleted: boolean; id: string }>(responsePath(), {
      method: "DELETE",
      cookie: me.cookie,
      headers: { origin: origin() },
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ deleted: true, id: me.id });
    expect(await exists(me.id)).toBe(false);
    expect(await exists(other.id)).toBe(true);
    const cleared = deleted.headers.getSetCookie().find((c) => c.startsWith(`${resumeCookieName(slug)}=`)) ?? "";
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);

    // The result page no longer finds it, and a repeat finds nothing to delete.
    const page = await api<string>(`/survey/${slug}/result`, { cookie: me.cookie });
    expect(page.body).toContain("There is no completed response from this browser yet.");
    const again = await api<ErrorBody>(responsePath(), { method: "DELETE", cookie: me.cookie, headers: { origin: origin() } });
    expect(again.status).toBe(404);
  });

  it("deletes an unfinished (partial) response too", async () => {
    const me = await respondent({}, false);
    const before = await countResponses(waveId);
    const deleted = await api(responsePath(), { method: "DELETE", cookie: me.cookie });
    expect(deleted.status).toBe(200);
    expect(await exists(me.id)).toBe(false);
    expect((await countResponses(waveId)).partial).toBe(before.partial - 1);
  });

  it("refuses without the owner's cookie: no cookie 401, someone else's guess 404, and deletes nothing", async () => {
    const victim = await respondent();
    const before = await countResponses(waveId);

    const none = await api<ErrorBody>(responsePath(), { method: "DELETE", headers: { origin: origin() } });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Cookie realm="survey response"/);
    expect(none.body.error.fields[0]?.path).toBe("cookie");

    const guessed = `${resumeCookieName(slug)}=${randomBytes(32).toString("base64url")}`;
    expect((await api(responsePath(), { method: "DELETE", cookie: guessed, headers: { origin: origin() } })).status).toBe(404);
    // Malformed tokens (e.g. the response id itself) are no token at all.
    expect((await api(responsePath(), { method: "DELETE", cookie: `${resumeCookieName(slug)}=${victim.id}` })).status).toBe(401);
    // The victim's cookie for another survey's name does not reach this survey.
    const otherSurvey = await createTestSurvey("privacy-other");
    const wrongSurvey = `${resumeCookieName(otherSurvey.slug)}=${victim.cookie.split("=")[1]}`;
    expect((await api(`/api/v1/surveys/${otherSurvey.slug}/response`, { method: "DELETE", cookie: wrongSurvey })).status).toBe(404);

    expect(await exists(victim.id)).toBe(true);
    expect(await countResponses(waveId)).toEqual(before);
  });

  it("refuses a cross-site request even with the respondent's cookie (403)", async () => {
    const me = await respondent();
    const evil = await api<ErrorBody>(responsePath(), { method: "DELETE", cookie: me.cookie, headers: { origin: "https://evil.example" } });
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe("cross_site_request");
    const fetchMeta = await api(responsePath(), { method: "DELETE", cookie: me.cookie, headers: { "sec-fetch-site": "cross-site" } });
    expect(fetchMeta.status).toBe(403);
    expect(await exists(me.id)).toBe(true);
  });
});

describe("no raw IP addresses at rest", () => {
  it("stores no client address from logins, failed logins or survey submissions in any column", async () => {
    // 198.19.0.0/16 (benchmarking) is this test's alone: rate limits are shared by every server on
    // the test database, and an address another test also uses would spend that test's quota.
    const ipv4 = `198.19.${process.pid % 256}.${1 + (Date.now() % 250)}`;
    const ipv6 = `2001:db8:${(process.pid % 65535).toString(16)}::77`;
    for (const ip of [ipv4, ipv6]) {
      const headers = { "x-forwarded-for": ip, "x-real-ip": ip, origin: origin() };
      await signIn(undefined, undefined, ip);
      const bad = await api("/api/auth/sign-in/email", {
        method: "POST",
        body: { email: "nobody@radar.test", password: "wrong-password-123" },
        headers,
      });
      expect(bad.status).toBe(401);
      await respondent(headers);
    }

    // Every text, varchar and json(b) column of every table in the schema.
    const { rows: columns } = await testPool().query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'jsonb', 'json')
         AND table_name NOT LIKE '\\_prisma%'`,
    );
    expect(columns.length).toBeGreaterThan(20);
    const v6prefix = ipv6.split("::")[0]!;
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const { rows } = await testPool().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE $1 OR "${column}"::text ILIKE $2`,
        [`%${ipv4}%`, `%${v6prefix}%`],
      );
      if (rows[0]!.n > 0) found.push(`${table}.${column}`);
    }
    expect(found).toEqual([]);

    // Sessions were made (with no address), and the login limiter still keeps its counters.
    const { rows: sessions } = await testPool().query(`SELECT count(*)::int AS n, count(ip_address)::int AS with_ip FROM auth_session`);
    expect(sessions[0].n).toBeGreaterThan(0);
    expect(sessions[0].with_ip).toBe(0);
    const { rows: limits } = await testPool().query(`SELECT count(*)::int AS n, bool_and(key LIKE 'rl:%') AS hashed FROM auth_rate_limit`);
    expect(limits[0]).toEqual({ n: expect.any(Number), hashed: true });
    expect(limits[0].n).toBeGreaterThan(0);
  });
});

describe("retention of partial responses", () => {
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

  async function insert(status: "partial" | "complete", source: "web" | "api" | "seed", lastActivityDaysAgo: number): Promise<string> {
    const complete = status === "complete";
    const { rows } = await testPool().query<{ id: string }>(
      `INSERT INTO response (wave_id, status, source, submission_key, started_at, updated_at, submitted_at,
         industry, region, company_size, role, stage, readiness_index, answers)
       VALUES ($1, $2::response_status, $3::response_source, $4, $5, $5, $6, $7, $8, $9, $10, $11, $12, '{}'::jsonb) RETURNING id::text AS id`,
      [
        waveId,
        status,
        source,
        complete ? `test:${crypto.randomUUID()}` : null,
        ago(lastActivityDaysAgo),
        complete ? ago(lastActivityDaysAgo) : null,
        ...(complete ? ["healthcare", "east_asia", "1000_9999", "data_ml", "pilots", 50] : [null, null, null, null, null, null]),
      ],
    );
    return rows[0]!.id;
  }

  // The purge is database-wide and other test files run at the same time, so these rows are dated
  // around the longest allowed period (3650 days), which no other test's rows come near.
  it("deletes partial responses idle for longer than N days; keeps recent partials, every complete response and demo rows", async () => {
    const oldPartial = await insert("partial", "web", 4000);
    const justOver = await insert("partial", "web", 3651);
    const justUnder = await insert("partial", "web", 3649);
    const oldComplete = await insert("complete", "web", 5000);
    const oldApi = await insert("complete", "api", 4000);
    const oldSeedPartial = await insert("partial", "seed", 4000);

    const result = await purgeExpired(testPool(), 3650);
    expect(result.partialResponses).toBeGreaterThanOrEqual(2);
    expect(await exists(oldPartial)).toBe(false);
    expect(await exists(justOver)).toBe(false);
    for (const kept of [justUnder, oldComplete, oldApi, oldSeedPartial]) expect(await exists(kept)).toBe(true);
  });

  it("runs as `npm run purge` with PARTIAL_RETENTION_DAYS from the environment", { timeout: 90_000 }, async () => {
    const idle = await insert("partial", "web", 3500);
    const fresh = await insert("partial", "web", 3300);
    const { stdout } = await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["scripts/purge.ts"], {
      env: { ...process.env, DATABASE_URL: testEnv.databaseUrl, PARTIAL_RETENTION_DAYS: "3400" },
      timeout: 60_000,
    });
    expect(stdout).toMatch(/Retention: deleted \d+ partial response\(s\) idle for over 3400 days/);
    expect(await exists(idle)).toBe(false);
    expect(await exists(fresh)).toBe(true);
  });

  it("refuses a nonsensical retention period", async () => {
    await expect(purgeExpired(testPool(), 0)).rejects.toThrow(RangeError);
  });
});
