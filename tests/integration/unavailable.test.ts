import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { validAnswers } from "../helpers/answers";
import { signIn } from "../helpers/auth";
import { deadDatabaseServerForSuite } from "../helpers/server";

// A second app server whose database is down: every request that needs it answers 503 with
// Retry-After, and the respondent's answers stay in their request (the form keeps them and offers
// a retry). The message claims only what is known: "nothing was saved" for a write that never
// reached the database, nothing about saving for a read.
const dead = deadDatabaseServerForSuite();

interface ErrorBody {
  error: { code: string; message: string };
}

let analystCookie = "";
beforeAll(async () => {
  analystCookie = await signIn(); // on the suite's server; the dead one shares its secret
});

describe("database down", () => {
  it("answers 503 with Retry-After and a clear message, never a stack trace", async () => {
    const response = await fetch(`${dead.baseUrl}/api/v1/surveys/ai-readiness/responses`, {
      method: "POST",
      headers: { "content-type": "application/json", "Idempotency-Key": randomUUID() },
      body: JSON.stringify({ answers: validAnswers() }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("service_unavailable");
    expect(body.error.message).toMatch(/nothing was saved/i);
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|prisma|\.ts:/i);
  });

  it("says nothing was saved for a refused draft save", async () => {
    const response = await fetch(`${dead.baseUrl}/api/v1/surveys/ai-readiness/draft`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ step: 1, answers: { industry: "healthcare" } }),
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/nothing was saved/i);
  });

  it.each([
    ["/api/v1/surveys/ai-readiness", ""],
    ["/api/health", ""],
    ["/api/v1/responses", "analyst"],
    ["/api/v1/exports/responses.csv", "analyst"],
  ])("says nothing about saving when a read fails (GET %s)", async (url, who) => {
    const response = await fetch(`${dead.baseUrl}${url}`, { headers: who ? { cookie: analystCookie } : {} });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("service_unavailable");
    expect(body.error.message).toMatch(/unavailable/i);
    expect(body.error.message).not.toMatch(/sav/i);
  });

  it("answers 503 where the auth library answers for itself (session lookup)", async () => {
    const response = await fetch(`${dead.baseUrl}/api/auth/get-session`, { headers: { cookie: analystCookie } });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
  });

  it("reports itself unhealthy", async () => {
    expect((await fetch(`${dead.baseUrl}/api/health`)).status).toBe(503);
  });
});
