// Query strings parsed with zod, the same way for every route and page: each parameter has a
// schema in a zod object shape; a parameter whose schema is an array may repeat (and may list
// values separated by commas), any other may appear once; parameters the shape does not name
// are refused by name (with a "did you mean" hint). Problems are collected per parameter, so an
// API answers one 400 naming every bad parameter, and a page can show them as notices while
// using what was valid. Pure (no server-only): unit tests and the OpenAPI generator use it too.
import { z } from "zod";
import type { FieldIssue } from "@/lib/errors";

export type QueryShape = Record<string, z.ZodType>;
export type QueryValue<S extends QueryShape> = { [K in keyof S]: z.output<S[K]> };

export interface ParsedQuery<T> {
  /** Every parameter's parsed value; a bad parameter falls back to its default (or undefined). */
  value: T;
  problems: FieldIssue[];
}

/** Wrappers that do not change whether a parameter is a list. */
const TRANSPARENT = new Set(["optional", "default", "prefault", "nullable", "catch", "readonly"]);

/** The schema under optional/default/… wrappers (and the input side of a pipe). */
export function innerSchema(schema: z.ZodType): z.ZodType {
  let current = schema as z.ZodType & { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } } };
  for (let guard = 0; guard < 20; guard++) {
    const def = current._zod.def;
    if (TRANSPARENT.has(def.type) && def.innerType) current = def.innerType as typeof current;
    else if (def.type === "pipe" && def.in) current = def.in as typeof current;
    else break;
  }
  return current;
}

/** True when the parameter takes a list (repeatable, comma-separated values allowed). */
export function isListParameter(schema: z.ZodType): boolean {
  return (innerSchema(schema)._zod.def as { type: string }).type === "array";
}

/** "industy" → "industry": the closest known name within two edits, if any. */
export function closestName(name: string, known: string[]): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name ?? null;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The first message of a failed parse, for a parameter-level problem. */
function messageOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue?.message ?? "is invalid";
}

/** A value quoted in a message (shortened: messages echo input, they need not carry all of it). */
const describeValue = (value: string) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;

/**
 * Parses `params` against `shape`. Empty values count as absent (an HTML form sends `to=` for
 * an empty date field). Lists keep their valid items and name each invalid one.
 */
export function parseQuery<S extends QueryShape>(shape: S, params: URLSearchParams): ParsedQuery<QueryValue<S>> {
  const problems: FieldIssue[] = [];
  const known = Object.keys(shape);
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (Object.hasOwn(shape, key)) continue;
    const hint = closestName(key, known);
    problems.push({ path: key || "query", message: `is not a parameter here${hint ? ` (did you mean ${hint}?)` : ""}` });
  }
  const value: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const given = params.getAll(key);
    if (isListParameter(schema)) {
      const items = given.flatMap((v) => v.split(",")).map((v) => v.trim());
      const present = items.filter((v) => v !== "");
      const parsed = schema.safeParse(present.length ? present : undefined);
      if (parsed.success) {
        value[key] = parsed.data;
        continue;
      }
      // Keep the valid items: the item schema judges each one alone.
      const item = (innerSchema(schema)._zod.def as unknown as { element: z.ZodType }).element;
      const kept: unknown[] = [];
      for (const raw of present) {
        const one = item.safeParse(raw);
        if (one.success) kept.push(one.data);
        else problems.push({ path: key, message: `${describeValue(raw)}: ${messageOf(one.error)}` });
      }
      const retry = schema.safeParse(kept.length ? kept : undefined);
      if (retry.success) value[key] = retry.data;
      else {
        if (!problems.some((p) => p.path === key)) problems.push({ path: key, message: messageOf(retry.error) });
        value[key] = fallback(schema);
      }
      continue;
    }
    const nonEmpty = given.map((v) => v.trim()).filter((v) => v !== "");
    if (nonEmpty.length > 1) {
      problems.push({ path: key, message: "may be given once" });
      value[key] = fallback(schema);
      continue;
    }
    const parsed = schema.safeParse(nonEmpty[0]);
    if (parsed.success) value[key] = parsed.data;
    else {
      problems.push({ path: key, message: messageOf(parsed.error) });
      value[key] = fallback(schema);
    }
  }
  return { value: value as QueryValue<S>, problems };
}

function fallback(schema: z.ZodType): unknown {
  const parsed = schema.safeParse(undefined);
  return parsed.success ? parsed.data : undefined;
}

/** The same shape with every key prefixed (segment A's a_industry, B's b_industry…). */
export function prefixShape<S extends QueryShape>(shape: S, prefix: string): QueryShape {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [`${prefix}${key}`, schema]));
}

/** Takes the `prefix`ed keys of a parsed value back off (a_industry → industry). */
export function unprefix<T>(value: Record<string, unknown>, prefix: string, keys: string[]): T {
  return Object.fromEntries(keys.map((key) => [key, value[`${prefix}${key}`]])) as T;
}

/** A flag parameter: "0" or "1" (bom=1, gzip=1). */
export const flagParameter = (description: string) =>
  z
    .enum(["0", "1"], { error: 'must be "0" or "1"' })
    .optional()
    .transform((v) => v === "1")
    .describe(description);
