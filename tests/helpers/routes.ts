// Every route the app serves, read from app/ at test time: a page.tsx is a page, a route.ts (or
// route.tsx, e.g. an image rendered from JSX) is a route handler with the HTTP methods it exports. Security tests iterate over this list, so a
// route added later is tested (and must be classified) without anyone remembering to.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export const APP_DIR = path.resolve(import.meta.dirname, "..", "..", "app");
const METHOD_EXPORT = /export\s+(?:const|let|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g;

export interface AppRoute {
  /** URL pattern as in the file system, e.g. "/dashboard/responses/[id]". */
  pattern: string;
  kind: "page" | "api";
  /** Exported HTTP methods (pages: GET, plus POST for server actions where a form posts). */
  methods: string[];
  file: string;
}

export function discoverRoutes(dir = APP_DIR, segments: string[] = []): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_")) continue; // private folders are not routes
      if (entry.name.startsWith("@")) throw new Error(`parallel route slot ${full}: teach tests/helpers/routes.ts about slots`);
      const isGroup = entry.name.startsWith("(") && entry.name.endsWith(")");
      routes.push(...discoverRoutes(full, isGroup ? segments : [...segments, entry.name]));
      continue;
    }
    const pattern = `/${segments.join("/")}`;
    const file = path.relative(path.dirname(APP_DIR), full);
    if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name)) routes.push({ pattern, kind: "page", methods: ["GET"], file });
    if (/^route\.(ts|tsx|js|jsx)$/.test(entry.name)) {
      const methods = [...new Set([...readFileSync(full, "utf8").matchAll(METHOD_EXPORT)].map((m) => m[1]!))];
      if (methods.length === 0)
        throw new Error(`${file} exports no HTTP method this test recognises (export const GET = … / export async function GET)`);
      routes.push({ pattern, kind: "api", methods, file });
    }
  }
  return routes;
}

/** The dynamic segments of a pattern: "[slug]" → slug, "[...all]" → all, "[[...x]]" → x. */
export function paramsOf(pattern: string): string[] {
  return [...pattern.matchAll(/\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g)].map((m) => m[1]!);
}

/** Fills a pattern's dynamic segments from `values` (keyed by parameter name). */
export function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for [${name}] in ${pattern}`);
    return value.split("/").map(encodeURIComponent).join("/");
  });
}

/**
 * Every combination of the sample values given per parameter of a pattern, for "real" and
 * "junk" values separately. `samples(pattern, param)` returns the candidate values.
 */
export function expand(pattern: string, samples: (pattern: string, param: string) => string[]): string[] {
  let combos: Record<string, string>[] = [{}];
  for (const param of paramsOf(pattern)) {
    const values = samples(pattern, param);
    if (values.length === 0) throw new Error(`no sample values for [${param}] in ${pattern}: add them to the security test`);
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [param]: v })));
  }
  return combos.map((c) => fill(pattern, c));
}
