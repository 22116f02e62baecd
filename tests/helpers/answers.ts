import type { Answers } from "@/lib/survey/instrument-schema";

/** A complete, valid answer set for the v1 instrument. */
export function validAnswers(overrides: Partial<Answers> = {}): Answers {
  return {
    industry: "healthcare",
    region: "east_asia",
    company_size: "1000_9999",
    role: "data_ml",
    ready_self: 4,
    ready_team: 3,
    ready_org: 2,
    ai_stage: "pilots",
    dim_strategy: 3,
    dim_compute: 2,
    dim_network: 2,
    dim_data: 3,
    dim_governance: 4,
    dim_talent: 2,
    dim_culture: 3,
    excitements: ["productivity", "automation_agents"],
    concerns: ["latency", "cost", "security", "privacy_sovereignty"],
    concerns_top3: ["latency", "privacy_sovereignty", "cost"],
    workloads: ["realtime_chat", "search_rag"],
    latency_budget: "100_250ms",
    user_geography: "global",
    traffic_shape: "bursty",
    model_sizes: ["small_domain", "frontier"],
    infra_current: ["central_cloud"],
    infra_planned: ["hybrid", "distributed_edge"],
    distributed_help: "Serving agents close to users in Asia",
    ...overrides,
  } as Answers;
}
