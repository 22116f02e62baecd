// The AI inference readiness questionnaire, v1. Option ids are stable: analytics, exports and the
// API key on them, so change a label freely but never an id (add a new one instead).
import type { z } from "zod";
import { instrumentSchema, type Instrument } from "./instrument-schema";

export const SURVEY_SLUG = "ai-readiness";
export const SURVEY_TITLE = "AI Inference Readiness Survey";
export const CURRENT_WAVE = { code: "2026-Q4", title: "Q4 2026" } as const;

const AGREEMENT = ["Not at all ready", "Slightly ready", "Moderately ready", "Very ready", "Fully ready"];
const MATURITY = ["Absent", "Ad hoc", "Developing", "Established", "Leading"];

const CONCERNS = [
  { id: "latency", label: "Latency" },
  { id: "cost", label: "Cost" },
  { id: "security", label: "Security" },
  { id: "accuracy", label: "Hallucination / accuracy" },
  { id: "skills_gap", label: "Skills gap" },
  { id: "privacy_sovereignty", label: "Data privacy & sovereignty" },
  { id: "gpu_power", label: "GPU / power availability" },
  { id: "vendor_lock_in", label: "Vendor lock-in" },
  { id: "reliability", label: "Reliability" },
  { id: "compliance", label: "Compliance" },
];

const INFRASTRUCTURE = [
  { id: "central_cloud", label: "Centralized cloud region" },
  { id: "on_prem_gpu", label: "On-premises GPU cluster" },
  { id: "distributed_edge", label: "Distributed edge" },
  { id: "hybrid", label: "Hybrid (edge + central)" },
  { id: "on_device", label: "On-device" },
];

