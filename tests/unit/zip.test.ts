// The bundle's ZIP writer read back by Info-ZIP's unzip (its own CRC check, `unzip -t`) and listed by
// it: a streamed member (data descriptor) between members of known size, UTF-8 names, an empty
// member; and cancelling the archive cancels the member being streamed.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { zipStream } from "@/lib/exports/zip";

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const streamOf = (parts: string[]) =>
  new ReadableStream<Uint8Array>({
    pull(c) {
      const next = parts.shift();
      if (next === undefined) c.close();
      else c.enqueue(new TextEncoder().encode(next));
    },
  });

describe("zipStream", () => {
  it("writes an archive unzip tests, lists and extracts byte for byte", async () => {
    const big = Array.from({ length: 2000 }, (_, i) => `"${i}","row ${i}","é"\n`);
    const dir = mkdtempSync(path.join(tmpdir(), "rr-zip-"));
    dirs.push(dir);
    const archive = zipStream(
      [
        { name: "data.csv", data: streamOf([...big]) },
        { name: "loader.R", data: "library(survey)\n" },
        { name: "empty.txt", data: "" },
        { name: "naïve.json", data: new TextEncoder().encode('{"a":1}') },
      ],
      new Date(Date.UTC(2026, 11, 2, 1, 30, 10)),
    );
    const bytes = new Uint8Array(await new Response(archive).arrayBuffer());
    writeFileSync(path.join(dir, "a.zip"), bytes);
    const tested = await run("unzip", ["-t", "a.zip"], { cwd: dir });
    expect(tested.stdout).toContain("No errors detected");
    const listed = await run("unzip", ["-Z1", "a.zip"], { cwd: dir });
    expect(listed.stdout.trim().split("\n")).toEqual(["data.csv", "loader.R", "empty.txt", "naïve.json"]);
    const verbose = await run("unzip", ["-l", "a.zip"], { cwd: dir });
    expect(verbose.stdout).toContain("2026-12-02 01:30");
    await run("unzip", ["-q", "a.zip", "-d", "out"], { cwd: dir });
    expect(readFileSync(path.join(dir, "out", "data.csv"), "utf8")).toBe(big.join(""));
    expect(readFileSync(path.join(dir, "out", "loader.R"), "utf8")).toBe("library(survey)\n");
    expect(readFileSync(path.join(dir, "out", "empty.txt"), "utf8")).toBe("");
    expect(readFileSync(path.join(dir, "out", "naïve.json"), "utf8")).toBe('{"a":1}');
  });

  it("cancels the streamed member when the archive is cancelled, before or while it is read", async () => {
    const cancelled: unknown[] = [];
    const member = (label: string) =>
      new ReadableStream<Uint8Array>({
        pull(c) {
          c.enqueue(new Uint8Array([1, 2, 3]));
        },
        cancel() {
          cancelled.push(label);
        },
      });
    const unread = zipStream([
      { name: "a.txt", data: "a" },
      { name: "b.csv", data: member("unread") },
    ]);
    await unread.cancel("gone");
    const reading = zipStream([{ name: "b.csv", data: member("reading") }]);
    const reader = reading.getReader();
    await reader.read(); // the local header
    await reader.read(); // the first bytes of the member
    await reader.cancel("gone");
    expect(cancelled).toEqual(["unread", "reading"]);
  });
});
