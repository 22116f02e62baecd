import { describe, expect, it } from "vitest";
import { instrumentV1 } from "@/lib/survey/instrument";
import type { Instrument } from "@/lib/survey/instrument-schema";
import { checkDefinitionText, formatPath } from "@/lib/waves/definition";
import { describeDiff } from "@/lib/waves/describe";
import { diffInstruments } from "@/lib/waves/diff";
import { DRAFT_CLOSES_AT_MESSAGE, publishRequestSchema } from "@/lib/waves/schemas";
import { englishOnly } from "../helpers/english-only";

const clone = (): Instrument => structuredClone(englishOnly(instrumentV1));
const questionIn = (instrument: Instrument, id: string) => instrument.sections.flatMap((s) => s.questions).find((q) => q.id === id)!;

describe("wave definitions", () => {
  it("formats paths as the definition reads", () => {
    expect(formatPath(["sections", 2, "questions", 0, "options"])).toBe("sections[2].questions[0].options");
    expect(formatPath([])).toBe("definition");
  });

  it("accepts the current instrument as JSON text", () => {
    const checked = checkDefinitionText(JSON.stringify(instrumentV1));
    expect(checked.ok).toBe(true);
  });

  it("names every problem by its path, all at once", () => {
    const bad = JSON.parse(JSON.stringify(englishOnly(instrumentV1))) as Record<string, unknown> & {
      sections: { questions: Record<string, unknown>[] }[];
    };
    delete bad.title;
    bad.sections[0]!.questions[0]!.options = [{ id: "Not An Id", label: "" }];
    bad.sections[2]!.questions[1]!.type = "single";
    bad.sections[1]!.questions[0]!.scale = ["1", "2"];
    const checked = checkDefinitionText(JSON.stringify(bad));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const paths = checked.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "title",
        "sections[0].questions[0].options",
        "sections[0].questions[0].options[0].id",
        "sections[0].questions[0].options[0].label",
        "sections[2].questions[1].options",
        "sections[1].questions[0].scale",
      ]),
    );
    for (const issue of checked.issues) expect(issue.message.length).toBeGreaterThan(0);
  });

  it("names cross-field problems (duplicate ids, profile questions) by path", () => {
    const bad = clone();
    const region = questionIn(bad, "region");
    region.id = "industry";
    const checked = checkDefinitionText(JSON.stringify(bad));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues.map((i) => i.path)).toContain("sections[0].questions[1].id");
  });

  it("says where JSON breaks, by line and column", () => {
    const checked = checkDefinitionText('{\n  "id": "x",\n  oops\n}');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues).toHaveLength(1);
    expect(checked.issues[0]!.path).toBe("definition");
    expect(checked.issues[0]!.message).toMatch(/not valid JSON \(line 3, column 3\)/);
    expect(checkDefinitionText("   ").ok).toBe(false);
  });
});

