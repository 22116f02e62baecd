// API submissions that arrive together are written in one statement (lib/survey/submission-batch.ts).
// This server gets a pool of 2, so one batch runs at a time and a burst queues into batches; each
// submission must still get exactly the answer it would get alone.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answers } from "@/lib/survey/instrument-schema";
import { validAnswers } from "../helpers/answers";
import { closeTestPool, countResponses, createTestSurvey, testPool } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { api, type ErrorBody } from "../helpers/http";
import { startTestServer, type TestServer } from "../helpers/server";

const LIMIT = 4;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    DATABASE_URL: testEnv.databaseUrl,
    DB_POOL_SIZE: "2",
    RATE_LIMIT_SUBMISSIONS_PER_CLIENT: String(LIMIT),
  });
}, 90_000);
afterAll(async () => {
  await server?.stop();
  await closeTestPool();
});

async function submit(slug: string, key: string, address: string, answers: Answers = validAnswers()) {
  const { status, headers, body } = await api<{ id?: string } & Partial<ErrorBody>>(`/api/v1/surveys/${slug}/responses`, {
    baseUrl: server.baseUrl,
    method: "POST",
    headers: { "idempotency-key": key, "x-forwarded-for": address },
    body: { answers },
  });
  return { status, body, retryAfter: headers.get("retry-after") };
}

describe("submissions written in batches", () => {
  it("judge each client's submissions in a burst against its own limit, exactly", async () => {
    const { slug, waveId } = await createTestSurvey("batch");
    const addresses = ["203.0.113.10", "203.0.113.11", "203.0.113.12"];
    const results = await Promise.all(
      addresses.flatMap((address) => Array.from({ length: 10 }, async () => ({ address, ...(await submit(slug, randomUUID(), address)) }))),
    );
    for (const address of addresses) {
      const mine = results.filter((r) => r.address === address);
      // All statuses at once, so a failure shows what the others got (a 503? a 500?).
      expect(mine.map((r) => r.status).sort(), JSON.stringify(mine.filter((r) => r.status !== 201 && r.status !== 429))).toEqual([
        ...Array<number>(LIMIT).fill(201),
        ...Array<number>(10 - LIMIT).fill(429),
      ]);
      const refused = mine.filter((r) => r.status === 429);
      expect(refused).toHaveLength(10 - LIMIT);
      for (const r of refused) {
        expect(r.body.error?.fields).toEqual([{ path: "client", message: expect.stringContaining("too many requests") }]);
        expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      }
    }
    expect(await countResponses(waveId)).toEqual({ partial: 0, complete: addresses.length * LIMIT });
  });

  it("store a key sent many times at once once, answer every copy with its id, and refuse it for other answers", async () => {
    const { slug, waveId } = await createTestSurvey("batch");
    const key = `burst-${randomUUID()}`;
    const others = Array.from({ length: 3 }, (_, i) => `203.0.114.${i + 1}`);
    // Each copy from its own address, so the limit is not what answers them.
    const copies = await Promise.all(Array.from({ length: 3 }, (_, i) => submit(slug, key, others[i] as string)));
    const ids = new Set(copies.map((c) => c.body.id));
    expect(ids.size).toBe(1);
    expect(copies.map((c) => c.status).sort()).toEqual([200, 200, 201]);
    const changed = await submit(slug, key, "203.0.114.9", validAnswers({ ready_self: 1 }));
    expect(changed.status).toBe(422);
    expect(changed.body.error?.code).toBe("idempotency_key_reused");
    expect(await countResponses(waveId)).toEqual({ partial: 0, complete: 1 });
  });

  it("keep one submission that cannot be stored from failing the others in its batch", async () => {
    const healthy = await createTestSurvey("batch");
    const doomed = await createTestSurvey("batch");
    // The server learns the doomed survey's open wave (cached for a few seconds), then the wave
    // disappears under it: its rows now break a foreign key inside whatever batch they join.
    expect((await submit(doomed.slug, randomUUID(), "203.0.115.1", {})).status).toBe(400);
    await testPool().query(`DELETE FROM wave WHERE id = $1`, [doomed.waveId]);
    const results = await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => submit(healthy.slug, randomUUID(), `203.0.116.${i + 1}`)),
      ...Array.from({ length: 3 }, (_, i) => submit(doomed.slug, randomUUID(), `203.0.117.${i + 1}`)),
    ]);
    expect(results.slice(0, 12).map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(results.slice(12).map((r) => r.status)).toEqual([500, 500, 500]);
    expect(await countResponses(healthy.waveId)).toEqual({ partial: 0, complete: 12 });
  });
});
