// Inputs an outside audit turned into 500s: forged explorer cursors, dates PostgreSQL cannot
// hold, and a garbage router-state header on pages. Each must be a 4xx naming what was wrong
// (pages: a notice), never a 500. Server actions without a session: tests/e2e/session-expiry.
import { beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../helpers/auth";
import { testEnv } from "../helpers/env";
import { api, type ErrorBody } from "../helpers/http";

let admin = "";

beforeAll(async () => {
  admin = await signIn();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const good = { v: "2026-11-29T10:00:00.000Z", id: "3f2b8c1e-9a4d-4c2b-8f1e-2b3c4d5e6f70", d: "after", s: "submitted_at", o: 0 };
const FORGED_CURSORS: [string, Record<string, unknown>, string?][] = [
  ["month 13", { ...good, v: "2026-13-45T10:00:00.000Z" }],
  ["year 0000", { ...good, v: "0000-01-01T00:00:00.000Z" }],
  ["an id of 36 dashes", { ...good, id: "-".repeat(36) }],
  ["an id of 36 hex digits", { ...good, id: "a".repeat(36) }],
  ["v=1e300 sorting by readiness", { ...good, s: "readiness_index", v: 1e300 }, "sort=readiness_index"],
  ["NUL in a text value", { ...good, s: "industry", v: "tech\u0000" }, "sort=industry"],
  ["a lone surrogate", { ...good, s: "industry", v: "\ud800x" }, "sort=industry"],
  ["a negative offset", { ...good, o: -5 }],
];

describe("forged explorer cursors", () => {
  it.each(FORGED_CURSORS)("%s: the API answers 400 naming cursor", async (_name, cursor, extra) => {
    const response = await api<ErrorBody>(`/api/v1/responses?cursor=${b64(cursor)}${extra ? `&${extra}` : ""}`, { cookie: admin });
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.error.fields.map((f) => f.path)).toEqual(["cursor"]);
  });

  it.each(FORGED_CURSORS)("%s: the explorer page shows the first page with a notice", async (_name, cursor, extra) => {
    const response = await api<string>(`/dashboard/responses?cursor=${b64(cursor)}${extra ? `&${extra}` : ""}`, { cookie: admin });
    expect(response.status).toBe(200);
    expect(response.body).toContain("is not a valid cursor for this sort order");
  });
});

const DATED = [
  "/api/v1/analytics/overview?",
  "/api/v1/analytics/findings?",
  "/api/v1/responses?",
  "/api/v1/exports/responses.csv?",
  "/api/v1/exports/overview.csv?",
  "/api/v1/exports/findings.csv?",
];

describe("dates outside what PostgreSQL can hold", () => {
  it.each(DATED)("%s from=0000-01-01 answers 400 naming from (and to= is simply absent)", async (path) => {
    const response = await api<ErrorBody>(`${path}from=0000-01-01&to=`, { cookie: admin });
    expect(response.status, JSON.stringify(response.body).slice(0, 200)).toBe(400);
    expect(response.body.error.fields.map((f) => f.path)).toEqual(["from"]);
  });

  it("the comparison names a_from and b_to", async () => {
    const response = await api<ErrorBody>(`/api/v1/analytics/compare?a_from=0000-01-01&b=custom&b_to=0000-12-31`, { cookie: admin });
    expect(response.status).toBe(400);
    expect(response.body.error.fields.map((f) => f.path).sort()).toEqual(["a_from", "b_to"]);
  });

  it.each(["/dashboard", "/dashboard/findings", "/dashboard/responses", "/dashboard/compare?a_from=0000-01-01"])(
    "%s shows a notice instead of failing",
    async (path) => {
      const response = await api<string>(path.includes("?") ? path : `${path}?from=0000-01-01`, { cookie: admin });
      expect(response.status).toBe(200);
      expect(response.body).toContain("must be a real calendar day");
    },
  );
});

describe("a router-state header Next.js cannot parse", () => {
  it.each(["/", "/dashboard", "/survey/ai-readiness", "/architectures/hybrid_split", "/login"])("%s answers 400, not 500", async (path) => {
    for (const state of ["garbage", "%7B%7D", encodeURIComponent(JSON.stringify(["", { children: "x" }])), "%E0%A4%A"]) {
      const response = await fetch(`${testEnv.baseUrl}${path}`, {
        headers: { cookie: admin, rsc: "1", "next-router-state-tree": state },
        redirect: "manual",
      });
      expect(response.status, `${path} with ${state}`).toBe(400);
      expect(((await response.json()) as ErrorBody).error.fields[0]?.path).toBe("Next-Router-State-Tree");
    }
    // The real header a browser sends still works.
    const real = encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }]));
    const ok = await fetch(`${testEnv.baseUrl}${path}`, {
      headers: { cookie: admin, rsc: "1", "next-router-state-tree": real },
      redirect: "manual",
    });
    expect(ok.status).toBeLessThan(400);
  });
});
