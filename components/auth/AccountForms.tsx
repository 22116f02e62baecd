"use client";
import { useActionState } from "react";
import { createAnalystAction, setupAdminAction } from "@/lib/auth/actions";
import { Field } from "./LoginForm";

export function SetupAdminForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(setupAdminAction, null);
  return (
    // A new key after each answer re-applies defaultValue, since React resets the form on submit.
    <form key={JSON.stringify(state?.values ?? {})} action={action} noValidate className="grid gap-4">
      {state?.message && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <Field name="name" label="Your name" autoComplete="name" error={state?.fields.name} defaultValue={state?.values?.name} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        error={state?.fields.email}
        defaultValue={state?.values?.email}
      />
      <Field
        name="password"
        label="Password (12 characters or more)"
        type="password"
        autoComplete="new-password"
        error={state?.fields.password}
      />
      <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white disabled:opacity-60">
        Create admin account
      </button>
    </form>
  );
}

export function CreateAnalystForm() {
  const [state, action, pending] = useActionState(createAnalystAction, null);
  return (
    <form key={JSON.stringify(state?.values ?? {})} action={action} noValidate className="grid gap-3 sm:grid-cols-2">
      {state?.message && (
        <p
          role={state.ok ? "status" : "alert"}
          className={
            `rounded-lg border px-3 py-2 text-sm sm:col-span-2 ` +
            `${state.ok ? "border-green-200 bg-green-50 text-green-800" : "border-red-200 bg-red-50 text-red-800"}`
          }
        >
          {state.message}
        </p>
      )}
      <Field name="name" label="Name" error={state?.fields.name} defaultValue={state?.values?.name} />
      <Field name="email" label="Email" type="email" error={state?.fields.email} defaultValue={state?.values?.email} />
      <Field
        name="password"
        label="Initial password (12+ characters)"
        type="password"
        autoComplete="new-password"
        error={state?.fields.password}
      />
      <label className="grid gap-1 text-sm">
        <span className="font-medium text-slate-700">Role</span>
        <select
          name="role"
          defaultValue={state?.values?.role ?? "analyst"}
          className="rounded-lg border border-slate-300 bg-white px-3 py-2"
        >
          <option value="viewer">Viewer: aggregate views only (protected figures)</option>
          <option value="analyst">Analyst: also responses, row-level exports and API tokens</option>
          <option value="admin">Admin: also accounts, waves and the audit log</option>
        </select>
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white disabled:opacity-60 sm:col-span-2 sm:justify-self-start"
      >
        Create account
      </button>
    </form>
  );
}
