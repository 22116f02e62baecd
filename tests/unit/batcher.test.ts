import { describe, expect, it } from "vitest";
import { Batcher } from "@/lib/db/batcher";

function deferred() {
  let release = () => {};
  const done = new Promise<void>((resolve) => (release = resolve));
  return { done, release };
}

describe("Batcher", () => {
  it("runs a lone call at once, in a batch of its own", async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>(
      async (items) => {
        batches.push(items);
        return items.map((n) => n * 2);
      },
      2,
      10,
    );
    expect(await batcher.add(21)).toBe(42);
    expect(batches).toEqual([[21]]);
  });

  it("groups calls that arrive while every slot is busy, in order, up to the maximum size", async () => {
    const gate = deferred();
    const batches: number[][] = [];
    const batcher = new Batcher<number, string>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate.done;
        return items.map((n) => `#${n}`);
      },
      1,
      3,
    );
    const results = Promise.all([1, 2, 3, 4, 5, 6].map((n) => batcher.add(n)));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(batches).toEqual([[1]]);
    gate.release();
    expect(await results).toEqual(["#1", "#2", "#3", "#4", "#5", "#6"]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it("fails every call of a failed batch, and goes on with the next", async () => {
    let calls = 0;
    const batcher = new Batcher<number, number>(
      async (items) => {
        calls++;
        if (items.includes(13)) throw new Error("unlucky");
        return items;
      },
      1,
      10,
    );
    await expect(batcher.add(13)).rejects.toThrow("unlucky");
    expect(await batcher.add(7)).toBe(7);
    expect(calls).toBe(2);
  });

  it("refuses a run that answers with the wrong number of results", async () => {
    const batcher = new Batcher<number, number>(async () => [], 1, 10);
    await expect(batcher.add(1)).rejects.toThrow("batch of 1 returned 0 results");
  });
});
