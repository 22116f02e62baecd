import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPersonalResult } from "@/lib/survey/results";
import { getOpenWave } from "@/lib/survey/waves";
import { validAnswers } from "../helpers/answers";
import { backdateResponses, closeTestPool, createTestSurvey } from "../helpers/db";
import { api, cookieFrom } from "../helpers/http";
import { instrumentV1 } from "@/lib/survey/instrument";

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

beforeAll(async () => {
  ({ slug } = await createTestSurvey("result"));
  // Peers: 6 in the respondent's region (east_asia) but only 4 in their industry (healthcare).
  const peers = [
    ...Array.from({ length: 4 }, (_, i) => validAnswers({ industry: "healthcare", region: "north_america", dim_strategy: i + 1 })),
    ...Array.from({ length: 6 }, (_, i) =>
      validAnswers({
        industry: "telecom",
        region: "east_asia",
        dim_strategy: (i % 5) + 1,
        ai_stage: i < 3 ? "scaled_production" : "pilots",
      }),
    ),
  ];
  const ids: string[] = [];
  for (const answers of peers) ids.push(await submitPeer(answers));
  await backdateResponses(ids, 2);
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
  it("compares with region peers and withholds the industry figures computed from fewer than 5", async () => {
    const cookie = await respond();
    const token = cookie.split("=")[1]!;
    const result = await getPersonalResult(await getOpenWave(slug), token);
    expect(result).not.toBeNull();
    // validAnswers with strategy 5 scores 50; the six region peers score 35.7, 39.3, 42.9, 46.4, 50, 35.7:
    // 5 below and 1 not. "Higher than 83%" would single out that one peer, so the share is withheld
    // and the respondent is placed in the highest group instead.
    expect(result!.peers).toEqual([
      { group: "industry", label: "Healthcare & life sciences", n: null, standing: { kind: "too_few" } },
      { group: "region", label: "East Asia", n: 6, standing: { kind: "highest" } },
    ]);
    expect(result!.readinessStage).toEqual({ label: "Developing", level: 3, levels: 5 });
    const strategy = result!.dimensions.find((d) => d.questionId === "dim_strategy")!;
    // Region peers rated strategy 1,2,3,4,5,1: mean 2.67, sd 1.63, t(0.975, 5) = 2.571, so the 95%
    // interval is 0.95..4.38, clamped to the scale's 1. Industry figures are withheld entirely.
    expect(strategy.you).toBe(5);
    expect(strategy.industry).toBeNull();
    expect(strategy.region!.mean).toBeCloseTo(2.6667, 4);
    expect(strategy.region!.lower).toBe(1);
    expect(strategy.region!.upper).toBeCloseTo(4.3804, 3);
    expect(result!.dimensions.every((d) => d.industry === null)).toBe(true);
    const scaled = result!.stage.rows.find((r) => r.optionId === "scaled_production")!;
    // 3 of 6 region peers: a count under k, withheld.
    expect(scaled).toEqual({ optionId: "scaled_production", label: "Scaled production", industryShare: null, regionShare: null });
    expect(result!.topConcerns.map((c) => c.optionId)).toEqual(["latency", "privacy_sovereignty", "cost"]);
    expect(result!.topConcerns[0]!.regionShare).toBe(1);

    // The page shows it to its owner, says why the industry figure is missing and, for the region,
    // what is true rather than "not enough peers".
    const page = await api<string>(`/survey/${slug}/result`, { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain("Where you stand");
    expect(page.body).toContain("Not enough peers in Healthcare &amp; life sciences yet to compare: fewer than 5 peers so far.");
    expect(page.body).toContain(
      "You score in the highest group of your 6 peers in East Asia: fewer than 5 of them score the same or higher.",
    );
  });

  it("compares with a snapshot that moves only by k peers or more, over days that are over", async () => {
    const token = (await respond()).split("=")[1]!;
    const regionOf = async () => {
      const result = (await getPersonalResult(await getOpenWave(slug), token))!;
      const strategy = result.dimensions.find((d) => d.questionId === "dim_strategy")!;
      return { n: result.peers.find((p) => p.group === "region")!.n, strategy: strategy.region };
    };
    const before = await regionOf();
    expect(before.n).toBe(6);
    // One newcomer today, then the same newcomer on a day that is over: reloading around them
    // shows the same figures, so nothing of their answers can be read from the difference.
    const newcomer = await submitPeer(validAnswers({ industry: "telecom", region: "east_asia", dim_strategy: 5 }));
    expect(await regionOf()).toEqual(before);
    await backdateResponses([newcomer], 1);
    expect(await regionOf()).toEqual(before);
    // Four more on that day make five since the snapshot: it moves, by five people at once.
    const more = [];
    for (let i = 0; i < 4; i++) more.push(await submitPeer(validAnswers({ industry: "telecom", region: "east_asia", dim_strategy: 1 })));
    await backdateResponses(more, 1);
    const after = await regionOf();
    expect(after.n).toBe(11);
    expect(after.strategy!.mean).toBeCloseTo((1 + 2 + 3 + 4 + 5 + 1 + 5 + 4 * 1) / 11, 6);
  });

  it("shows nothing personal without the respondent's cookie", async () => {
    const page = await api<string>(`/survey/${slug}/result`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("There is no completed response from this browser yet");
    expect(await getPersonalResult(await getOpenWave(slug), "A".repeat(43))).toBeNull();
  });
});
