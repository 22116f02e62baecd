import { SURVEY_SLUG } from "@/lib/survey/instrument";

/** The waves pages of a survey (the dashboards' survey needs no parameter). */
export function wavesHref(survey: string, page: "" | "/new" = ""): string {
  return `/dashboard/waves${page}${survey === SURVEY_SLUG ? "" : `?survey=${encodeURIComponent(survey)}`}`;
}
