"use client";
// "Delete my response": a two-step control (ask, then confirm) on the respondent's result page.
// The server finds the response by the httpOnly resume cookie only; this component never knows
// an id, so it cannot be pointed at anyone else's response.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

type State = "idle" | "confirming" | "deleting" | { error: string };

export function DeleteResponse({ slug }: { slug: string }) {
  const router = useRouter();
  const [state, setState] = useState<State>("idle");
  const confirmRef = useRef<HTMLDivElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const confirming = state === "confirming" || state === "deleting" || typeof state === "object";

  useEffect(() => {
    if (state === "confirming") confirmRef.current?.focus();
  }, [state]);

  async function remove() {
    setState("deleting");
    let response: Response;
    try {
      response = await fetch(`/api/v1/surveys/${slug}/response`, { method: "DELETE", credentials: "same-origin" });
    } catch {
      // The request may have reached the server before the connection failed: say what is known.
      setState({ error: "We could not reach the server, so we cannot tell whether your response was deleted. Reload this page to check." });
      return;
    }
    if (response.ok || response.status === 404) {
      router.replace(`/survey/${slug}/result?deleted=1`);
      router.refresh();
      return;
    }
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    // Our API's errors say what happened; anything else (a proxy's page) does not, so claim nothing.
    setState({
      error: body?.error?.message ?? `The server answered ${response.status}; we cannot confirm the deletion. Reload this page to check.`,
    });
  }

  return (
    <section
      className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-6"
      aria-labelledby="delete-heading"
      data-testid="delete-response"
    >
      <h2 id="delete-heading" className="text-lg font-semibold text-brand-900">
        Your data
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Your response is anonymous: it holds your answers and when you gave them, with no name, email or IP address. You can delete it at
        any time from this page.
      </p>
      {!confirming ? (
        <button
          ref={askRef}
          type="button"
          onClick={() => setState("confirming")}
          className={
            "mt-4 rounded-lg border border-red-700 px-4 py-2 text-sm font-semibold text-red-800 hover:bg-red-50 focus-visible:outline " +
            "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800"
          }
        >
          Delete my response
        </button>
      ) : (
        <div
          ref={confirmRef}
          tabIndex={-1}
          role="group"
          aria-labelledby="delete-confirm-heading"
          className="mt-4 rounded-xl border border-red-200 bg-red-50 p-4 outline-none focus-visible:ring-2 focus-visible:ring-red-800"
        >
          <h3 id="delete-confirm-heading" className="font-semibold text-red-900">
            Delete your response for good?
          </h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
            <li>Your answers are removed from the database at once and cannot be restored.</li>
            <li>
              Peer figures, dashboards and findings are computed from the stored answers, so from now on they are computed without yours.
            </li>
            <li>Exports that analysts downloaded before now are files outside this service and are not recalled.</li>
            <li>You will no longer see this result. You may take the survey again as a new respondent.</li>
          </ul>
          {typeof state === "object" && (
            <p role="alert" className="mt-3 text-sm font-medium text-red-900">
              {state.error}
            </p>
          )}
          <div className="mt-4 flex flex-wrap gap-3">
            <button
              type="button"
              onClick={remove}
              disabled={state === "deleting"}
              className={
                "rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-70 " +
                "focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800"
              }
            >
              {state === "deleting" ? "Deleting…" : "Yes, delete my response"}
            </button>
            <button
              type="button"
              onClick={() => {
                setState("idle");
                requestAnimationFrame(() => askRef.current?.focus());
              }}
              disabled={state === "deleting"}
              className={
                "rounded-lg border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50 " +
                "focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
              }
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
