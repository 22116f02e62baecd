// The answers stored for a row of tests/fixtures/weighting/views.json in the weighted findings'
// tests (unit and integration): its profile, AI stage, strategy rating, concerns, and the mismatch
// finding's latency budget and planned infrastructure; everything else is validAnswers' (the R
// script, findings-scan.R, assumes the same constants).
import type { Answers } from "@/lib/survey/instrument-schema";
import views from "../fixtures/weighting/views.json";
import { validAnswers } from "./answers";

export type ViewRow = (typeof views.rows)[number];

export const findingsAnswersOf = (r: ViewRow): Answers =>
  validAnswers({
    industry: r.industry,
    region: r.region,
    company_size: r.company_size,
    role: r.role,
    ai_stage: r.ai_stage,
    dim_strategy: r.dim_strategy,
    concerns: r.latency === 1 ? ["latency", "cost"] : ["cost", "security"],
    concerns_top3: r.latency === 1 ? ["latency", "cost"] : ["cost", "security"],
    // Users worldwide (validAnswers'), so a budget under 250 ms is what puts a row in the mismatch group.
    latency_budget: r.tight === 1 ? "100_250ms" : "500_1000ms",
    infra_planned: r.central_only === 1 ? ["central_cloud"] : ["hybrid", "distributed_edge"],
  });
