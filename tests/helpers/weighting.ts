// Saves a wave's raking targets through the admin API (an empty list clears them): the step every
// weighting test takes before it reads weighted figures.
import type { TargetRow } from "@/lib/weighting/schemas";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import { authHeaders } from "./auth";
import { api } from "./http";

export function putWeightingTargets(wave: string, margins: readonly TargetRow[], cookie: string) {
  return api(`/api/v1/surveys/${SURVEY_SLUG}/waves/${wave}/weighting/targets`, {
    method: "PUT",
    body: { margins },
    cookie,
    headers: authHeaders(),
  });
}
