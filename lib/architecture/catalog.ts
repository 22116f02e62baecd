// The inference architectures the recommender chooses between. Data in code, validated with zod when
// this module loads so a bad edit fails every test. Pure: safe to import from client and server.
// The English original; the respondent languages' translations are in ./localized.ts (server only).
import { z } from "zod";

/** Stable ids, in the catalog's display order (also the recommender's tie-break order). */
export const ARCHITECTURE_IDS = [
  "central_factory",
  "regional_cloud",
  "distributed_edge",
  "hybrid_split",
  "sovereign_onprem",
  "on_device",
] as const;

export type ArchitectureId = (typeof ARCHITECTURE_IDS)[number];

/**
 * Counts sentences by their terminal punctuation; descriptions avoid abbreviations such as "e.g.".
 * Also counts the translations' (./catalog-i18n): Arabic's question mark, and the Japanese and
 * Chinese full-width stops, which need no space after them.
 */
export function sentenceCount(text: string): number {
  return (text.trim().match(/[.!?؟](?=\s|$)|[。！？]/g) ?? []).length;
}

const line = z.string().trim().min(10).max(240);

export const architectureSchema = z.object({
  id: z.enum(ARCHITECTURE_IDS),
  name: z.string().trim().min(3).max(60),
  tagline: z.string().trim().min(10).max(140),
  description: z
    .string()
    .trim()
    .min(40)
    .max(900)
    .refine((text) => sentenceCount(text) >= 2 && sentenceCount(text) <= 4, "description must be 2-4 sentences"),
  fitsWhen: z.array(line).min(3).max(5),
  avoidWhen: z.array(line).min(2).max(4),
  latency: z.string().trim().min(20).max(400),
  cost: z.string().trim().min(20).max(400),
  operations: z.array(line).min(2).max(4),
});

export type Architecture = z.infer<typeof architectureSchema>;

export const catalogSchema = z
  .array(architectureSchema)
  .length(ARCHITECTURE_IDS.length)
  .superRefine((entries, ctx) => {
    entries.forEach((entry, i) => {
      if (entry.id !== ARCHITECTURE_IDS[i]) {
        ctx.addIssue({ code: "custom", path: [i, "id"], message: `expected ${ARCHITECTURE_IDS[i]} at position ${i}` });
      }
    });
  });

