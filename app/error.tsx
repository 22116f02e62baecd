"use client";
import { useTranslations } from "@/components/i18n/client";

// Shown for any page that fails (the server's HTML carries only Next's digest). It claims nothing
// about what was or was not saved: a page that fails to load is a read, and the cause is unknown
// here (a database outage is answered 503 by the server, a bug 500).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="mx-auto max-w-3xl px-4 py-20 text-center">
      <h1 className="text-2xl font-bold text-brand-900">{t("errorTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("errorText")}</p>
      <button onClick={reset} className="mt-6 rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white">
        {t("tryAgain")}
      </button>
      {error.digest && <p className="mt-6 text-xs text-slate-500">{t("reference", { digest: error.digest })}</p>}
    </div>
  );
}