describe("diff between waves", () => {
  it("finds nothing between identical instruments, and every question stays comparable", () => {
    const diff = diffInstruments(instrumentV1, clone());
    expect(diff.identical).toBe(true);
    expect(diff.comparisons.every((c) => c.valid)).toBe(true);
    expect(describeDiff(diff)).toContain("No changes");
  });

  it("lists added and removed questions and options, and what stays comparable", () => {
    const next = clone();
    next.version = 2;
    const stage = questionIn(next, "ai_stage");
    if (stage.type !== "single") throw new Error("ai_stage is single");
    stage.options.push({ id: "agents_in_production", label: "Agents in production" });
    next.sections[4]!.questions.push({
      id: "gpu_sourcing",
      type: "single",
      label: "GPUs?",
      required: true,
      options: [
        { id: "a", label: "A" },
        { id: "b", label: "B" },
      ],
    });
    next.sections[5]!.questions = next.sections[5]!.questions.filter((q) => q.id !== "distributed_help");
    const workloads = questionIn(next, "workloads");
    if (workloads.type !== "multi") throw new Error("workloads is multi");
    workloads.options = workloads.options.filter((o) => o.id !== "batch_analytics");
    workloads.label = "Which inference workloads matter most?";
    const latency = questionIn(next, "latency_budget") as unknown as { type: string };
    latency.type = "multi";

    const diff = diffInstruments(instrumentV1, next);
    expect(diff.identical).toBe(false);
    expect(diff.questionsAdded.map((q) => q.id)).toEqual(["gpu_sourcing"]);
    expect(diff.questionsRemoved.map((q) => q.id)).toEqual(["distributed_help"]);
    // Options of a new question come with it; only options added to kept questions are listed.
    expect(diff.optionsAdded).toEqual([expect.objectContaining({ questionId: "ai_stage", optionId: "agents_in_production" })]);
    expect(diff.optionsRemoved).toEqual([expect.objectContaining({ questionId: "workloads", optionId: "batch_analytics" })]);
    expect(diff.questionsChanged.find((q) => q.id === "workloads")?.changes).toContain("wording");
    expect(diff.questionsChanged.find((q) => q.id === "latency_budget")?.changes).toContain("type single → multi");

    const byId = new Map(diff.comparisons.map((c) => [c.questionId, c]));
    expect(byId.get("ai_stage")).toMatchObject({ valid: true });
    expect(byId.get("ai_stage")!.sharedOptions).toHaveLength(4);
    expect(byId.get("ai_stage")!.note).toMatch(/agents_in_production has no earlier figures/);
    expect(byId.get("workloads")).toMatchObject({ valid: true });
    expect(byId.get("workloads")!.note).toMatch(/batch_analytics has no later figures/);
    expect(byId.get("latency_budget")).toMatchObject({ valid: false });
    expect(byId.get("industry")).toMatchObject({ valid: true, note: "same options" });
    expect(byId.has("gpu_sourcing")).toBe(false);
    const text = describeDiff(diff);
    expect(text).toContain("gpu_sourcing");
    expect(text).toContain("No longer comparable");
  });

  it("pairs a renamed question by its role, and options by code", () => {
    const withRoles = (instrument: Instrument) => {
      const q = questionIn(instrument, "traffic_shape") as unknown as { role?: string };
      q.role = "traffic_shape";
      return instrument;
    };
    const previous = withRoles(clone());
    const next = withRoles(clone());
    const traffic = questionIn(next, "traffic_shape");
    traffic.id = "traffic_pattern";
    if (traffic.type !== "single") throw new Error("single");
    (traffic.options[0] as unknown as { code?: string }).code = traffic.options[0]!.id;
    traffic.options[0]!.id = "flat";
    const diff = diffInstruments(previous, next);
    expect(diff.questionsAdded).toEqual([]);
    expect(diff.questionsRemoved).toEqual([]);
    expect(diff.questionsChanged[0]).toMatchObject({ id: "traffic_pattern", previousId: "traffic_shape" });
    expect(diff.optionsChanged).toEqual([expect.objectContaining({ optionId: "flat", code: "steady", changes: ["id steady → flat"] })]);
    expect(diff.comparisons.find((c) => c.questionId === "traffic_pattern")).toMatchObject({ valid: true, note: "same options" });
  });
});

describe("the publish request (API and dashboard alike)", () => {
  it("refuses a close date on a draft, naming closesAt, and unstorable text in the title", () => {
    const base = { code: "2027-Q1", title: "Q1", definition: "{}" };
    const draft = publishRequestSchema.safeParse({ ...base, status: "draft", closesAt: "2027-03-31T23:59:59Z" });
    expect(draft.success).toBe(false);
    expect(draft.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["closesAt", DRAFT_CLOSES_AT_MESSAGE]]);
    expect(publishRequestSchema.safeParse({ ...base, status: "open", closesAt: "2027-03-31T23:59:59Z" }).success).toBe(true);
    expect(publishRequestSchema.safeParse({ ...base, status: "draft", closesAt: null }).success).toBe(true);
    const title = publishRequestSchema.safeParse({ ...base, title: "Q1\u0000" });
    expect(title.error?.issues.map((i) => i.path.join("."))).toEqual(["title"]);
  });
});