const definition = {
  id: "ai_inference_readiness",
  version: 1,
  title: SURVEY_TITLE,
  intro:
    "Moving AI from pilots to production changes what infrastructure has to do: inference is distributed, bursty and " +
    "latency-sensitive, because a person or an agent waits on every answer. Tell us where you stand, and we will show you how " +
    "you compare with your peers.",
  estimatedMinutes: 8,
  profile: {
    industry: "industry",
    region: "region",
    companySize: "company_size",
    role: "role",
    stage: "ai_stage",
  },
  readinessDimensions: [
    { questionId: "dim_strategy", label: "Strategy" },
    { questionId: "dim_compute", label: "Compute" },
    { questionId: "dim_network", label: "Network" },
    { questionId: "dim_data", label: "Data" },
    { questionId: "dim_governance", label: "Governance & security" },
    { questionId: "dim_talent", label: "Talent" },
    { questionId: "dim_culture", label: "Culture" },
  ],
  sections: [
    {
      id: "profile",
      title: "About you",
      description: "Used only to compare you with peers. We never ask for your name, email or employer.",
      questions: [
        {
          id: "industry",
          type: "single",
          label: "Which industry do you work in?",
          options: [
            { id: "financial_services", label: "Financial services" },
            { id: "healthcare", label: "Healthcare & life sciences" },
            { id: "retail_ecommerce", label: "Retail & e-commerce" },
            { id: "manufacturing", label: "Manufacturing" },
            { id: "technology", label: "Technology & software" },
            { id: "media_entertainment", label: "Media & entertainment" },
            { id: "telecom", label: "Telecommunications" },
            { id: "public_sector", label: "Public sector" },
            { id: "energy_utilities", label: "Energy & utilities" },
            { id: "transportation_logistics", label: "Transportation & logistics" },
            { id: "education", label: "Education" },
            { id: "other", label: "Other" },
          ],
        },
        {
          id: "region",
          type: "single",
          label: "Where are you based?",
          options: [
            { id: "north_america", label: "North America" },
            { id: "latin_america", label: "Latin America" },
            { id: "western_europe", label: "Western Europe" },
            { id: "eastern_europe", label: "Eastern Europe" },
            { id: "middle_east_africa", label: "Middle East & Africa" },
            { id: "south_asia", label: "South Asia" },
            { id: "east_asia", label: "East Asia" },
            { id: "southeast_asia_oceania", label: "Southeast Asia & Oceania" },
          ],
        },
        {
          id: "company_size",
          type: "single",
          label: "How many people work at your organization?",
          options: [
            { id: "lt_100", label: "Fewer than 100" },
            { id: "100_999", label: "100 – 999" },
            { id: "1000_9999", label: "1,000 – 9,999" },
            { id: "10000_49999", label: "10,000 – 49,999" },
            { id: "50000_plus", label: "50,000 or more" },
          ],
        },
        {
          id: "role",
          type: "single",
          label: "Which best describes your role?",
          options: [
            { id: "engineering", label: "Software engineering" },
            { id: "platform_infra", label: "Platform / infrastructure" },
            { id: "data_ml", label: "Data / ML" },
            { id: "security", label: "Security" },
            { id: "product", label: "Product" },
            { id: "executive", label: "Executive" },
          ],
        },
      ],
    },
    {
      id: "readiness",
      title: "How ready are you?",
      description: "Rate readiness to run AI inference in production, from 1 (not at all) to 5 (fully).",
      questions: [
        { id: "ready_self", type: "likert", label: "You, personally", scale: AGREEMENT },
        { id: "ready_team", type: "likert", label: "Your team", scale: AGREEMENT },
        { id: "ready_org", type: "likert", label: "Your organization", scale: AGREEMENT },
        {
          id: "ai_stage",
          type: "single",
          label: "Where is your organization with AI today?",
          options: [
            { id: "exploring", label: "Exploring", help: "Researching, no projects yet" },
            { id: "pilots", label: "Pilots", help: "Proofs of concept and pilots" },
            { id: "limited_production", label: "Limited production", help: "A few use cases live" },
            { id: "scaled_production", label: "Scaled production", help: "AI in many production systems" },
          ],
        },
      ],
    },
    {
      id: "dimensions",
      title: "Readiness by dimension",
      description: "How mature is your organization in each area that production inference depends on?",
      questions: [
        { id: "dim_strategy", type: "likert", label: "Strategy", help: "A funded plan with owners and goals", scale: MATURITY },
        {
          id: "dim_compute",
          type: "likert",
          label: "Infrastructure: compute",
          help: "GPU/accelerator capacity where inference runs",
          scale: MATURITY,
        },
        {
          id: "dim_network",
          type: "likert",
          label: "Infrastructure: network",
          help: "Low-latency paths between users, data and models",
          scale: MATURITY,
        },
        { id: "dim_data", type: "likert", label: "Data", help: "Clean, governed data reachable by AI systems", scale: MATURITY },
        {
          id: "dim_governance",
          type: "likert",
          label: "Governance & security",
          help: "Policies, guardrails, audit and access control",
          scale: MATURITY,
        },
        { id: "dim_talent", type: "likert", label: "Talent", help: "People who can build and operate AI in production", scale: MATURITY },
        { id: "dim_culture", type: "likert", label: "Culture", help: "Appetite to adopt and change how work gets done", scale: MATURITY },
      ],
    },
    {
      id: "outlook",
      title: "Excitement and concerns",
      questions: [
        {
          id: "excitements",
          type: "multi",
          label: "What excites you most about AI in production?",
          help: "Choose any that apply.",
          options: [
            { id: "productivity", label: "Productivity gains" },
            { id: "customer_experience", label: "Better customer experience" },
            { id: "new_products", label: "New products and revenue" },
            { id: "automation_agents", label: "Automation with agents" },
            { id: "decision_quality", label: "Better decisions" },
            { id: "cost_reduction", label: "Lower operating costs" },
          ],
        },
        {
          id: "concerns",
          type: "multi",
          label: "What concerns you about running AI in production?",
          help: "Choose any that apply; you will rank your top 3 next.",
          options: CONCERNS,
        },
        {
          id: "concerns_top3",
          type: "rank",
          label: "Rank your top 3 concerns",
          help: "Pick from the concerns you chose above, most important first.",
          optionsFrom: "concerns",
          slots: 3,
        },
      ],
    },
    {
      id: "workloads",
      title: "Your inference workloads",
      description: "The shape of the inference you run or plan to run decides which architecture fits.",
      questions: [
        {
          id: "workloads",
          type: "multi",
          label: "What are your main inference workloads?",
          options: [
            { id: "realtime_chat", label: "Real-time chat / assistants" },
            { id: "autonomous_agents", label: "Autonomous agents" },
            { id: "search_rag", label: "Search / RAG" },
            { id: "batch_analytics", label: "Batch analytics" },
            { id: "on_device", label: "On-device / embedded" },
          ],
        },
        {
          id: "latency_budget",
          type: "single",
          label: "What end-to-end latency budget must your main workload meet?",
          help: "From the moment a user or agent asks to the first useful answer.",
          options: [
            { id: "lt_100ms", label: "Under 100 ms" },
            { id: "100_250ms", label: "100 – 250 ms" },
            { id: "250_500ms", label: "250 – 500 ms" },
            { id: "500_1000ms", label: "500 ms – 1 s" },
            { id: "gt_1s", label: "Over 1 s" },
          ],
        },
        {
          id: "user_geography",
          type: "single",
          label: "Where are the users of that workload?",
          options: [
            { id: "one_metro", label: "One metro area" },
            { id: "one_region", label: "One region" },
            { id: "several_regions", label: "Several regions" },
            { id: "global", label: "Global" },
          ],
        },
        {
          id: "traffic_shape",
          type: "single",
          label: "What does its traffic look like?",
          options: [
            { id: "steady", label: "Steady" },
            { id: "daily_peaks", label: "Daily peaks" },
            { id: "bursty", label: "Bursty" },
            { id: "unpredictable", label: "Unpredictable" },
          ],
        },
        {
          id: "model_sizes",
          type: "multi",
          label: "Which model sizes do you use or plan to use?",
          options: [
            { id: "frontier", label: "Frontier (over 100B parameters)" },
            { id: "mid", label: "Mid-size (10B – 100B)" },
            { id: "small_domain", label: "Small domain-specific (under 10B)" },
          ],
        },
      ],
    },
    {
      id: "infrastructure",
      title: "Infrastructure plans",
      questions: [
        {
          id: "infra_current",
          type: "multi",
          label: "Where does your inference run today?",
          options: INFRASTRUCTURE,
        },
        {
          id: "infra_planned",
          type: "multi",
          label: "Where do you plan to run it in the next 18 months?",
          options: INFRASTRUCTURE,
        },
        {
          id: "distributed_help",
          type: "text",
          required: false,
          label: "Where would distributed infrastructure help you?",
          help: "Optional. Please leave out names and anything confidential.",
          maxLength: 2000,
          placeholder: "e.g. serving agents close to our stores in Southeast Asia",
        },
      ],
    },
  ],
} satisfies z.input<typeof instrumentSchema>;

/** The current instrument, validated when this module loads so a bad edit fails every test. */
export const instrumentV1: Instrument = instrumentSchema.parse(definition);
