// The survey step in the URL and the answers' bookkeeping, as pure functions.
import { describe, expect, it } from "vitest";
import { parseStep, stepHref, stepRedirect } from "@/components/survey/step-param";
import { withAnswer } from "@/components/survey/useAnswers";
import { instrumentV1 } from "@/lib/survey/instrument";

describe("parseStep", () => {
  it("reads ?step=N (1-based) into a step of this survey, and nothing else", () => {
    expect(parseStep("1", 6)).toBe(0);
    expect(parseStep("6", 6)).toBe(5);
    for (const raw of ["0", "7", "-1", "1.5", "01", "1e0", " 1", "", "abc", "9999", null, undefined]) expect(parseStep(raw, 6)).toBeNull();
  });

  it("links a step by its 1-based number", () => {
    expect(stepHref(0)).toBe("?step=1");
  });
});

describe("stepRedirect", () => {
  const path = "/survey/ai-readiness";
  it("resumes a draft at the furthest step reached, and never beyond it", () => {
    expect(stepRedirect(path, undefined, 6, 2)).toBe(`${path}?step=3`);
    expect(stepRedirect(path, "5", 6, 2)).toBe(`${path}?step=3`);
    expect(stepRedirect(path, "junk", 6, 2)).toBe(`${path}?step=3`);
    expect(stepRedirect(path, ["1", "2"], 6, 2)).toBe(`${path}?step=3`);
    expect(stepRedirect(path, "2", 6, 2)).toBeNull();
    expect(stepRedirect(path, "3", 6, 2)).toBeNull();
    // A draft saved at "step 6 of 6 done" (submitting) resumes on the last step.
    expect(stepRedirect(path, undefined, 6, 6)).toBe(`${path}?step=6`);
  });

  it("shows the introduction to a visitor without a draft, whatever step they ask for", () => {
    expect(stepRedirect(path, undefined, 6, null)).toBeNull();
    expect(stepRedirect(path, "3", 6, null)).toBe(path);
  });
});

describe("withAnswer", () => {
  it("drops a concern from the ranking when it is no longer chosen", () => {
    const answers = { concerns: ["latency", "cost", "security"], concerns_top3: ["cost", "latency"] };
    expect(withAnswer(instrumentV1, answers, "concerns", ["latency", "security"])).toEqual({
      concerns: ["latency", "security"],
      concerns_top3: ["latency"],
    });
    expect(withAnswer(instrumentV1, answers, "concerns", undefined)).toEqual({});
  });
});
