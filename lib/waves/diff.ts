// What changed between two waves' instruments, and which cross-wave comparisons stay valid.
// Pure (no zod, no database): the publish page, the API and the CLI all show this.
//
// Questions are paired by id, then (for those left) by semantic role; options by code (an option's
// `code`, else its id), so an instrument may rename ids and still compare. A pair compares across
// waves when it keeps its type and role and, for choice questions, shares at least one option.
import type { Instrument, Option, Question } from "@/lib/survey/instrument-schema";
import { codeOf } from "@/lib/survey/roles";

export interface QuestionRef {
  id: string;
  role: string | null;
  type: Question["type"];
  label: string;
  section: string;
}

export interface QuestionChange extends QuestionRef {
  previousId: string;
  changes: string[];
}

export interface OptionRef {
  questionId: string;
  optionId: string;
  code: string;
  label: string;
}

export interface OptionChange extends OptionRef {
  changes: string[];
}

export interface Comparison {
  questionId: string;
  previousId: string;
  role: string | null;
  label: string;
  valid: boolean;
  /** Option codes present in both waves (choice and rank questions). */
  sharedOptions: string[];
  note: string;
}

export interface WaveDiff {
  sectionsAdded: string[];
  sectionsRemoved: string[];
  questionsAdded: QuestionRef[];
  questionsRemoved: QuestionRef[];
  questionsChanged: QuestionChange[];
  optionsAdded: OptionRef[];
  optionsRemoved: OptionRef[];
  optionsChanged: OptionChange[];
  comparisons: Comparison[];
  /** True when nothing respondents see or analysts compare differs. */
  identical: boolean;
}

const roleOf = (question: Question): string | null => question.role ?? null;
const dimensionCodeOf = (question: Question): string | null => question.dimension?.code ?? null;

/** A role that names one question (readiness dimensions are told apart by their dimension code). */
function roleKey(question: Question): string | null {
  const role = roleOf(question);
  if (!role) return null;
  return role === "readiness_dimension" ? `${role}:${dimensionCodeOf(question) ?? question.id}` : role;
}

interface Located {
  question: Question;
  section: string;
}

function locate(instrument: Instrument): Located[] {
  return instrument.sections.flatMap((section) => section.questions.map((question) => ({ question, section: section.id })));
}

function ref({ question, section }: Located): QuestionRef {
  return { id: question.id, role: roleOf(question), type: question.type, label: question.label, section };
}

