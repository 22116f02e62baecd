// Guard: code finds questions by role in the wave's own instrument, never by the id of one
// instrument version. Scans lib/, components/, app/ and scripts/ for question ids of the bundled
// instruments (lib/survey/instruments/*.json) and fails naming file:line.
//
// Two checks:
// - a string literal equal to a question id. Ids that are also role names ("region", "concerns")
//   or option codes ("on_device") are the semantic vocabulary and are allowed as plain literals;
// - any question id, role-named ones included, used to reach into answers: SQL `->>'id'` / `->'id'`
//   / `? 'id'`, `answers.id`, `answers["id"]`, or findQuestion(…, "id").
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { instrumentSchema } from "@/lib/survey/instrument-schema";
import { ROLES, codeOf } from "@/lib/survey/roles";

const ROOT = path.resolve(__dirname, "../..");
const INSTRUMENTS = path.join(ROOT, "lib/survey/instruments");
const SCANNED = ["lib", "components", "app", "scripts"];
const SKIPPED = [INSTRUMENTS, path.join(ROOT, "lib/generated")];

const instruments = readdirSync(INSTRUMENTS)
  .filter((name) => name.endsWith(".json"))
  .map((name) => instrumentSchema.parse(JSON.parse(readFileSync(path.join(INSTRUMENTS, name), "utf8"))));
const questionIds = new Set(instruments.flatMap((i) => i.sections.flatMap((s) => s.questions.map((q) => q.id))));
const vocabulary = new Set<string>([
  ...ROLES,
  ...instruments.flatMap((i) => i.sections.flatMap((s) => s.questions.flatMap((q) => ("options" in q ? q.options.map(codeOf) : [])))),
]);
const literalIds = [...questionIds].filter((id) => !vocabulary.has(id));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const any = (ids: Iterable<string>) => [...ids].map(escape).join("|");

const PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: "question id as a string literal", pattern: new RegExp(`(["'\`])(${any(literalIds)})\\1`) },
  { what: "question id in SQL on answers", pattern: new RegExp(`(->>?|\\?)\\s*'(${any(questionIds)})'`) },
  {
    what: "question id as an answers key",
    pattern: new RegExp(`answers\\??\\.(${any(questionIds)})\\b|answers\\[\\s*["'\`](${any(questionIds)})["'\`]\\s*\\]`),
  },
  { what: "question looked up by id", pattern: new RegExp(`findQuestion\\([^,()]+,\\s*["'\`](${any(questionIds)})["'\`]`) },
];

function sourceFiles(dir: string): string[] {
  if (SKIPPED.some((skipped) => dir === skipped)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|js|mjs)$/.test(name) ? [full] : [];
  });
}

/** Every offending line as "file:line: what (text)". */
export function findQuestionIds(files: string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        for (const { what, pattern } of PATTERNS) {
          const match = pattern.exec(line);
          if (match) problems.push(`${path.relative(ROOT, file)}:${i + 1}: ${what} (${match[0]})`);
        }
      });
  }
  return problems;
}

describe("question ids of the bundled instruments", () => {
  it("are known (the guard has something to look for)", () => {
    expect(questionIds.size).toBeGreaterThan(10);
    expect(literalIds.length).toBeGreaterThan(5);
  });

  it("appear nowhere in lib/, components/, app/ or scripts/ outside the instrument files", () => {
    const files = SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(50);
    expect(findQuestionIds(files)).toEqual([]);
  });

  it("catches each way of wiring code to an id", () => {
    const [literal] = literalIds;
    const sample = (text: string) => PATTERNS.some(({ pattern }) => pattern.test(text));
    expect(sample(`const q = "${literal}";`)).toBe(true);
    expect(sample("SELECT answers->>'region' FROM response")).toBe(true);
    expect(sample("const r = answers.region;")).toBe(true);
    expect(sample('const r = answers["concerns"];')).toBe(true);
    expect(sample('findQuestion(instrument, "region")')).toBe(true);
    expect(sample('questionByRole(instrument, "region")')).toBe(false);
  });
});
