// Property: the analysts' read APIs (analytics, responses, CSV exports) answer generated hostile
// query strings with 2xx only when every parameter is valid, otherwise a 4xx that names the
// parameter; never a 5xx. Query strings are built by hand, so they can carry duplicated
// parameters, raw (even malformed) percent-encoding, SQL and HTML fragments and any unicode.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEGMENT_KEYS, segmentOptions } from "@/lib/analytics/filters";
import type { WaveInfo } from "@/lib/analytics/context";
import type { WaveQuerySpec } from "@/lib/analytics/queries";
import { API_ROUTES } from "@/lib/api/registry";
import { instrumentV1, CURRENT_WAVE } from "@/lib/survey/instrument";
import { parseDownloadOptions } from "@/lib/exports/options";
import { signIn } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { PROTO_KEYS, parseOr, describeInput, expectNamedError, fcOptions, hostileString } from "./arbitraries";

let cookie: string;
let auditBefore = 0;
beforeAll(async () => {
  cookie = await signIn();
  auditBefore = await auditRows();
});
afterAll(closeTestPool);

async function auditRows(): Promise<number> {
  const { rows } = await testPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM export_audit`);
  return rows[0]?.n ?? 0;
}

/** Values that are sometimes valid: option ids, dates, enum values, lists of them. */
const goodValue = (prefixed: string): fc.Arbitrary<string> => {
  const key = prefixed.replace(/^[ab]_/, "");
  const segment = (SEGMENT_KEYS as readonly string[]).includes(key)
    ? segmentOptions(instrumentV1, key as (typeof SEGMENT_KEYS)[number]).map((o) => o.id)
    : [];
  switch (key) {
    case "wave":
    case "waves":
      return fc.constant(CURRENT_WAVE.code);
    case "from":
    case "to":
      return fc
        .date({ min: new Date("2024-01-01"), max: new Date("2027-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case "status":
      return fc.constantFrom("complete", "partial", "all");
    case "sort":
      return fc.constantFrom("submitted_at", "readiness_index", "industry", "stage");
    case "dir":
      return fc.constantFrom("asc", "desc");
    case "limit":
      return fc.constantFrom("25", "50", "100");
    case "b":
      return fc.constantFrom("rest", "custom");
    case "bom":
    case "gzip":
      return fc.constantFrom("1", "0");
    default:
      return segment.length
        ? fc.uniqueArray(fc.constantFrom(...segment), { minLength: 1, maxLength: 3 }).map((v) => v.join(","))
        : fc.constant("x");
  }
};

/** Cursors shaped like the real ones but with hostile fields (bad uuids, dates, NUL, huge offsets). */
const craftedCursor: fc.Arbitrary<string> = fc
  .record({
    v: fc.oneof(
      fc.constantFrom("2026-13-45T99:99:99.999Z", "2026-11-29T10:00:00.000Z", "\u0000", "' OR 1=1 --"),
      fc.double(),
      fc.string({ maxLength: 20 }),
    ),
    id: fc.oneof(fc.uuid(), fc.constantFrom("-".repeat(36), "g".repeat(36), "0".repeat(36), "00000000-0000-0000-0000-00000000000-")),
    d: fc.constantFrom("after", "before", "sideways"),
    s: fc.constantFrom("submitted_at", "readiness_index", "industry", "nope"),
    o: fc.oneof(fc.nat(), fc.constantFrom(-1, 1e300, 0.5, 2 ** 62)),
  })
  .map((c) => Buffer.from(JSON.stringify(c)).toString("base64url"));

/** How a value travels in the URL: properly encoded, raw, or with broken percent escapes. */
const encodeValue = (value: string, how: number): string => {
  if (how === 0) return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "\ufffd"));
  if (how === 1) return Buffer.from(value, "utf8").toString("hex").replace(/(..)/g, "%$1"); // percent-encoded UTF-8 (lone surrogates become EF BF BD)
  // Malformed escapes and raw bytes a browser would never send, within what a URL can carry.
  const tails = ["%", "%zz", "%ED%A0%80", "%C0%AF", "%FF", "%00", "+", "%2C%2C"];
  return `${encodeURIComponent(value.slice(0, 20).replace(/[\ud800-\udfff]/g, "?"))}${tails[value.length % 8]}`;
};

type Pair = [key: string, value: string, encoding: number];

const pairFor = (keys: readonly string[]): fc.Arbitrary<Pair> =>
  fc
    .constantFrom(...keys)
    .chain((key) =>
      fc.tuple(
        fc.constant(key),
        fc.oneof(
          { arbitrary: goodValue(key), weight: 3 },
          { arbitrary: hostileString.filter((s) => s.length < 3000), weight: 2 },
          { arbitrary: key === "cursor" ? craftedCursor : fc.constant(""), weight: 1 },
        ),
        fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, { arbitrary: fc.constantFrom(1, 2), weight: 1 }),
      ),
    );

/** A query: some known parameters (possibly repeated), sometimes unknown or prototype-named ones. */
const queryFor = (keys: readonly string[]) =>
  fc
    .tuple(
      fc.array(pairFor(keys), { maxLength: 6 }),
      // Unknown parameters now and then (each makes the query a 400 naming it).
      fc.oneof(
        { arbitrary: fc.constant([] as [string, string][]), weight: 3 },
        {
          arbitrary: fc.array(
            fc.tuple(
              fc.oneof(
                fc.constantFrom(...PROTO_KEYS, "a_", "b_", "x", "industy", "industry[]", "__proto__[industry]"),
                hostileString.filter((s) => s.length < 100),
              ),
              fc.string({ maxLength: 10 }),
            ),
            { minLength: 1, maxLength: 2 },
          ),
          weight: 1,
        },
      ),
    )
    .map(([known, unknown]) => [...known, ...unknown.map(([k, v]): Pair => [k, v, 0])]);

const toQuery = (pairs: Pair[]) =>
  pairs.map(([k, v, how]) => `${encodeURIComponent(k.replace(/[\ud800-\udfff]/g, "\ufffd"))}=${encodeValue(v, how)}`).join("&");

/** The parameters as the server's URL parser sees them. */
// Next.js builds a route's URL from the query parsed into an object, where a "__proto__" key
// cannot be an own property: that parameter never reaches any route (so it is ignored, unnamed).
const parsedQuery = (query: string) => {
  const params = new URL(`http://x/?${query}`).searchParams;
  params.delete("__proto__");
  return params;
};

