// The instrument definition documents shipped with the product (JSON, one file per version), and
// the upgrade that gives a wave stored before roles existed the roles of its bundled twin.
import { instrumentSchema, type Instrument } from "../instrument-schema";
import v1 from "./v1.json";
import v2 from "./v2.json";

/** The bundled v1 instrument, validated when this module loads so a bad edit fails every test. */
export const bundledV1: Instrument = instrumentSchema.parse(v1);

/** v2 (the demo's 2026-Q4 wave): v1 plus one question (edge_timeline, optional) and one option (infra_planned: regional_cloud). */
export const bundledV2: Instrument = instrumentSchema.parse(v2);

/** Every bundled instrument. */
export const bundledInstruments: readonly Instrument[] = [bundledV1, bundledV2];

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => value !== null && typeof value === "object" && !Array.isArray(value);

function rawQuestions(definition: Raw): Raw[] {
  const sections = Array.isArray(definition.sections) ? definition.sections : [];
  return sections.flatMap((section) => (isObject(section) && Array.isArray(section.questions) ? section.questions.filter(isObject) : []));
}

/**
 * Waves frozen before instruments carried roles store definitions without them. When a stored
 * definition has no role at all and a bundled instrument has the same id and version, the roles,
 * dimensions and option codes of the bundled one are copied onto it by question id. Anything else
 * is returned unchanged (and validation then names what is missing).
 */
export function withBundledRoles(definition: unknown): unknown {
  if (!isObject(definition)) return definition;
  const questions = rawQuestions(definition);
  if (questions.some((question) => question.role !== undefined)) return definition;
  const twin = bundledInstruments.find((i) => i.id === definition.id && i.version === definition.version);
  if (!twin) return definition;
  const twinQuestions = new Map(twin.sections.flatMap((section) => section.questions).map((q) => [q.id, q]));
  const copy = structuredClone(definition);
  delete copy.profile;
  delete copy.readinessDimensions;
  for (const question of rawQuestions(copy)) {
    const source = typeof question.id === "string" ? twinQuestions.get(question.id) : undefined;
    if (!source) continue;
    if (source.role) question.role = source.role;
    if (source.dimension) question.dimension = { ...source.dimension };
    if ("options" in source && Array.isArray(question.options)) {
      for (const option of question.options.filter(isObject)) {
        const code = source.options.find((o) => o.id === option.id)?.code;
        if (code !== undefined) option.code = code;
      }
    }
  }
  return copy;
}

/** Parses a wave's stored definition (upgrading one stored before roles, see withBundledRoles). */
export function parseStoredDefinition(definition: unknown): Instrument {
  return instrumentSchema.parse(withBundledRoles(definition));
}
