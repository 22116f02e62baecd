import { describe, expect, it } from "vitest";
import { completeAnswersSchema, draftAnswersSchema, sectionSchema, toFieldIssues } from "@/lib/survey/answers";
import { instrumentV1 } from "@/lib/survey/instrument";
import { validAnswers } from "../helpers/answers";

const complete = completeAnswersSchema(instrumentV1);
const draft = draftAnswersSchema(instrumentV1);

function paths(value: unknown, schema: { safeParse: (v: unknown) => { success: boolean; error?: import("zod").ZodError } } = complete) {
  const result = schema.safeParse(value);
  return result.success ? [] : toFieldIssues(result.error!, ["answers"]).map((i) => i.path);
}

describe("complete answers", () => {
  it("accepts a valid response and trims free text", () => {
    const result = complete.safeParse(validAnswers({ distributed_help: "  near users  " }));
    expect(result.success).toBe(true);
    expect(result.data?.distributed_help).toBe("near users");
  });

  it("accepts the optional free text being absent", () => {
    const { distributed_help: _omit, ...rest } = validAnswers();
    expect(complete.safeParse(rest).success).toBe(true);
  });

  it("names every missing required answer", () => {
    const { industry: _i, dim_talent: _d, concerns_top3: _c, ...rest } = validAnswers();
    expect(paths(rest)).toEqual(expect.arrayContaining(["answers.industry", "answers.dim_talent", "answers.concerns_top3"]));
  });

  it.each([
    ["unknown question id", { not_a_question: "x" }, "answers.not_a_question"],
    ["unknown option id", { industry: "banking" }, "answers.industry"],
    ["wrong type for single choice", { region: 3 }, "answers.region"],
    ["wrong type for multi choice", { workloads: "search_rag" }, "answers.workloads"],
    ["Likert below range", { ready_self: 0 }, "answers.ready_self"],
    ["Likert above range", { dim_data: 6 }, "answers.dim_data"],
    ["Likert not an integer", { dim_data: 2.5 }, "answers.dim_data"],
    ["Likert as a string", { dim_data: "3" }, "answers.dim_data"],
    ["duplicated ranks", { concerns_top3: ["latency", "latency", "cost"] }, "answers.concerns_top3"],
    ["too many ranks", { concerns_top3: ["latency", "cost", "security", "privacy_sovereignty"] }, "answers.concerns_top3"],
    ["rank not among chosen concerns", { concerns_top3: ["latency", "compliance", "cost"] }, "answers.concerns_top3.1"],
    ["duplicated multi-select option", { workloads: ["search_rag", "search_rag"] }, "answers.workloads"],
    ["empty required multi-select", { infra_planned: [] }, "answers.infra_planned"],
    ["free text over its limit", { distributed_help: "x".repeat(2001) }, "answers.distributed_help"],
    ["null for a required answer", { industry: null }, "answers.industry"],
  ])("rejects %s", (_name, override, path) => {
    expect(paths({ ...validAnswers(), ...override })).toContain(path);
  });

  it("requires as many ranks as chosen concerns allow (top 3, or all of fewer)", () => {
    expect(paths(validAnswers({ concerns_top3: ["latency"] }))).toContain("answers.concerns_top3");
    expect(paths(validAnswers({ concerns: ["cost", "latency"], concerns_top3: ["cost", "latency"] }))).toEqual([]);
    expect(paths(validAnswers({ concerns: ["cost", "latency"], concerns_top3: ["cost"] }))).toContain("answers.concerns_top3");
  });

  it("refuses prototype-pollution keys as unknown questions", () => {
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, "constructor": 1}`);
    const found = paths({ ...validAnswers(), ...hostile });
    expect(found).toEqual(expect.arrayContaining(["answers.constructor"]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("drafts and steps", () => {
  it("a draft may hold any valid subset, and null clears an answer", () => {
    expect(draft.safeParse({ industry: "healthcare" }).success).toBe(true);
    expect(draft.safeParse({ industry: null }).success).toBe(true);
    expect(draft.safeParse({}).success).toBe(true);
  });

  it("a draft still refuses unknown ids and invalid values", () => {
    expect(paths({ bogus: 1 }, draft)).toEqual(["answers.bogus"]);
    expect(paths({ ready_team: 9 }, draft)).toEqual(["answers.ready_team"]);
  });

  it("a step requires its own questions only, with the form's messages", () => {
    const profile = sectionSchema(instrumentV1, 0);
    const result = profile.safeParse({ industry: "healthcare" });
    expect(result.success).toBe(false);
    const issues = toFieldIssues(result.error!);
    expect(issues.map((i) => i.path)).toEqual(["region", "company_size", "role"]);
    expect(issues[0]?.message).toBe("Choose one option");
    expect(profile.safeParse({ industry: "healthcare", region: "east_asia", company_size: "lt_100", role: "security" }).success).toBe(true);
    expect(() => sectionSchema(instrumentV1, 99)).toThrow(RangeError);
  });
});
