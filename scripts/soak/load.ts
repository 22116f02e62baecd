// Clients that submit complete responses continuously through the JSON API, each under its own
// Idempotency-Key, and retry the same key and body until acknowledged: after a 503 (waiting its
// Retry-After) and after no answer at all (the app was killed). Every attempt is recorded.

import { instrumentV1 } from "@/lib/survey/instrument";
import { idOfRole, optionIdByCode, readinessDimensions, type Role } from "@/lib/survey/roles";

export const SURVEY_SLUG = "ai-readiness";

/** Option ids of a role's question for the given codes (the soak runs against the bundled instrument). */
const ids = (role: Role, codes: string[]) => codes.flatMap((code) => optionIdByCode(instrumentV1, role, code) ?? []);
const id = (role: Role, code: string) => ids(role, [code])[0] ?? "";

/** A complete, valid response; `marker` goes into the free-text answer so each one is unique. */
export function soakAnswers(marker: string, n: number): Record<string, unknown> {
  const scale = (k: number) => ((n + k) % 5) + 1;
  const dimensionRatings: Record<string, number> = {
    strategy: scale(3),
    compute: scale(4),
    network: 2,
    data: 3,
    governance: 3,
    talent: 2,
    culture: 4,
  };
  return {
    [idOfRole(instrumentV1, "industry")]: id("industry", ["telecom", "healthcare", "financial_services", "retail_ecommerce"][n % 4] ?? ""),
    [idOfRole(instrumentV1, "region")]: id("region", ["western_europe", "east_asia", "north_america"][n % 3] ?? ""),
    [idOfRole(instrumentV1, "company_size")]: id("company_size", "1000_9999"),
    [idOfRole(instrumentV1, "role")]: id("role", "platform_infra"),
    [idOfRole(instrumentV1, "readiness_self")]: scale(0),
    [idOfRole(instrumentV1, "readiness_team")]: scale(1),
    [idOfRole(instrumentV1, "readiness_org")]: scale(2),
    [idOfRole(instrumentV1, "stage")]: id("stage", "pilots"),
    ...Object.fromEntries(readinessDimensions(instrumentV1).map((d) => [d.question.id, dimensionRatings[d.code] ?? 3])),
    [idOfRole(instrumentV1, "excitements")]: ids("excitements", ["productivity"]),
    [idOfRole(instrumentV1, "concerns")]: ids("concerns", ["latency", "cost"]),
    [idOfRole(instrumentV1, "top_concerns")]: ids("concerns", ["latency", "cost"]),
    [idOfRole(instrumentV1, "workloads")]: ids("workloads", ["realtime_chat"]),
    [idOfRole(instrumentV1, "latency_budget")]: id("latency_budget", "100_250ms"),
    [idOfRole(instrumentV1, "user_geography")]: id("user_geography", "several_regions"),
    [idOfRole(instrumentV1, "traffic_shape")]: id("traffic_shape", "bursty"),
    [idOfRole(instrumentV1, "model_sizes")]: ids("model_sizes", ["small_domain"]),
    [idOfRole(instrumentV1, "infra_current")]: ids("infra_current", ["central_cloud"]),
    [idOfRole(instrumentV1, "infra_planned")]: ids("infra_planned", ["hybrid"]),
    [idOfRole(instrumentV1, "free_text")]: marker,
  };
}

export interface Submission {
  key: string;
  marker: string;
  answers: Record<string, unknown>;
  attempts: number;
  refused: number; // 503 answers
  noAnswer: number; // connection refused/reset, timeouts: the app was down
  firstStatus?: number | "no answer";
  ackStatus?: number;
  ackId?: string;
  ackAt?: number;
  /** A status other than 200/201/503 (a 500 is always a failure), or giving up. */
  failure?: string;
}

export interface LoadOptions {
  baseUrl: () => string;
  runId: string;
  clients: number;
  /** New submissions start until this time (ms since epoch); retries continue after it. */
  until: number;
  /** A submission not acknowledged within this many ms of its first attempt counts as lost. */
  giveUpMs: number;
  /** Upper bound on the wait after a 503 (Retry-After is honoured up to this). */
  maxRetryWaitMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function submitOnce(
  baseUrl: string,
  s: Submission,
): Promise<{ status: number | "no answer"; id?: string; retryAfter?: number; detail?: string }> {
  try {
    const response = await fetch(`${baseUrl}/api/v1/surveys/${SURVEY_SLUG}/responses`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": s.key },
      body: JSON.stringify({ answers: s.answers }),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    let id: string | undefined;
    try {
      id = (JSON.parse(text) as { id?: string }).id;
    } catch {
      // not JSON
    }
    const retryAfter = Number(response.headers.get("retry-after"));
    return { status: response.status, id, retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined, detail: text.slice(0, 200) };
  } catch (error) {
    return { status: "no answer", detail: (error as Error).message };
  }
}

async function deliver(options: LoadOptions, s: Submission): Promise<void> {
  const started = Date.now();
  for (;;) {
    s.attempts++;
    const result = await submitOnce(options.baseUrl(), s);
    s.firstStatus ??= result.status;
    if (result.status === 200 || result.status === 201) {
      s.ackStatus = result.status;
      s.ackId = result.id;
      s.ackAt = Date.now();
      return;
    }
    if (result.status === 503) {
      s.refused++;
      if (!result.retryAfter) s.failure = "503 without Retry-After";
    } else if (result.status === "no answer") {
      s.noAnswer++;
    } else {
      s.failure = `HTTP ${result.status}: ${result.detail ?? ""}`;
      return;
    }
    if (Date.now() - started > options.giveUpMs) {
      s.failure = `not acknowledged after ${Math.round(options.giveUpMs / 1000)} s (${s.attempts} attempts)`;
      return;
    }
    const wait = result.status === 503 ? Math.min((result.retryAfter ?? 1) * 1000, options.maxRetryWaitMs ?? 2000) : 250;
    await sleep(wait);
  }
}

/** Runs the clients until `until`, then lets every started submission finish its retries. */
export async function runLoad(options: LoadOptions, submissions: Submission[] = []): Promise<Submission[]> {
  let n = submissions.length;
  const client = async (c: number) => {
    while (Date.now() < options.until) {
      const i = n++;
      const marker = `soak ${options.runId} ${c}-${i}`;
      const s: Submission = {
        key: `soak-${options.runId}-${String(i).padStart(6, "0")}`,
        marker,
        answers: soakAnswers(marker, i),
        attempts: 0,
        refused: 0,
        noAnswer: 0,
      };
      submissions.push(s);
      await deliver(options, s);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c)));
  return submissions;
}
