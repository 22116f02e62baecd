import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPersonalResult } from "@/lib/survey/results";
import { getOpenWave } from "@/lib/survey/waves";
import { validAnswers } from "../helpers/answers";
import { backdateResponses, closeTestPool, createTestSurvey, insertCompleteResponses } from "../helpers/db";
import { api, cookieFrom } from "../helpers/http";
import { instrumentV1 } from "@/lib/survey/instrument";
import { countNoise } from "@/lib/privacy/cellkey";
import { findKey, isExactKey, setRecordKeys as setKey } from "../helpers/record-keys";

/**
 * Peer figures are protected (cell-key perturbation, docs/PRIVACY.md), from random record keys. The
 * tests fix the keys so the figures are known: every peer's key 0 except the first region peer's,
 * V, whose cell key leaves the region's count and strategy sum exact; the first newcomer W, the
 * others 0: five newcomers in one day (key W) reach k when published, and with V the 55 peers stay exact.
 */
const V = findKey((key) => isExactKey(key, "dim_strategy"));
const W = findKey((w) => countNoise(5, w) >= 0 && isExactKey((V + w) % 256, "dim_strategy"));

let slug: string;

async function submitPeer(answers: ReturnType<typeof validAnswers>): Promise<string> {
  const r = await api<{ id: string }>(`/api/v1/surveys/${slug}/responses`, {
    method: "POST",
    body: { answers },
    headers: { "Idempotency-Key": randomUUID() },
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

let waveId: string;
beforeAll(async () => {
  ({ slug, waveId } = await createTestSurvey("result"));
  // Peers, two days ago: 50 in the respondent's region (east_asia), rating strategy 1..5 ten times
  // each, 20 in scaled production, 28 in pilots, 2 exploring; only 4 in their industry (healthcare).
  const regionPeers = Array.from({ length: 50 }, (_, i) =>
    validAnswers({
      industry: "telecom",
      region: "east_asia",
      dim_strategy: (i % 5) + 1,
      ai_stage: i < 20 ? "scaled_production" : i < 48 ? "pilots" : "exploring",
    }),
  );
  const industryPeers = Array.from({ length: 4 }, (_, i) =>
    validAnswers({ industry: "healthcare", region: "north_america", dim_strategy: i + 1 }),
  );
  const ids = await insertCompleteResponses(waveId, [...regionPeers, ...industryPeers], 2);
  await setKey(ids, 0);
  await setKey(ids.slice(0, 1), V);
});
afterAll(closeTestPool);

async function respond(): Promise<string> {
  let cookie: string | undefined;
  const all = validAnswers({ dim_strategy: 5 });
  for (let i = 0; i < instrumentV1.sections.length; i++) {
    const answers = Object.fromEntries(instrumentV1.sections[i]!.questions.map((q) => [q.id, all[q.id] ?? null]));
    const saved = await api(`/api/v1/surveys/${slug}/draft`, { method: "PUT", body: { step: i + 1, answers }, cookie });
    cookie ??= cookieFrom(saved.headers);
  }
  const submitted = await api(`/api/v1/surveys/${slug}/draft/submit`, { method: "POST", body: { submissionId: randomUUID() }, cookie });
  expect(submitted.status).toBe(201);
  return cookie!;
}

describe("personal result", () => {
  it("compares with region peers, rounded, and withholds the industry of fewer than 50", async () => {
    const cookie = await respond();
    const token = cookie.split("=")[1]!;
    const result = await getPersonalResult(await getOpenWave(slug), token);
    expect(result).not.toBeNull();
    expect(result!.peerMinimum).toBe(50);
    // validAnswers with strategy 5 scores 50; region peers with strategy 1-4 score lower (40 of
    // 50), shown in steps of k/n = 10%.
    expect(result!.peers).toEqual([
      { group: "industry", label: "Healthcare & life sciences", n: null, standing: { kind: "too_few" } },
      { group: "region", label: "East Asia", n: 50, standing: { kind: "share", shareBelow: 0.8 } },
    ]);
    expect(result!.readinessStage).toEqual({ label: "Developing", level: 3, levels: 5 });
    const strategy = result!.dimensions.find((d) => d.questionId === "dim_strategy")!;
    // 1..5 ten times each: mean 3, sd 1.4286, t(0.975, 49) = 2.0096: 2.594..3.406, shown outwards to 0.1.
    expect(strategy.you).toBe(5);
    expect(strategy.industry).toBeNull();
    // The interval also carries the perturbation of the sum of squares: about 2.5..3.5.
    expect(strategy.region?.mean).toBe(3);
    expect(strategy.region?.lower).toBeGreaterThanOrEqual(2.3);
    expect(strategy.region?.lower).toBeLessThanOrEqual(2.7);
    expect(strategy.region?.upper).toBeGreaterThanOrEqual(3.3);
    expect(strategy.region?.upper).toBeLessThanOrEqual(3.7);
    expect(result!.dimensions.every((d) => d.industry === null)).toBe(true);
    // Exploring (2) is under k, and the stages are one distribution: another stage goes with it.
    const shares = Object.fromEntries(result!.stage.rows.map((r) => [r.optionId, r.regionShare]));
    expect(shares.exploring).toBeNull();
    expect(Object.values(shares).filter((v) => v === null).length).toBeGreaterThanOrEqual(2);
    for (const value of Object.values(shares)) if (value !== null) expect(Math.round(value * 10) / 10).toBeCloseTo(value, 10);
    expect(result!.topConcerns.map((c) => c.optionId)).toEqual(["latency", "privacy_sovereignty", "cost"]);
    expect(result!.topConcerns[0]!.regionShare).toBe(1);

    const page = await api<string>(`/survey/${slug}/result`, { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain("Where you stand");
    expect(page.body).toContain("Not enough peers in Healthcare &amp; life sciences yet to compare: fewer than 50 peers so far.");
    expect(page.body).toContain("You score higher than 80% of your 50 peers in East Asia.");
  });

  it("compares with a snapshot that moves only by k peers or more, over days that are over", async () => {
    const token = (await respond()).split("=")[1]!;
    const regionOf = async () => {
      const result = (await getPersonalResult(await getOpenWave(slug), token))!;
      const strategy = result.dimensions.find((d) => d.questionId === "dim_strategy")!;
      return { n: result.peers.find((p) => p.group === "region")!.n, strategy: strategy.region };
    };
    const before = await regionOf();
    expect(before.n).toBe(50);
    // One newcomer today, then the same newcomer on a day that is over: reloading around them
    // shows the same figures, so nothing of their answers can be read from the difference.
    const newcomer = await submitPeer(validAnswers({ industry: "telecom", region: "east_asia", dim_strategy: 5 }));
    await setKey([newcomer], W);
    expect(await regionOf()).toEqual(before);
    await backdateResponses([newcomer], 1);
    expect(await regionOf()).toEqual(before);
    // Four more on that day make five since the snapshot: it moves, by five people at once.
    const more = [];
    for (let i = 0; i < 4; i++) more.push(await submitPeer(validAnswers({ industry: "telecom", region: "east_asia", dim_strategy: 1 })));
    await setKey(more, 0);
    await backdateResponses(more, 1);
    const after = await regionOf();
    expect(after.n).toBe(55);
    expect(after.strategy!.mean).toBe(Math.round(((150 + 5 + 4) / 55) * 10) / 10);
  });

  it("shows nothing personal without the respondent's cookie", async () => {
    const page = await api<string>(`/survey/${slug}/result`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("There is no completed response from this browser yet");
    expect(await getPersonalResult(await getOpenWave(slug), "A".repeat(43))).toBeNull();
  });
});
