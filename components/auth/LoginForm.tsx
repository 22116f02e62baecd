"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { loginSchema } from "@/lib/auth/schemas";

/** Posts to better-auth's own endpoint, so its login rate limit and origin check apply. */
export function LoginForm({ next }: { next: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (form: FormData) => {
    const parsed = loginSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
      setErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    setMessage(null);
    const response = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(parsed.data),
    }).catch(() => null);
    setBusy(false);
    if (response?.ok) {
      router.push(next);
      router.refresh();
      return;
    }
    if (response?.status === 429) {
      const wait = response.headers.get("x-retry-after") ?? response.headers.get("retry-after");
      setMessage(`Too many sign-in attempts. Try again in ${wait ?? "a minute"}${wait ? " seconds" : ""}.`);
    } else if (response && response.status < 500) setMessage("Email or password is not correct.");
    else setMessage("Sign-in is unavailable right now. Please try again.");
  };

  return (
    <form
      noValidate
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
    >
      {message && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <Field name="email" label="Email" type="email" autoComplete="username" error={errors.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" error={errors.password} />
      <button
        type="submit"
        disabled={busy}
        className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

export function Field({
  name,
  label,
  type = "text",
  autoComplete,
  error,
  defaultValue,
}: {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  error?: string;
  defaultValue?: string;
}) {
  return (
    <label className="grid gap-1 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      <input
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        className={`rounded-lg border px-3 py-2 ${error ? "border-red-400" : "border-slate-300"}`}
      />
      {error && (
        <span id={`${name}-error`} className="text-red-700">
          {error}
        </span>
      )}
    </label>
  );
}
