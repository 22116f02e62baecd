import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { validAnswers } from "../helpers/answers";
import { deadDatabaseServerForSuite } from "../helpers/server";

// A second app server whose database is down: writes must answer 503 with Retry-After, and the
// respondent's answers stay in their request (the form keeps them and offers a retry).
const dead = deadDatabaseServerForSuite();

describe("database down", () => {
  it("answers 503 with Retry-After and a clear message, never a stack trace", async () => {
    const response = await fetch(`${dead.baseUrl}/api/v1/surveys/ai-readiness/responses`, {
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
    expect((await fetch(`${dead.baseUrl}/api/health`)).status).toBe(503);
  });
});
