"use client";
import { useActionState } from "react";
import { createTokenAction } from "@/lib/auth/token-actions";

export function TokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, null);
  return (
    <form action={action} className="grid gap-3">
      <label className="grid gap-1 text-sm">
        <span className="font-medium text-slate-700">Token name</span>
        <input name="name" maxLength={80} placeholder="e.g. weekly R report" className="rounded-lg border border-slate-300 px-3 py-2" />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="justify-self-start rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        Create token
      </button>
      {state && (
        <div
          role={state.ok ? "status" : "alert"}
          className={
            `rounded-lg border px-3 py-2 text-sm ` +
            `${state.ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-800"}`
          }
        >
          {state.message}
          {state.token && (
            <code className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs" data-testid="new-token">
              {state.token}
            </code>
          )}
        </div>
      )}
    </form>
  );
}
