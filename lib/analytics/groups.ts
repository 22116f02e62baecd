// Whether two filtered groups can be compared by tests for independent samples: they must not share
// a respondent. Decided from the filters alone (no query), so the answer reveals nothing about the
// data. Pure: used by the comparison and its tests.
import { SEGMENT_FILTERS, SEGMENT_KEYS, type Filters } from "./filters";

const hasConditions = (f: Filters) =>
  Boolean(f.from || f.to || SEGMENT_KEYS.some((key) => f.segments[key].length > 0) || (f.languages?.length ?? 0) > 0);

/** Is every respondent matching `inner` also matching `outer` (by the filters' definitions)? */
export function filtersWithin(inner: Filters, outer: Filters): { within: boolean; why: string | null } {
  for (const key of SEGMENT_KEYS) {
    const allowed = outer.segments[key];
    if (allowed.length === 0) continue;
    const own = inner.segments[key];
    if (own.length === 0 || own.some((v) => !allowed.includes(v)))
      return { within: false, why: `its ${SEGMENT_FILTERS[key].label.toLowerCase()} filter goes beyond that group's` };
  }
  const allowedLanguages = outer.languages ?? [];
  const ownLanguages = inner.languages ?? [];
  if (allowedLanguages.length && (ownLanguages.length === 0 || ownLanguages.some((v) => !allowedLanguages.includes(v))))
    return { within: false, why: "its language filter goes beyond that group's" };
  if (outer.from && (!inner.from || inner.from < outer.from)) return { within: false, why: "its dates start before that group's" };
  if (outer.to && (!inner.to || inner.to > outer.to)) return { within: false, why: "its dates end after that group's" };
  return { within: true, why: null };
}

/** Can no respondent match both? True when one filter takes values with nothing in common, or the dates do not overlap. */
export function filtersDisjoint(a: Filters, b: Filters): boolean {
  const separateValues = SEGMENT_KEYS.some((key) => {
    const x = a.segments[key];
    const y = b.segments[key];
    return x.length > 0 && y.length > 0 && !x.some((v) => y.includes(v));
  });
  const [la, lb] = [a.languages ?? [], b.languages ?? []];
  const separateLanguages = la.length > 0 && lb.length > 0 && !la.some((v) => lb.includes(v));
  const separateDates = Boolean((a.to && b.from && a.to < b.from) || (b.to && a.from && b.to < a.from));
  // A response belongs to one wave: segments of two waves never share one.
  const separateWaves = Boolean(a.wave && b.wave && a.wave !== b.wave);
  return separateValues || separateLanguages || separateDates || separateWaves;
}

/**
 * Why A cannot be compared with B, or null when it can. B is a segment of its own (it must not
 * overlap A) or everyone else within a group (A must lie inside that group and not be all of it).
 */
export function comparisonProblem(a: Filters, b: Filters | { within: Filters }): string | null {
  if ("within" in b) {
    const inside = filtersWithin(a, b.within);
    if (!inside.within)
      return (
        `"Everyone else" is taken from the group set by the b_ filters, and segment A must lie inside it, but ${inside.why}. ` +
        "Narrow segment A or widen that group."
      );
    if (!hasConditions(a) || filtersWithin(b.within, a).within)
      return "Segment A is everyone in the group it is compared within, so there is nobody else to compare it with. Narrow segment A.";
    return null;
  }
  if (!filtersDisjoint(a, b))
    return (
      "Segments A and B overlap: a respondent can be in both, and the tests compare separate groups. Give them different values " +
      "of one filter (for example different industries) or dates that do not overlap, or compare A with everyone else."
    );
  return null;
}
