"use client";
// "Delete my response": a two-step control (ask, then confirm) on the respondent's result page.
// The server finds the response by the httpOnly resume cookie only; this component never knows
// an id, so it cannot be pointed at anyone else's response.
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "@/components/i18n/client";
import { LANG_PARAM, localeFromParam, withLang } from "@/lib/i18n/locales";
import { useEffect, useRef, useState } from "react";

type State = "idle" | "confirming" | "deleting" | { error: string };

export function DeleteResponse({ slug }: { slug: string }) {
  const router = useRouter();
  const t = useTranslations("deletion");
  const lang = localeFromParam(useSearchParams().get(LANG_PARAM));
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
      setState({ error: t("unreachable") });
      return;
    }
    if (response.ok || response.status === 404) {
      router.replace(withLang(`/survey/${slug}/result?deleted=1`, lang));
      router.refresh();
      return;
    }
    // The API's own messages are English; the respondent reads that the deletion is unconfirmed, with the status.
    setState({ error: t("unconfirmed", { status: response.status }) });
  }

  return (
    <section
      className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-6"
      aria-labelledby="delete-heading"
      data-testid="delete-response"
    >
      <h2 id="delete-heading" className="text-lg font-semibold text-brand-900">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("explained")}</p>
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
          {t("ask")}
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
            {t("confirmHeading")}
          </h3>
          <ul className="mt-2 list-disc space-y-1 ps-5 text-sm text-slate-800">
            <li>{t("removed")}</li>
            <li>{t("recomputed")}</li>
            <li>{t("exports")}</li>
            <li>{t("noLonger")}</li>
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
              {t(state === "deleting" ? "deleting" : "confirm")}
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
              {t("cancel")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
