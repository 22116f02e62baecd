import { mulberry32 } from "@/lib/stats/random";

/** mulberry32: a tiny, fast, deterministic PRNG. Same seed, same sequence, on every machine. */
export function createRandom(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    /** True with probability p. */
    chance: (p: number) => next() < p,
    /** Standard normal via Box-Muller. */
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    /** Picks a key with probability proportional to its weight. */
    weighted<K extends string>(weights: Record<K, number>): K {
      const entries = Object.entries(weights) as [K, number][];
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll <= 0) return key;
      }
      return (entries.at(-1) as [K, number])[0];
    },
  };
}

export type Random = ReturnType<typeof createRandom>;
