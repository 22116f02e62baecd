"use client";
// Opening a draft closes the open wave, and closing a wave stops respondents at once: both ask
// first, and say what happened (or why not) where the button was.
import { useActionState, useState } from "react";
import { closeWaveAction, openWaveAction, type WaveActionState } from "@/lib/waves/actions";

// Rendered for closed waves too (no button then), so the message of the action that closed the wave
// stays on screen after the list re-renders with its new status.
export function WaveStatusAction({ survey, code, status }: { survey: string; code: string; status: "draft" | "open" | "closed" }) {
  const [state, act, pending] = useActionState<WaveActionState, FormData>(status === "draft" ? openWaveAction : closeWaveAction, null);
  const [confirming, setConfirming] = useState(false);
  const verb = status === "draft" ? "Open" : "Close";
  const consequence =
    status === "draft"
      ? `Respondents will get ${code} from now on, and the wave open now is closed.`
      : `Respondents can no longer answer ${code}; nothing already answered changes.`;
  if (status === "closed" && !state) return null;
  return (
    <div className="mt-3 grid gap-2">
      {status === "closed" ? null : !confirming ? (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="justify-self-start rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
        >
          {verb} {code}…
        </button>
      ) : (
        <form action={act} className="grid gap-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
          <p>{consequence}</p>
          <input type="hidden" name="code" value={code} />
          <input type="hidden" name="survey" value={survey} />
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              disabled={pending}
              className="rounded-lg bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {pending ? "Working…" : `Yes, ${verb.toLowerCase()} ${code}`}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-lg border border-slate-300 bg-white px-3 py-1.5">
              Cancel
            </button>
          </div>
        </form>
      )}
      {state && (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>
          {state.message}
        </p>
      )}
    </div>
  );
}
