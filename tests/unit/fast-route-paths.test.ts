import { describe, expect, it } from "vitest";
import { submissionSlug } from "@/lib/server/fast-route-paths";

describe("requests the production server answers without Next.js", () => {
  it("are POSTs of anonymous API submissions, with or without a query string", () => {
    expect(submissionSlug("POST", "/api/v1/surveys/ai-readiness/responses")).toBe("ai-readiness");
    expect(submissionSlug("POST", "/api/v1/surveys/Survey_2/responses?source=crm")).toBe("Survey_2");
  });

  it("leave every other method, path and odd spelling to Next.js", () => {
    for (const [method, url] of [
      ["GET", "/api/v1/surveys/ai-readiness/responses"],
      ["PUT", "/api/v1/surveys/ai-readiness/responses"],
      ["POST", "/api/v1/surveys/ai-readiness/responses/"],
      ["POST", "/api/v1/surveys/ai-readiness/response"],
      ["POST", "/api/v1/surveys/ai-readiness/draft"],
      ["POST", "/api/v1/surveys/ai%2Dreadiness/responses"],
      ["POST", "/api/v1/surveys/%E0%A4%A/responses"],
      ["POST", "/api/v1/surveys//responses"],
      ["POST", "/api/v1/surveys/a/b/responses"],
      ["POST", "//api/v1/surveys/ai-readiness/responses"],
      ["POST", `/api/v1/surveys/${"a".repeat(101)}/responses`],
      ["POST", "/survey/ai-readiness"],
      [undefined, "/api/v1/surveys/ai-readiness/responses"],
      ["POST", undefined],
    ] as const) {
      expect(submissionSlug(method, url), `${method} ${url}`).toBeNull();
    }
  });
});
