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
      <label className="grid min-w-0 gap-1 text-sm">
        <span className="font-medium text-slate-700">Role</span>
        {/* Short option labels: a select is as wide as its longest option, and a phone is 375 px. */}
        <select
          name="role"
          aria-describedby="role-help"
          defaultValue={state?.values?.role ?? "analyst"}
          className="w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2"
        >
          <option value="viewer">Viewer</option>
          <option value="analyst">Analyst</option>
          <option value="admin">Admin</option>
        </select>
        <span id="role-help" className="text-xs text-slate-600">
          Viewers see the aggregate views only, with protected figures. Analysts also see responses, row-level exports and API tokens.
          Admins also manage accounts, waves and the audit log.
        </span>
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
