import { describe, expect, it } from "vitest";
import { snapshotCutoff, snapshotEnd, type DailyCount } from "@/lib/survey/peer-snapshot";

const days = (...counts: number[]): DailyCount[] => counts.map((n, i) => ({ day: `2026-11-${String(i + 1).padStart(2, "0")}`, n }));

/** The totals of every snapshot a visitor could see as the days go by, one day at a time. */
function visibleTotals(all: DailyCount[], k: number): number[] {
  const totals: number[] = [];
  for (let upTo = 1; upTo <= all.length; upTo++) {
    const seen = all.slice(0, upTo);
    const cutoff = snapshotCutoff(seen, k);
    totals.push(cutoff === null ? 0 : seen.filter((d) => d.day <= cutoff).reduce((sum, d) => sum + d.n, 0));
  }
  return totals;
}

describe("the peer snapshot", () => {
  it("is empty until k peers have submitted on days that are over", () => {
    expect(snapshotCutoff(days(1, 2, 1), 5)).toBeNull();
    expect(snapshotCutoff(days(1, 2, 2), 5)).toBe("2026-11-03");
  });

  it("advances only when at least k more peers have come, so two snapshots never differ by 1..k-1 people", () => {
    expect(snapshotCutoff(days(5, 1, 1, 1), 5)).toBe("2026-11-01");
    expect(snapshotCutoff(days(5, 1, 1, 1, 1, 1), 5)).toBe("2026-11-06");
    // Random traffic, including quiet days and single arrivals: every step is 0 or >= k.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 200; run++) {
      const k = 2 + Math.floor(random() * 9);
      const traffic = days(...Array.from({ length: 28 }, () => Math.floor(random() * random() * 8)));
      const totals = visibleTotals(traffic, k);
      for (let i = 1; i < totals.length; i++) {
        const step = totals[i]! - totals[i - 1]!;
        expect(step === 0 || step >= k, `k=${k} totals=${totals.join(",")}`).toBe(true);
      }
    }
  });

  it("ends at midnight UTC after its last day", () => {
    expect(snapshotEnd("2026-12-31").toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
});