interface Endpoint {
  path: string;
  keys: readonly string[];
  /** The route's own query declaration, run without the database: the parameters it refuses. */
  problems: (params: URLSearchParams) => string[];
  csv?: boolean;
}

const WAVES: WaveInfo[] = [
  { id: "00000000-0000-4000-8000-000000000000", code: CURRENT_WAVE.code, title: CURRENT_WAVE.title, instrument: instrumentV1 },
];
const DOC = { newest: { code: CURRENT_WAVE.code, instrument: instrumentV1 }, open: null, waveCodes: [CURRENT_WAVE.code] };

/**
 * Every signed-in GET endpoint with a wave-scoped query (viewer and analyst: the aggregate views,
 * the responses and the exports), with the keys its declaration documents.
 */
const declared: Endpoint[] = API_ROUTES.filter(
  (r) => r.method === "GET" && (r.access === "analyst" || r.access === "viewer") && r.query,
).map((route) => {
  const spec = route.query as WaveQuerySpec<unknown>;
  return {
    path: route.path,
    keys: Object.keys(spec.document(DOC)),
    problems: (params) => spec.resolve(WAVES, params).problems.map((p) => p.path),
    // The exports: the CSVs and the bundle that zips the responses CSV (audited the same way).
    csv: route.path.endsWith(".csv") || route.path.endsWith(".zip"),
  };
});
const endpoints = declared.filter((e) => !e.csv);
const exportEndpoints = declared.filter((e) => e.csv);

let exportsAcknowledged = 0;
let acknowledged = 0;

async function check(endpoint: Endpoint, pairs: Pair[]) {
  const query = toQuery(pairs);
  const response = await fetch(`${process.env.APP_BASE_URL}${endpoint.path}?${query}`, { headers: { cookie }, redirect: "manual" });
  const text = await response.text();
  const context = `${endpoint.path}?${describeInput(query)} -> ${response.status} ${describeInput(text)}`;
  expect(response.status, context).toBeLessThan(500);
  // The refusal (a refused view under the small-cell rules) may also be a 4xx without a bad parameter.
  const expected = endpoint.problems(parsedQuery(query));
  if (response.status >= 200 && response.status < 300) {
    expect(expected, `${context}: 2xx although the shared parsers find problems`).toEqual([]);
    acknowledged++;
    if (endpoint.csv) {
      const gzipped = parseDownloadOptions(parsedQuery(query)).value.gzip;
      const type = endpoint.path.endsWith(".zip") ? /^application\/zip$/ : gzipped ? /^application\/gzip/ : /^text\/csv/;
      expect(response.headers.get("content-type"), context).toMatch(type);
      exportsAcknowledged++;
    }
    return;
  }
  const error = expectNamedError(response.status, parseOr(text, text), context);
  if (response.status === 400) {
    // Every parameter the declaration objects to is named, and nothing else is.
    const named = new Set(error.error.fields.map((f) => f.path));
    for (const path of expected) expect(named.has(path), `${context}: ${path} is not named`).toBe(true);
    for (const path of named) expect(expected.includes(path), `${context}: ${path} named without cause`).toBe(true);
  }
}

describe("analytics and responses APIs under generated hostile query strings", () => {
  it("answer 2xx only for valid parameters and otherwise name them, never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints).chain((e) => fc.tuple(fc.constant(e), queryFor(e.keys))),
        async ([endpoint, pairs]) => check(endpoint, pairs),
      ),
      fcOptions(600),
    );
  });
});

describe("CSV exports under generated hostile query strings", () => {
  it("answer 2xx only for valid parameters and otherwise name them, never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...exportEndpoints).chain((e) => fc.tuple(fc.constant(e), queryFor(e.keys))),
        async ([endpoint, pairs]) => check(endpoint, pairs),
      ),
      fcOptions(300),
    );
  });

  it("audited every export it acknowledged (and reached valid queries often enough)", async () => {
    // The endpoints come from the route declarations: all of today's are there.
    expect(endpoints.map((e) => e.path).sort()).toEqual([
      "/api/v1/analytics/compare",
      "/api/v1/analytics/findings",
      "/api/v1/analytics/overview",
      "/api/v1/analytics/trends",
      "/api/v1/findings/report.pdf",
      "/api/v1/responses",
    ]);
    expect(exportEndpoints).toHaveLength(9);
    expect(acknowledged).toBeGreaterThan(50);
    expect(exportsAcknowledged).toBeGreaterThan(10);
    // Other test files export in parallel: at least ours are there.
    expect((await auditRows()) - auditBefore).toBeGreaterThanOrEqual(exportsAcknowledged);
  });
});
