// A wave definition as an admin hands it in (pasted or uploaded JSON text, or an already parsed
// value from the API) turned into a validated instrument, or into every problem at once, each
// named by its path in the definition ("sections[2].questions[0].options"). JSON only: YAML
// would need a parser package the project does not carry.
import type { z } from "zod";
import type { FieldIssue } from "@/lib/errors";
import { instrumentSchema, type Instrument } from "@/lib/survey/instrument-schema";

/** Largest definition accepted, in characters (v1 is about 12 KB). */
export const MAX_DEFINITION_CHARS = 256 * 1024;

export type DefinitionCheck = { ok: true; instrument: Instrument } | { ok: false; issues: FieldIssue[] };

/** "sections[2].questions[0].options"; the whole definition is "definition". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "definition";
}

/** Every zod issue as a path and message; unions report their innermost problems, not "invalid input". */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const walk = (list: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]) => {
    for (const issue of list) {
      const path = [...prefix, ...issue.path];
      if (issue.code === "invalid_union" && issue.errors.length > 0) {
        // A discriminated union with a known discriminator has one branch; otherwise name the union.
        const branch = issue.errors.length === 1 ? issue.errors[0] : undefined;
        if (branch) {
          walk(branch, path);
          continue;
        }
      }
      issues.push({ path: formatPath(path), message: issue.message });
    }
  };
  walk(error.issues, []);
  // One line per path and message, in document order of discovery.
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

/** Parses JSON text, naming where it breaks. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; issues: FieldIssue[] } {
  if (text.length > MAX_DEFINITION_CHARS) {
    return {
      ok: false,
      issues: [{ path: "definition", message: `must be at most ${MAX_DEFINITION_CHARS.toLocaleString("en")} characters` }],
    };
  }
  if (!text.trim()) return { ok: false, issues: [{ path: "definition", message: "is empty; paste or upload a JSON definition" }] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? "" : ` (${lineAndColumn(text, Number(position))})`;
    return { ok: false, issues: [{ path: "definition", message: `is not valid JSON${where}: ${message}` }] };
  }
}

/** Validates a parsed definition against the instrument schema. */
export function checkDefinition(value: unknown): DefinitionCheck {
  const parsed = instrumentSchema.safeParse(value);
  return parsed.success ? { ok: true, instrument: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}

/** Validates definition text (JSON). */
export function checkDefinitionText(text: string): DefinitionCheck {
  const json = parseJsonText(text);
  return json.ok ? checkDefinition(json.value) : json;
}
