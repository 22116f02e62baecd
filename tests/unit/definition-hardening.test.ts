// Definitions that pass validation must be answerable, storable and exportable: ids that are
// Object.prototype members, a required ranking of an optional multi-select, NUL or lone surrogates
// in any text, and export column names that collide are refused, each named by its path.
import { describe, expect, it } from "vitest";
import { exportColumns } from "@/lib/exports/columns";
import { instrumentV1 } from "@/lib/survey/instrument";
import { checkDefinition } from "@/lib/waves/definition";
import { englishOnly } from "../helpers/english-only";

type Doc = {
  sections: { id: string; title: string; description?: string; questions: Record<string, unknown>[] }[];
  [key: string]: unknown;
};
const v1 = (): Doc => JSON.parse(JSON.stringify(englishOnly(instrumentV1))) as Doc;
const problemsOf = (definition: unknown) => {
  const result = checkDefinition(definition);
  return result.ok ? [] : result.issues;
};
const paths = (definition: unknown) => problemsOf(definition).map((p) => p.path);
const textQuestion = (id: string) => ({ id, type: "text", label: "Anything else?", required: false, maxLength: 200 });

describe("ids that are Object.prototype members", () => {
  it("are refused for questions, sections and options", () => {
    const doc = v1();
    doc.sections[5]!.questions.push(textQuestion("constructor"));
    doc.sections[1]!.id = "constructor";
    (doc.sections[0]!.questions[0]!.options as { id: string }[])[0]!.id = "constructor";
    (doc.sections[0]!.questions[1]!.options as { id: string; code?: string }[])[0]!.code = "constructor";
    expect(problemsOf(doc)).toEqual(
      expect.arrayContaining([
        { path: "sections[5].questions[3].id", message: "is a reserved name (a member of every JavaScript object)" },
        { path: "sections[1].id", message: "is a reserved name (a member of every JavaScript object)" },
        { path: "sections[0].questions[0].options[0].id", message: "is a reserved name (a member of every JavaScript object)" },
        { path: "sections[0].questions[1].options[0].code", message: "is a reserved name (a member of every JavaScript object)" },
      ]),
    );
    for (const name of ["__proto__", "constructor"]) {
      const other = v1();
      other.sections[5]!.questions.push(textQuestion(name));
      // Either the id pattern or the reserved-name rule refuses it; what matters is that it is named.
      expect(paths(other), name).toContain("sections[5].questions[3].id");
    }
  });
});

describe("a required ranking of an optional multi-select", () => {
  it("is refused at the ranking's required flag (an empty choice leaves nothing to rank)", () => {
    const doc = v1();
    doc.sections[3]!.questions[0]!.required = false; // excitements, a multi-select
    doc.sections[3]!.questions.push({ id: "excitements_top", type: "rank", label: "Rank them", optionsFrom: "excitements", slots: 2 });
    expect(problemsOf(doc)).toContainEqual({
      path: "sections[3].questions[3].required",
      message: "excitements_top: a required ranking cannot rank optional question excitements (left empty, nothing could be ranked)",
    });
    doc.sections[3]!.questions[3]!.required = false;
    expect(checkDefinition(doc).ok).toBe(true);
  });
});

describe("text PostgreSQL cannot store", () => {
  const cases: [string, (doc: Doc) => void][] = [
    ["title", (d) => (d.title = "Survey\u0000")],
    ["intro", (d) => (d.intro = "Hi \ud800 there")],
    ["sections[0].title", (d) => (d.sections[0]!.title = "\u0000")],
    ["sections[0].description", (d) => (d.sections[0]!.description = "a\udc00b")],
    ["sections[0].questions[0].label", (d) => (d.sections[0]!.questions[0]!.label = "Industry\u0000")],
    ["sections[0].questions[0].help", (d) => (d.sections[0]!.questions[0]!.help = "\u0000")],
    [
      "sections[0].questions[0].options[1].label",
      (d) => ((d.sections[0]!.questions[0]!.options as { label: string }[])[1]!.label = "x\u0000"),
    ],
    [
      "sections[0].questions[0].options[1].help",
      (d) => ((d.sections[0]!.questions[0]!.options as { help?: string }[])[1]!.help = "\ud83d"),
    ],
    ["sections[1].questions[0].scale[4]", (d) => ((d.sections[1]!.questions[0]!.scale as string[])[4] = "Top\u0000")],
    ["sections[2].questions[0].dimension.label", (d) => ((d.sections[2]!.questions[0]!.dimension as { label: string }).label = "\u0000")],
    ["sections[5].questions[2].placeholder", (d) => (d.sections[5]!.questions[2]!.placeholder = "\u0000")],
  ];
  it.each(cases)("is refused in %s", (path, spoil) => {
    const doc = v1();
    spoil(doc);
    expect(problemsOf(doc)).toEqual([{ path, message: "must not contain NUL or unpaired surrogate characters" }]);
  });

  it("a paired surrogate (an emoji) is fine", () => {
    const doc = v1();
    doc.title = "Readiness \ud83d\ude80";
    expect(checkDefinition(doc).ok).toBe(true);
  });
});

describe("export column names", () => {
  it("every metadata column's name is refused as a question id", () => {
    const meta = exportColumns(instrumentV1, "w").filter((c) => c.kind === "meta");
    expect(meta.map((c) => c.name)).toContain("wave");
    for (const { name } of meta) {
      const doc = v1();
      doc.sections[5]!.questions.push(textQuestion(name));
      expect(problemsOf(doc), name).toContainEqual({
        path: "sections[5].questions[3].id",
        message: `${name} is reserved: exports carry a ${name} column`,
      });
    }
  });

  it("a question named like another's option or rank column is refused at its id", () => {
    const option = v1();
    option.sections[5]!.questions.push(textQuestion("concerns__latency"));
    expect(problemsOf(option)).toEqual([
      {
        path: "sections[5].questions[3].id",
        message: "export column concerns__latency of concerns__latency collides with one of question concerns",
      },
    ]);
    const rank = v1();
    rank.sections[0]!.questions.unshift(textQuestion("concerns_top3__rank2"));
    expect(paths(rank)).toEqual(["sections[3].questions[2].id"]);
  });

  it("the bundled instrument's columns are all distinct", () => {
    const names = exportColumns(instrumentV1, "w").map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
