// Modules keep per-process instances on globalThis (Next.js may load a module in several bundles).
// Two modules once used the same key: the columnar replica replaced the replica's Prisma client, and
// every explorer request answered 500 when DATABASE_REPLICA_URL was set. Each key has one owner.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("process singletons on globalThis", () => {
  it("each key is declared by one module only", () => {
    const owners = new Map<string, string[]>();
    for (const file of ["lib", "scripts"].flatMap((dir) => sourceFiles(dir))) {
      const text = readFileSync(file, "utf8");
      const declarations = [...text.matchAll(/globalThis as unknown as \{([^}]*)\}/g)].map((m) => m[1] ?? "");
      for (const body of declarations) {
        for (const key of body.matchAll(/(\w+)\?:/g)) {
          const name = key[1] ?? "";
          owners.set(name, [...(owners.get(name) ?? []), file]);
        }
      }
    }
    expect(owners.size).toBeGreaterThan(5);
    const shared = [...owners].filter(([, files]) => new Set(files).size > 1);
    expect(shared).toEqual([]);
  });
});
