// Browser-side calls to the survey endpoints. Errors come back as values so the form can keep
// the respondent's answers and offer a retry instead of losing them.
import type { FieldIssue } from "@/lib/errors";
import type { DraftView } from "@/lib/survey/responses";
import type { SaveDraftRequest, SubmitDraftRequest } from "@/lib/survey/requests";

export type CallResult<T> =
  | { ok: true; data: T }
  | { ok: false; kind: "invalid"; fields: FieldIssue[]; message: string }
  | { ok: false; kind: "unavailable" | "conflict" | "failed"; message: string };

/** keepalive: the browser completes the request even if the page is closed meanwhile. */
async function call<T>(url: string, method: string, body: unknown, keepalive = false): Promise<CallResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
      keepalive,
    });
  } catch {
    return { ok: false, kind: "unavailable", message: "You appear to be offline." };
  }
  const payload = (await response.json().catch(() => null)) as (T & { error?: { message: string; fields: FieldIssue[] } }) | null;
  if (response.ok && payload) return { ok: true, data: payload };
  const message = payload?.error?.message ?? `The server answered ${response.status}.`;
  if (response.status === 400) return { ok: false, kind: "invalid", fields: payload?.error?.fields ?? [], message };
  if (response.status === 409) return { ok: false, kind: "conflict", message };
  if (response.status >= 500) return { ok: false, kind: "unavailable", message };
  if (response.status === 429) {
    const wait = Number(response.headers.get("retry-after"));
    return {
      ok: false,
      kind: "failed",
      message: Number.isFinite(wait) && wait > 0 ? `${message} You can try again in ${wait} seconds` : message,
    };
  }
  return { ok: false, kind: "failed", message };
}

export function saveDraftCall(slug: string, body: SaveDraftRequest, options: { keepalive?: boolean } = {}) {
  return call<{ draft: DraftView }>(`/api/v1/surveys/${slug}/draft`, "PUT", body, options.keepalive);
}

export function submitDraftCall(slug: string, body: SubmitDraftRequest) {
  return call<{ id: string; resultUrl: string }>(`/api/v1/surveys/${slug}/draft/submit`, "POST", body);
}

/** A v4 UUID; crypto.randomUUID exists only in secure contexts, so fall back to random bytes. */
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
