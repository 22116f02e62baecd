// Where a respondent stands among peers, in words that are true under the suppression rule, and
// their stage of readiness.
import { describe, expect, it } from "vitest";
import { describeStanding, percent } from "@/components/result/standing";
import { coarseShare, peerMinimum } from "@/lib/survey/results";
import { instrumentV1 } from "@/lib/survey/instrument";
import { readinessStage, standingOf } from "@/lib/survey/results";

const K = 5;

describe("standingOf", () => {
  it("gives the share only when both sides hold none or at least k peers", () => {
    expect(standingOf(95, 380, K)).toEqual({ kind: "share", shareBelow: 0.25 });
    expect(standingOf(0, 380, K)).toEqual({ kind: "share", shareBelow: 0 });
    expect(standingOf(380, 380, K)).toEqual({ kind: "share", shareBelow: 1 });
    expect(standingOf(5, 380, K)).toEqual({ kind: "share", shareBelow: 5 / 380 });
    expect(standingOf(375, 380, K)).toEqual({ kind: "share", shareBelow: 375 / 380 });
  });

  it("places the respondent in the lowest or highest group when one side holds 1..k-1 peers", () => {
    for (const below of [1, 2, 3, 4]) expect(standingOf(below, 380, K)).toEqual({ kind: "lowest" });
    for (const below of [376, 377, 378, 379]) expect(standingOf(below, 380, K)).toEqual({ kind: "highest" });
  });

  it("says nothing more precise when both sides are small, and nothing at all under k peers", () => {
    expect(standingOf(3, 7, K)).toEqual({ kind: "unplaced" });
    expect(standingOf(2, 4, K)).toEqual({ kind: "too_few" });
    expect(standingOf(0, 0, K)).toEqual({ kind: "too_few" });
  });
});

describe("describeStanding", () => {
  const peer = (n: number | null, standing: Parameters<typeof describeStanding>[0]["standing"]) => ({
    label: "Financial services",
    n,
    standing,
  });

  it("says what is true in every case, never 'not enough peers' for a large group", () => {
    expect(describeStanding(peer(380, { kind: "share", shareBelow: 0.25 }), K)).toBe(
      "You score higher than 25% of your 380 peers in Financial services.",
    );
    expect(describeStanding(peer(380, { kind: "lowest" }), K)).toBe(
      "You score in the lowest group of your 380 peers in Financial services: fewer than 5 of them score lower.",
    );
    expect(describeStanding(peer(1200, { kind: "highest" }), K)).toBe(
      "You score in the highest group of your 1,200 peers in Financial services: fewer than 5 of them score the same or higher.",
    );
    expect(describeStanding(peer(7, { kind: "unplaced" }), K)).toBe(
      "Your place among your 7 peers in Financial services is withheld: fewer than 5 of them score on each side of you.",
    );
    expect(describeStanding(peer(null, { kind: "too_few" }), K)).toBe(
      "Not enough peers in Financial services yet to compare: fewer than 5 peers so far.",
    );
    expect(describeStanding(peer(380, { kind: "share", shareBelow: 0 }), K)).toBe(
      "None of your 380 peers in Financial services scores lower than you.",
    );
    expect(describeStanding(peer(380, { kind: "share", shareBelow: 1 }), K)).toBe(
      "You score higher than all 380 of your peers in Financial services.",
    );
    for (const standing of [{ kind: "lowest" }, { kind: "highest" }, { kind: "unplaced" }, { kind: "share", shareBelow: 0.5 }] as const)
      expect(describeStanding(peer(380, standing), K)).not.toMatch(/not enough/i);
  });

  it("never rounds a share to a false 0% or 100%", () => {
    expect(percent(5 / 2000)).toBe("less than 1%");
    expect(percent(1995 / 2000)).toBe("more than 99%");
    expect(percent(0.5)).toBe("50%");
  });
});

describe("readinessStage", () => {
  it("is the label of the 1-5 readiness scale nearest to the mean rating behind the index", () => {
    const stage = (index: number) => readinessStage(instrumentV1, index);
    expect(stage(0)).toEqual({ label: "Absent", level: 1, levels: 5 });
    expect(stage(12.4).label).toBe("Absent");
    expect(stage(12.5).label).toBe("Ad hoc");
    expect(stage(43).label).toBe("Developing");
    expect(stage(62.5).label).toBe("Established");
    expect(stage(100)).toEqual({ label: "Leading", level: 5, levels: 5 });
  });
});

describe("peer figures on the result page", () => {
  it("say how many peers a group needs before it is compared", () => {
    expect(describeStanding({ label: "Retail", n: null, standing: { kind: "too_few" } }, 5, 50)).toBe(
      "Not enough peers in Retail yet to compare: fewer than 50 peers so far.",
    );
  });

  it("round shares to steps of k/n, so one person moves nothing shown, and never to a false 0% or 100%", () => {
    expect(peerMinimum(5)).toBe(50);
    expect(peerMinimum(10)).toBe(100);
    expect(coarseShare(23, 50, 5)).toBeCloseTo(0.5, 10); // steps of 10%
    expect(coarseShare(24, 50, 5)).toBeCloseTo(0.5, 10);
    expect(coarseShare(5, 50, 5)).toBeCloseTo(0.1, 10);
    expect(coarseShare(5, 1000, 5)).toBeCloseTo(0.01, 10); // steps of 1%: 0.5% shows as 1%, not 0%
    expect(coarseShare(995, 1000, 5)).toBeCloseTo(0.99, 10);
    expect(coarseShare(0, 80, 5)).toBe(0);
    expect(coarseShare(80, 80, 5)).toBe(1);
  });
});
