import { SURVEY_SLUG } from "@/lib/survey/instrument";

/** A wave's weighting page (the dashboards' survey needs no survey parameter). */
export function weightingHref(survey: string, code: string): string {
  return `/dashboard/waves/weighting?wave=${encodeURIComponent(code)}${survey === SURVEY_SLUG ? "" : `&survey=${encodeURIComponent(survey)}`}`;
}
