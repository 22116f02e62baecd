// The one query-string parser every route and page uses (lib/api/query.ts), the filter schemas
// built from the instrument, and the explorer's cursor decoding.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseFilters } from "@/lib/analytics/filter-schema";
import { closestName, flagParameter, parseQuery } from "@/lib/api/query";
import { decodeCursor, encodeCursor, parseExplorerParams } from "@/lib/responses/params";
import { CURRENT_WAVE, instrumentV1 } from "@/lib/survey/instrument";

const q = (text: string) => new URLSearchParams(text);
const shape = {
  mode: z.enum(["a", "b"], { error: "must be a or b" }).default("a"),
  tags: z.array(z.enum(["x", "y", "z"], { error: "is not a tag" })).optional(),
  gzip: flagParameter("compress"),
};

describe("parseQuery", () => {
  it("parses singles, lists (repeated or comma-separated) and flags", () => {
    expect(parseQuery(shape, q("mode=b&tags=x,y&tags=z&gzip=1"))).toEqual({
      value: { mode: "b", tags: ["x", "y", "z"], gzip: true },
      problems: [],
    });
    expect(parseQuery(shape, q(""))).toEqual({ value: { mode: "a", tags: undefined, gzip: false }, problems: [] });
  });

  it("names unknown parameters, with a hint for a misspelling", () => {
    const { problems } = parseQuery(shape, q("tgas=x&whatever=1"));
    expect(problems).toEqual([
      { path: "tgas", message: "is not a parameter here (did you mean tags?)" },
      { path: "whatever", message: "is not a parameter here" },
    ]);
    expect(closestName("industy", ["industry", "region"])).toBe("industry");
    expect(closestName("zzz", ["industry"])).toBeNull();
  });

  it("refuses a single parameter given twice, and keeps the valid items of a list", () => {
    const { value, problems } = parseQuery(shape, q("mode=a&mode=b&tags=x,nope&gzip=2"));
    expect(value).toEqual({ mode: "a", tags: ["x"], gzip: false });
    expect(problems).toEqual([
      { path: "mode", message: "may be given once" },
      { path: "tags", message: '"nope": is not a tag' },
      { path: "gzip", message: 'must be "0" or "1"' },
    ]);
  });

  it("treats empty values as absent, as an HTML form sends them", () => {
    expect(parseQuery(shape, q("mode=&tags=&gzip="))).toEqual({ value: { mode: "a", tags: undefined, gzip: false }, problems: [] });
  });
});

describe("filter schemas", () => {
  const waves = [CURRENT_WAVE.code];
  it("accept the instrument's option ids and real calendar days", () => {
    const { filters, problems } = parseFilters(q("industry=technology,healthcare&from=2026-01-31&to=2026-02-28"), instrumentV1, waves);
    expect(problems).toEqual([]);
    expect(filters.segments.industry).toEqual(["technology", "healthcare"]);
    expect(filters.from).toBe("2026-01-31");
  });

  it("refuse days PostgreSQL cannot hold or that do not exist, naming the parameter", () => {
    for (const day of ["0000-01-01", "2026-02-30", "2026-13-01", "1899-12-31", "26-01-01", "2026-1-1"]) {
      const { problems } = parseFilters(q(`from=${day}`), instrumentV1, waves);
      expect(
        problems.map((p) => p.path),
        day,
      ).toEqual(["from"]);
    }
    expect(parseFilters(q("from=9999-12-31"), instrumentV1, waves).problems).toEqual([]);
  });

  it("refuse a range that runs backwards, unknown waves and option ids", () => {
    const { problems } = parseFilters(q("from=2026-05-02&to=2026-05-01&wave=1999-Q1&region=atlantis"), instrumentV1, waves);
    expect(problems.map((p) => p.path).sort()).toEqual(["region", "to", "wave"]);
  });
});

describe("explorer cursors", () => {
  const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const good = { v: "2026-11-29T10:00:00.000Z", id: "3f2b8c1e-9a4d-4c2b-8f1e-2b3c4d5e6f70", d: "after", s: "submitted_at", o: 50 } as const;

  it("round-trip", () => {
    expect(decodeCursor(encodeCursor(good), "submitted_at")).toEqual(good);
    expect(decodeCursor(encodeCursor({ ...good, v: 57.25, s: "readiness_index" }), "readiness_index")).toMatchObject({ v: 57.25 });
  });

  it("refuse forged fields by name instead of reaching the database", () => {
    const forged = [
      { ...good, v: "2026-13-45T99:99:99.999Z" },
      { ...good, v: "0000-01-01T00:00:00.000Z" },
      { ...good, id: "-".repeat(36) },
      { ...good, id: "g".repeat(36) },
      { ...good, id: "0".repeat(36) },
      { ...good, d: "sideways" },
      { ...good, o: -1 },
      { ...good, o: 1e300 },
      { ...good, o: 0.5 },
      { ...good, extra: 1 },
      { ...good, s: "readiness_index", v: 1e300 },
      { ...good, s: "industry", v: "tech\u0000nology" },
      { ...good, s: "industry", v: "\ud800" },
    ];
    for (const cursor of forged) {
      const sort = cursor.s as Parameters<typeof decodeCursor>[1];
      expect(decodeCursor(raw(cursor), sort), JSON.stringify(cursor)).toEqual({
        problem: { path: "cursor", message: "is not a valid cursor for this sort order" },
      });
    }
    expect(decodeCursor("not-base64-json", "submitted_at")).toHaveProperty("problem");
    expect(decodeCursor(encodeCursor(good), "started_at")).toHaveProperty("problem");
  });

  it("are checked with the other explorer parameters", () => {
    expect(parseExplorerParams(q(`cursor=${raw({ ...good, id: "-".repeat(36) })}&limit=7`)).problems.map((p) => p.path)).toEqual([
      "limit",
      "cursor",
    ]);
  });
});
