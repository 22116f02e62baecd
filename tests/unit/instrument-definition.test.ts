// Instrument definitions are documents validated by one zod schema that names every problem by
// path; a definition lacking a role the product needs is refused, naming the role.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { instrumentV1 } from "@/lib/survey/instrument";
import { instrumentSchema } from "@/lib/survey/instrument-schema";
import { parseStoredDefinition, withBundledRoles } from "@/lib/survey/instruments";
import {
  MANDATORY_ROLES,
  MissingRoleError,
  ROLES,
  answerFor,
  chosenCode,
  chosenCodes,
  codesOfRole,
  optionByCode,
  questionByRole,
  questionsByRole,
  readinessDimensions,
} from "@/lib/survey/roles";
import { checkDefinition } from "@/lib/waves/definition";
import { validAnswers } from "../helpers/answers";
import { renameAnswers, renamedV1 } from "../helpers/renamed-instrument";
import { englishOnly } from "../helpers/english-only";

const v1Document = () => englishOnly(JSON.parse(readFileSync(path.resolve(__dirname, "../../lib/survey/instruments/v1.json"), "utf8")));

type Doc = { sections: { id: string; title: string; questions: Record<string, unknown>[] }[]; [key: string]: unknown };
const problemsOf = (definition: unknown) => {
  const result = checkDefinition(definition);
  return result.ok ? [] : result.issues;
};
const paths = (definition: unknown) => problemsOf(definition).map((p) => p.path);

describe("the bundled v1 definition", () => {
  it("is a JSON document that validates, with every mandatory role", () => {
    expect(checkDefinition(v1Document())).toMatchObject({ ok: true });
    for (const role of MANDATORY_ROLES) expect(questionsByRole(instrumentV1, role).length).toBeGreaterThan(0);
    expect(readinessDimensions(instrumentV1).map((d) => d.code)).toEqual([
      "strategy",
      "compute",
      "network",
      "data",
      "governance",
      "talent",
      "culture",
    ]);
  });
});

describe("a malformed definition", () => {
  it("is refused with every structural problem named by its path", () => {
    const doc: Doc = v1Document();
    doc.version = 0;
    doc.sections[0]!.title = "";
    doc.sections[0]!.questions[0]!.id = "Industry Name";
    doc.sections[0]!.questions[1]!.type = "dropdown";
    doc.sections[1]!.questions[0]!.scale = ["1", "2", "3"];
    doc.sections[3]!.questions[1]!.role = "worries";
    (doc.sections[4]!.questions[0]!.options as { id: string; code?: string }[])[0]!.code = "Bad Code";
    expect(paths(doc)).toEqual(
      expect.arrayContaining([
        "version",
        "sections[0].title",
        "sections[0].questions[0].id",
        "sections[0].questions[1].type",
        "sections[1].questions[0].scale",
        "sections[3].questions[1].role",
        "sections[4].questions[0].options[0].code",
      ]),
    );
    expect(problemsOf(doc)).toHaveLength(7);
    expect(instrumentSchema.safeParse(doc).success).toBe(false);
  });

  it("is refused with every role problem named by its path", () => {
    const doc: Doc = v1Document();
    const profile = doc.sections[0]!.questions;
    profile[1]!.role = "industry"; // a second industry question
    profile[2]!.required = false; // company size feeds a profile column: must be required
    doc.sections[1]!.questions[0]!.role = "concerns"; // a likert question cannot carry the concerns role
    doc.sections[2]!.questions[1]!.dimension = { code: "strategy", label: "Strategy again" }; // duplicate dimension code
    doc.sections[3]!.questions[2]!.optionsFrom = "excitements"; // top concerns must rank the concerns
    expect(problemsOf(doc)).toEqual(
      expect.arrayContaining([
        { path: "sections[0].questions[1].role", message: "role industry is already carried by question industry" },
        { path: "sections[0].questions[2].required", message: "a question with role company_size must be required" },
        { path: "sections[1].questions[0].role", message: "role concerns needs a multi question, not likert" },
        { path: "sections[2].questions[1].dimension", message: "duplicate dimension code strategy" },
        { path: "sections[3].questions[2].optionsFrom", message: "the top_concerns question must rank the concerns question's options" },
        { path: "roles", message: "missing required role region" },
        { path: "roles", message: "missing required role readiness_self" },
      ]),
    );
  });

  it("lacking a required role is refused, naming the role", () => {
    for (const role of ["latency_budget", "top_concerns", "stage", "readiness_dimension"] as const) {
      const doc: Doc = v1Document();
      for (const section of doc.sections) for (const question of section.questions) if (question.role === role) delete question.role;
      expect(problemsOf(doc)).toContainEqual({ path: "roles", message: `missing required role ${role}` });
    }
    const noFreeText: Doc = v1Document();
    for (const section of noFreeText.sections) section.questions = section.questions.filter((q) => q.role !== "free_text");
    expect(checkDefinition(noFreeText).ok).toBe(true); // free text is optional
  });
});

describe("role lookups", () => {
  it("find questions, options and answers by role and code, whatever the ids", () => {
    const { instrument } = renamedV1();
    const answers = renameAnswers(renamedV1(), validAnswers());
    expect(questionByRole(instrument, "stage").id).not.toBe(questionByRole(instrumentV1, "stage").id);
    expect(questionByRole(instrument, "stage").label).toBe(questionByRole(instrumentV1, "stage").label);
    expect(chosenCode(instrument, answers, "stage")).toBe("pilots");
    expect(chosenCodes(instrument, answers, "top_concerns")).toEqual(["latency", "privacy_sovereignty", "cost"]);
    expect(optionByCode(instrument, questionByRole(instrument, "latency_budget"), "lt_100ms")?.label).toBe("Under 100 ms");
    expect(codesOfRole(instrument, "region")).toEqual(codesOfRole(instrumentV1, "region"));
    expect(answerFor(instrument, answers, "readiness_self")).toBe(4);
    expect(ROLES).toContain("free_text");
  });

  it("throw a typed error naming a role the instrument lacks", () => {
    const partial = { ...instrumentV1, sections: instrumentV1.sections.slice(0, 1) };
    expect(() => questionByRole(partial, "latency_budget")).toThrow(MissingRoleError);
    expect(() => questionByRole(partial, "latency_budget")).toThrow(/role "latency_budget"/);
  });
});

describe("a wave stored before instruments carried roles", () => {
  // What waves stored: the definition with the old profile and readinessDimensions maps, no roles.
  const legacy = () => {
    const doc: Doc = v1Document();
    for (const section of doc.sections)
      for (const question of section.questions) {
        delete question.role;
        delete question.dimension;
      }
    return { ...doc, profile: {}, readinessDimensions: [] };
  };

  it("gets the roles of its bundled twin (same instrument id and version)", () => {
    expect(paths(legacy())).toContain("roles");
    expect(parseStoredDefinition(legacy())).toEqual(englishOnly(instrumentV1));
  });

  it("is left alone when no bundled instrument matches, and then refused naming the roles", () => {
    const other = { ...legacy(), version: 99 };
    expect(withBundledRoles(other)).toBe(other);
    expect(() => parseStoredDefinition(other)).toThrow(/missing required role industry/);
  });
});
