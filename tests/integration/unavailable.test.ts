import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validAnswers } from "../helpers/answers";
import { freePort, start, stop, waitForHttp } from "@/scripts/lib/proc";
import type { ChildProcess } from "node:child_process";

// A second app server whose database is down: writes must answer 503 with Retry-After, and the
// respondent's answers stay in their request (the form keeps them and offers a retry).
let server: ChildProcess;
let baseUrl: string;

beforeAll(async () => {
  const [appPort, deadDbPort] = [await freePort(), await freePort()];
  baseUrl = `http://127.0.0.1:${appPort}`;
  server = start(path.join("node_modules", ".bin", "next"), ["start", "-p", String(appPort), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: `postgresql://nobody@127.0.0.1:${deadDbPort}/none`, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "ignore"],
  });
  await waitForHttp(`${baseUrl}/`, server);
});
afterAll(async () => {
  await stop(server);
});

describe("database down", () => {
  it("answers 503 with Retry-After and a clear message, never a stack trace", async () => {
    const response = await fetch(`${baseUrl}/api/v1/surveys/ai-readiness/responses`, {
      method: "POST",
      headers: { "content-type": "application/json", "Idempotency-Key": randomUUID() },
      body: JSON.stringify({ answers: validAnswers() }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("service_unavailable");
    expect(body.error.message).toMatch(/nothing was saved/i);
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|prisma|\.ts:/i);
  });

  it("reports itself unhealthy", async () => {
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(503);
  });
});
