// The public results page's cache (lib/results/versioned-cache.ts): current values served as is,
// stale ones only within the window while one background computation runs, concurrent callers
// sharing one computation, failures never cached.
import { describe, expect, it } from "vitest";
import { VersionedCache } from "@/lib/results/versioned-cache";

function harness(maxEntries = 8) {
  let now = 0;
  const errors: unknown[] = [];
  const cache = new VersionedCache<string>(
    maxEntries,
    () => now,
    (error) => errors.push(error),
  );
  let calls = 0;
  const compute = (value: string) => () => {
    calls += 1;
    return Promise.resolve(value);
  };
  return { cache, compute, errors, calls: () => calls, advance: (ms: number) => (now += ms) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("VersionedCache", () => {
  it("computes once per version and serves the cached value while the version holds", async () => {
    const { cache, compute, calls } = harness();
    expect(await cache.get("w", "v1", 60_000, compute("a"))).toBe("a");
    expect(await cache.get("w", "v1", 60_000, compute("b"))).toBe("a");
    expect(calls()).toBe(1);
  });

  it("never caches without a version", async () => {
    const { cache, compute, calls } = harness();
    expect(await cache.get("w", null, 60_000, compute("a"))).toBe("a");
    expect(await cache.get("w", null, 60_000, compute("b"))).toBe("b");
    expect(calls()).toBe(2);
  });

  it("after a change, serves the previous value within the window and the new one once computed", async () => {
    const { cache, compute, calls, advance } = harness();
    await cache.get("w", "v1", 60_000, compute("a"));
    advance(30_000);
    let finish: (value: string) => void = () => undefined;
    const pending = () => new Promise<string>((resolve) => (finish = resolve));
    expect(await cache.get("w", "v2", 60_000, pending)).toBe("a");
    // A second reader before the refresh lands does not start another computation.
    expect(await cache.get("w", "v2", 60_000, compute("c"))).toBe("a");
    finish("b");
    await settle();
    expect(await cache.get("w", "v2", 60_000, compute("d"))).toBe("b");
    expect(calls()).toBe(1);
  });

  it("measures staleness from when the value was last known current, and waits past the window", async () => {
    const { cache, compute, advance } = harness();
    await cache.get("w", "v1", 60_000, compute("a"));
    advance(50_000);
    await cache.get("w", "v1", 60_000, compute("x")); // still current: confirmed again
    advance(50_000);
    expect(await cache.get("w", "v2", 60_000, compute("b"))).toBe("a");
    await settle();
    advance(61_000);
    expect(await cache.get("w", "v3", 60_000, compute("c"))).toBe("c");
  });

  it("with a window of 0 always gives the current version's value", async () => {
    const { cache, compute } = harness();
    await cache.get("w", "v1", 0, compute("a"));
    expect(await cache.get("w", "v2", 0, compute("b"))).toBe("b");
  });

  it("shares one computation between concurrent callers of the same version", async () => {
    const { cache, compute, calls } = harness();
    const [a, b] = await Promise.all([cache.get("w", "v1", 0, compute("a")), cache.get("w", "v1", 0, compute("b"))]);
    expect([a, b]).toEqual(["a", "a"]);
    expect(calls()).toBe(1);
  });

  it("does not cache a failure, and keeps serving the stale value when a refresh fails", async () => {
    const { cache, compute, errors } = harness();
    const boom = () => Promise.reject(new Error("boom"));
    await expect(cache.get("w", "v1", 60_000, boom)).rejects.toThrow("boom");
    expect(await cache.get("w", "v1", 60_000, compute("a"))).toBe("a");
    expect(await cache.get("w", "v2", 60_000, boom)).toBe("a");
    await settle();
    expect(errors).toHaveLength(1);
    // The failed refresh is retried by the next reader.
    expect(await cache.get("w", "v2", 60_000, compute("b"))).toBe("a");
    await settle();
    expect(await cache.get("w", "v2", 60_000, compute("c"))).toBe("b");
  });

  it("keeps at most maxEntries keys, dropping the least recently stored", async () => {
    const { cache, compute, calls } = harness(2);
    await cache.get("a", "v", 0, compute("a"));
    await cache.get("b", "v", 0, compute("b"));
    await cache.get("c", "v", 0, compute("c"));
    expect(await cache.get("c", "v", 0, compute("x"))).toBe("c");
    expect(await cache.get("a", "v", 0, compute("a2"))).toBe("a2");
    expect(calls()).toBe(4);
  });
});