const entries = [
  {
    id: "central_factory",
    name: "Centralized AI factory",
    tagline: "One large GPU cluster in one cloud region, built for throughput.",
    description:
      "All inference runs on a large shared GPU pool in a single cloud region, usually the one with the most capacity and the " +
      "newest accelerators. Pooling every workload on one cluster keeps GPUs busy, makes the largest models practical and gives " +
      "the lowest cost per token. The price is distance: every user outside that region pays a long network round trip on each " +
      "request.",
    fitsWhen: [
      "Batch and offline work such as document processing, analytics and evaluations, where throughput matters more than response time",
      "Users are mostly in or near one region, or the latency budget is 500 ms or more",
      "You need frontier models that take multi-GPU servers with hundreds of gigabytes of accelerator memory",
      "Traffic is bursty and one big shared pool can absorb peaks without overprovisioning many sites",
      "A small platform team has to run one deployment rather than many",
    ],
    avoidWhen: [
      "Users are spread across continents and need a first answer within about 250 ms",
      "Data residency rules forbid moving data out of the country or region where it is collected",
      "An outage of that one region would stop a business-critical service and there is no failover region",
    ],
    latency:
      "Users in the same region see about 20-40 ms of network round trip; users on other continents add 100-300 ms per request " +
      "before the model starts working. Time to first token then depends on model size and queueing.",
    cost:
      "Lowest cost per token at scale: high GPU utilization, reserved or committed-use discounts and one copy of each model. " +
      "Cross-region data transfer charges grow with the share of users far away.",
    operations: [
      "One GPU cluster with a serving stack (vLLM, TensorRT-LLM or a managed endpoint) and autoscaling",
      "Capacity planning and reservations for scarce accelerators in one region",
      "A failover plan: a warm standby region or a documented degraded mode",
      "Global ingress (CDN or global load balancer) that terminates TLS close to users",
    ],
  },
  {
    id: "regional_cloud",
    name: "Regional cloud inference",
    tagline: "GPU endpoints in several cloud regions, each close to a cluster of users.",
    description:
      "The same models are deployed as inference endpoints in several cloud regions, and a global load balancer sends each user " +
      "to the nearest healthy one. Users get in-region round trips of roughly 20-40 ms while the cloud provider still runs the " +
      "hardware. It costs more than one central pool because capacity is split across regions and each region needs its own " +
      "headroom.",
    fitsWhen: [
      "Users sit in a few regions (for example North America, Europe and East Asia) and expect interactive answers",
      "The latency budget is roughly 250 ms to 1 s and you use mid-size or frontier models",
      "Data should be processed in the region where it was collected, but you do not need to own the hardware",
      "You want regional failover: one region takes another's traffic during an outage",
    ],
    avoidWhen: [
      "Budgets under about 100 ms, where an in-region round trip plus queueing leaves too little time for the model",
      "Traffic is small enough that splitting it across regions leaves most GPUs idle",
      "The GPU types or models you need are not offered in the regions where your users are",
    ],
    latency:
      "Typically 20-40 ms of network round trip for users in a served region. Users in a region without an endpoint fall back " +
      "to the nearest one and pay an inter-region round trip.",
    cost:
      "Moderate: more idle headroom than one central pool because each region covers its own peaks, plus the work of keeping " +
      "models, indexes and configuration in sync across regions.",
    operations: [
      "The same deployment in several regions, with automated, versioned rollouts of models and prompts",
      "Global traffic steering (latency-based DNS or an anycast load balancer) with health checks and failover",
      "Per-region GPU quotas and capacity reservations",
      "Replication of retrieval indexes, caches and feature data to every served region",
    ],
  },
  {
    id: "distributed_edge",
    name: "Distributed edge inference",
    tagline: "Small, quantized models at many edge locations close to users.",
    description:
      "Small models, usually under 10 billion parameters and quantized to 8 or 4 bits, run on modest GPUs or accelerators at " +
      "many edge locations: CDN points of presence, telecom sites, stores or plants. Users reach a site within about 5-15 ms, " +
      "so most of the latency budget is left for the model. Each site is small, so it cannot host large models and has little " +
      "spare capacity for sudden bursts.",
    fitsWhen: [
      "Budgets under about 250 ms for users spread across many cities or countries",
      "A small domain model (classification, extraction, routing, short answers) is good enough for the task",
      "Data should be filtered or redacted close to where it is created, for example in stores, plants or vehicles",
      "Serving has to continue during a backhaul or cloud-region outage",
    ],
    avoidWhen: [
      "The task needs the reasoning or knowledge of a frontier or mid-size model",
      "Traffic per site is bursty or unpredictable, so small sites would queue or drop requests",
      "You lack the tooling to update and monitor models across hundreds of locations",
    ],
    latency:
      "About 5-15 ms of network round trip to the nearest site. A small model's first token typically follows within about " +
      "50-100 ms when the site is not overloaded; at busy sites queueing dominates.",
    cost:
      "Higher cost per token than a central pool: many small, partly idle GPUs plus site costs. Offset by lower bandwidth and " +
      "egress, and by not paying for large models where small ones suffice.",
    operations: [
      "A fleet of small GPU or NPU nodes, or an edge inference service from a CDN or telecom provider",
      "Remote model distribution, version pinning and rollback across all sites",
      "Per-site health monitoring and overflow routing to a regional site when a site is full",
      "Physical security and patching for hardware outside your data centers",
    ],
  },
  {
    id: "hybrid_split",
    name: "Hybrid split (edge + central)",
    tagline: "The edge routes, caches, applies guardrails and runs a small model; hard requests escalate.",
    description:
      "Every request first reaches an edge site that applies guardrails, checks a semantic cache and tries a small domain " +
      "model. A router sends the requests the small model cannot handle well, often 15-50 percent depending on the task, to a " +
      "frontier model in a regional or central cloud. Most users get edge-speed answers and hard cases still get frontier " +
      "quality, at the price of running two tiers and a router.",
    fitsWhen: [
      "Traffic mixes many easy requests with a minority that needs frontier-level reasoning",
      "Interactive budgets of about 100-500 ms for most requests, with tolerance for slower answers on hard ones",
      "Guardrails, PII redaction or caching should happen before data leaves the user's region",
      "You want to cut frontier-model spend without giving up frontier quality on hard cases",
    ],
    avoidWhen: [
      "Nearly every request needs the frontier model, so the edge tier adds a hop without saving anything",
      "The team cannot yet operate both edge sites and a central deployment",
      "Answers must look the same on every request and differences between the small and large model would show",
    ],
    latency:
      "Requests answered at the edge see about 5-15 ms of network round trip plus a small model's first token. Escalated " +
      "requests add the round trip to the regional or central site and the frontier model's time to first token.",
    cost:
      "Usually lower than sending everything to a frontier model, because the edge answers the easy majority and the cache " +
      "removes repeats. You pay for two tiers, the router and the evaluation that keeps it honest.",
    operations: [
      "Edge sites running the small model, a semantic cache and guardrails",
      "A router with an escalation policy, and offline evaluation to keep its thresholds honest",
      "A regional or central frontier endpoint sized for the escalated share of traffic",
      "End-to-end tracing across both tiers to see where time and money go",
    ],
  },
  {
    id: "sovereign_onprem",
    name: "On-premises / sovereign inference",
    tagline: "Inference on hardware you control, in the jurisdiction where your data must stay.",
    description:
      "Models run in your own data center, a colocation facility or a sovereign cloud operated under local jurisdiction, so " +
      "prompts, retrieved documents and outputs never leave the region where they are regulated. You choose open-weight models " +
      "you can host, from small to very large, and you control logging and retention. In exchange you buy or lease capacity up " +
      "front and carry the operational load.",
    fitsWhen: [
      "Data residency, sector regulation or contracts require data and model processing to stay in one country or region",
      "Steady, predictable load keeps owned GPUs busy most of the day",
      "Workloads touch confidential data (health, finance, government, trade secrets) you will not send to a third-party API",
      "You already operate data centers and have a platform team",
    ],
    avoidWhen: [
      "Traffic is bursty or unpredictable and you cannot buy capacity for the peak",
      "Users are spread globally and need low latency far from the home site",
      "You depend on proprietary frontier models that are only offered as a cloud API",
    ],
    latency:
      "Good for users near the home site (about 20-40 ms in region). Users in other regions pay the full inter-region round " +
      "trip, because their data is not allowed to move closer to them.",
    cost:
      "Capital- or lease-heavy: the lowest cost per token when GPUs stay busy for years, expensive when they sit idle. Add " +
      "power, cooling, staff and hardware refresh.",
    operations: [
      "GPU servers with power, cooling and high-speed networking, or a sovereign-cloud contract",
      "An inference platform (serving, scheduling within fixed capacity, model registry) run by your team",
      "Audit logging, access control and evidence for regulators",
      "Lifecycle work: security patching, hardware refresh and capacity planning months ahead",
    ],
  },
  {
    id: "on_device",
    name: "On-device inference",
    tagline: "Models run on the user's phone, laptop, vehicle or machine.",
    description:
      "A small model, typically 1-4 billion parameters quantized to a few bits, runs on the device's own NPU or GPU. There is " +
      "no network round trip and data never leaves the device, so it works offline and keeps private input private. Quality and " +
      "speed are limited by the weakest device you support, and every model update has to be shipped to the fleet.",
    fitsWhen: [
      "Embedded or mobile products that must work offline or on poor connections",
      "Privacy-sensitive input such as keyboard text, camera frames, voice or health signals",
      "Very high request volumes where per-request cloud cost would dominate",
      "Tasks a small model handles well: summaries, classification, extraction, wake words, short replies",
    ],
    avoidWhen: [
      "Tasks need frontier-level reasoning or long context",
      "You support many older devices without a capable NPU or enough memory",
      "You need to change models often or audit every response centrally",
    ],
    latency:
      "No network round trip. Time to first token depends on the device: roughly 100-300 ms for a short prompt on a recent " +
      "phone, longer for long prompts and older hardware.",
    cost:
      "Near-zero marginal cost per request for you, because the user's hardware does the work. The costs are engineering for " +
      "compression and per-platform builds, and battery and thermal limits on the device.",
    operations: [
      "Model compression (quantization, distillation) and per-platform runtimes such as Core ML, ONNX Runtime or LiteRT",
      "Model delivery and version management inside app or firmware updates",
      "A cloud fallback for devices that are too weak and requests that are too hard",
      "Privacy-preserving telemetry to measure answer quality in the field",
    ],
  },
] satisfies z.input<typeof architectureSchema>[];

/** The catalog, validated when this module loads. */
export const ARCHITECTURES: readonly Architecture[] = Object.freeze(catalogSchema.parse(entries));

const byId = new Map<string, Architecture>(ARCHITECTURES.map((architecture) => [architecture.id, architecture]));

export function isArchitectureId(id: string): id is ArchitectureId {
  return (ARCHITECTURE_IDS as readonly string[]).includes(id);
}

/** The catalog entry for an id, or undefined for an unknown id. */
export function getArchitecture(id: string): Architecture | undefined {
  return byId.get(id);
}