function optionsOf(instrument: Instrument, question: Question): Option[] {
  if (question.type === "single" || question.type === "multi") return question.options;
  if (question.type === "rank") {
    const source = locate(instrument).find((l) => l.question.id === question.optionsFrom)?.question;
    return source && "options" in source ? source.options : [];
  }
  return [];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function questionChanges(before: Located, after: Located): string[] {
  const a = before.question;
  const b = after.question;
  const changes: string[] = [];
  if (a.id !== b.id) changes.push(`id ${a.id} → ${b.id} (matched by role)`);
  if (a.type !== b.type) changes.push(`type ${a.type} → ${b.type}`);
  if (roleOf(a) !== roleOf(b)) changes.push(`role ${roleOf(a) ?? "none"} → ${roleOf(b) ?? "none"}`);
  if (a.label !== b.label) changes.push("wording");
  if (!same(a.help, b.help)) changes.push("help text");
  if (a.required !== b.required) changes.push(b.required ? "now required" : "now optional");
  if (before.section !== after.section) changes.push(`moved from section ${before.section} to ${after.section}`);
  const pick = (q: Question, key: string) => (q as unknown as Record<string, unknown>)[key];
  for (const key of ["scale", "optionsFrom", "slots", "maxSelected", "maxLength", "placeholder"] as const) {
    if (!same(pick(a, key), pick(b, key))) changes.push(key === "scale" ? "scale labels" : key);
  }
  return changes;
}

function pairQuestions(previous: Located[], next: Located[]): { pairs: [Located, Located][]; added: Located[]; removed: Located[] } {
  const pairs: [Located, Located][] = [];
  const byId = new Map(previous.map((l) => [l.question.id, l]));
  const unmatchedNext: Located[] = [];
  const matchedPrevious = new Set<string>();
  for (const l of next) {
    const before = byId.get(l.question.id);
    if (before) {
      pairs.push([before, l]);
      matchedPrevious.add(before.question.id);
    } else unmatchedNext.push(l);
  }
  const leftPrevious = previous.filter((l) => !matchedPrevious.has(l.question.id));
  // Then by role, where a role names exactly one unmatched question on each side.
  const uniqueByRole = (list: Located[]) => {
    const counts = new Map<string, Located[]>();
    for (const l of list) {
      const key = roleKey(l.question);
      if (key) counts.set(key, [...(counts.get(key) ?? []), l]);
    }
    return new Map([...counts].filter(([, ls]) => ls.length === 1).map(([key, ls]) => [key, ls[0] as Located]));
  };
  const previousByRole = uniqueByRole(leftPrevious);
  const nextByRole = uniqueByRole(unmatchedNext);
  const added: Located[] = [];
  const pairedByRole = new Set<string>();
  for (const l of unmatchedNext) {
    const key = roleKey(l.question);
    const before = key && nextByRole.get(key) === l ? previousByRole.get(key) : undefined;
    if (before) {
      pairs.push([before, l]);
      pairedByRole.add(before.question.id);
    } else added.push(l);
  }
  return { pairs, added, removed: leftPrevious.filter((l) => !pairedByRole.has(l.question.id)) };
}

function compare(previous: Instrument, next: Instrument, before: Located, after: Located): Comparison {
  const a = before.question;
  const b = after.question;
  const base = { questionId: b.id, previousId: a.id, role: roleOf(b), label: b.label };
  if (a.type !== b.type) return { ...base, valid: false, sharedOptions: [], note: `type changed (${a.type} → ${b.type})` };
  if (roleOf(a) !== roleOf(b)) return { ...base, valid: false, sharedOptions: [], note: "role changed: it no longer asks the same thing" };
  if (b.type === "likert") {
    const note = same((a as { scale?: unknown }).scale, b.scale) ? "same 1-5 scale" : "scale labels changed: compare means with care";
    return { ...base, valid: true, sharedOptions: [], note };
  }
  if (b.type === "text") return { ...base, valid: true, sharedOptions: [], note: "free text" };
  const codesBefore = optionsOf(previous, a).map(codeOf);
  const codesAfter = optionsOf(next, b).map(codeOf);
  const shared = codesAfter.filter((code) => codesBefore.includes(code));
  if (shared.length === 0) return { ...base, valid: false, sharedOptions: [], note: "no option in common" };
  const onlyAfter = codesAfter.filter((code) => !codesBefore.includes(code));
  const onlyBefore = codesBefore.filter((code) => !codesAfter.includes(code));
  const parts: string[] = [];
  if (onlyAfter.length) parts.push(`new option ${onlyAfter.join(", ")} has no earlier figures`);
  if (onlyBefore.length) parts.push(`removed option ${onlyBefore.join(", ")} has no later figures`);
  if (parts.length && b.type === "single") parts.push("shares of the other options may shift because the choice set changed");
  return {
    ...base,
    valid: true,
    sharedOptions: shared,
    note: parts.length ? `on ${shared.length} shared options; ${parts.join("; ")}` : "same options",
  };
}

/** The difference from `previous` (the wave before) to `next` (the one being published). */
export function diffInstruments(previous: Instrument, next: Instrument): WaveDiff {
  const before = locate(previous);
  const after = locate(next);
  const { pairs, added, removed } = pairQuestions(before, after);
  const diff: WaveDiff = {
    sectionsAdded: next.sections.map((s) => s.id).filter((id) => !previous.sections.some((s) => s.id === id)),
    sectionsRemoved: previous.sections.map((s) => s.id).filter((id) => !next.sections.some((s) => s.id === id)),
    questionsAdded: added.map(ref),
    questionsRemoved: removed.map(ref),
    questionsChanged: [],
    optionsAdded: [],
    optionsRemoved: [],
    optionsChanged: [],
    comparisons: [],
    identical: false,
  };
  for (const [a, b] of pairs) {
    const changes = questionChanges(a, b);
    if (changes.length) diff.questionsChanged.push({ ...ref(b), previousId: a.question.id, changes });
    // Options are listed where they are defined (a rank question's come from its source question).
    if ("options" in b.question) {
      const optionsBefore = "options" in a.question ? a.question.options : [];
      for (const option of b.question.options) {
        const old = optionsBefore.find((o) => codeOf(o) === codeOf(option));
        const r: OptionRef = { questionId: b.question.id, optionId: option.id, code: codeOf(option), label: option.label };
        if (!old) diff.optionsAdded.push(r);
        else {
          const optionChanges: string[] = [];
          if (old.id !== option.id) optionChanges.push(`id ${old.id} → ${option.id}`);
          if (old.label !== option.label) optionChanges.push("label");
          if (!same(old.help, option.help)) optionChanges.push("help text");
          if (optionChanges.length) diff.optionsChanged.push({ ...r, changes: optionChanges });
        }
      }
      for (const option of optionsBefore) {
        if (!b.question.options.some((o) => codeOf(o) === codeOf(option))) {
          diff.optionsRemoved.push({ questionId: b.question.id, optionId: option.id, code: codeOf(option), label: option.label });
        }
      }
    }
    diff.comparisons.push(compare(previous, next, a, b));
  }
  const metaSame =
    previous.title === next.title &&
    previous.intro === next.intro &&
    previous.sections.length === next.sections.length &&
    previous.sections.every(
      (s, i) => s.id === next.sections[i]?.id && s.title === next.sections[i]?.title && s.description === next.sections[i]?.description,
    );
  diff.identical =
    metaSame &&
    !diff.questionsAdded.length &&
    !diff.questionsRemoved.length &&
    !diff.questionsChanged.length &&
    !diff.optionsAdded.length &&
    !diff.optionsRemoved.length &&
    !diff.optionsChanged.length;
  return diff;
}
