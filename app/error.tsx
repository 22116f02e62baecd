"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-20 text-center">
      <h1 className="text-2xl font-bold text-brand-900">Something went wrong</h1>
      <p className="mt-2 text-slate-600">The service may be briefly unavailable. Your saved answers are safe.</p>
      <button onClick={reset} className="mt-6 rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white">
        Try again
      </button>
    </div>
  );
}
