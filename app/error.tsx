"use client";

// Shown for any page that fails (the server's HTML carries only Next's digest). It claims nothing
// about what was or was not saved: a page that fails to load is a read, and the cause is unknown
// here (a database outage is answered 503 by the server, a bug 500).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-20 text-center">
      <h1 className="text-2xl font-bold text-brand-900">Something went wrong</h1>
      <p className="mt-2 text-slate-600">
        This page could not be loaded. The service may be briefly unavailable; please try again in a moment.
      </p>
      <button onClick={reset} className="mt-6 rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white">
        Try again
      </button>
      {error.digest && <p className="mt-6 text-xs text-slate-500">Reference: {error.digest}</p>}
    </div>
  );
}
