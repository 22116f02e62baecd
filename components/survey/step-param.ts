// The survey's step in the URL (?step=N, 1-based; none is the introduction), shared by the server
// page (which clamps it) and the form (which follows it).
export const STEP_PARAM = "step";

/** The 0-based step named by a ?step value, or null when it names no step of this survey. */
export function parseStep(raw: string | null | undefined, total: number): number | null {
  if (!raw || !/^[1-9][0-9]{0,2}$/.test(raw)) return null;
  const step = Number(raw) - 1;
  return step < total ? step : null;
}

/** The link to a step (0-based), relative to the survey's address, keeping the URL's language (?lang=). */
export const stepHref = (step: number, lang?: string | null) =>
  `?${STEP_PARAM}=${step + 1}${lang ? `&lang=${encodeURIComponent(lang)}` : ""}`;

/**
 * Where a request for the survey page should go instead, or null to render it. A respondent with
 * a draft resumes at the furthest step they reached (currentStep) and may visit any step up to
 * it; without a draft there is no step before the introduction's consent.
 */
export function stepRedirect(
  path: string,
  raw: string | string[] | undefined,
  total: number,
  draftStep: number | null,
  lang?: string | null,
): string | null {
  const requested = parseStep(typeof raw === "string" ? raw : undefined, total);
  if (draftStep === null) return raw === undefined ? null : lang ? `${path}?lang=${encodeURIComponent(lang)}` : path;
  const furthest = Math.min(Math.max(draftStep, 0), total - 1);
  const step = requested === null ? furthest : Math.min(requested, furthest);
  return step === requested ? null : `${path}${stepHref(step, lang)}`;
}
