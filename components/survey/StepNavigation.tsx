import { useTranslations } from "@/components/i18n/client";

export type Busy = "saving" | "submitting" | null;

/** Back and Next (Submit on the last step); sticky at the bottom of a phone's screen. */
export function StepNavigation({ isFirst, isLast, busy, onBack }: { isFirst: boolean; isLast: boolean; busy: Busy; onBack: () => void }) {
  const t = useTranslations("survey");
  return (
    <div
      className={
        "sticky bottom-0 -mx-4 mt-2 flex items-center justify-between gap-3 border-t border-slate-200 bg-slate-50/95 px-4 py-3 " +
        "backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0"
      }
    >
      <button
        type="button"
        onClick={onBack}
        disabled={isFirst || busy !== null}
        className="rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-medium text-slate-700 hover:bg-slate-100 disabled:invisible"
      >
        {t("back")}
      </button>
      <button
        type="submit"
        disabled={busy !== null}
        aria-busy={busy !== null}
        className="rounded-lg bg-brand-600 px-6 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
      >
        {t(busy === "saving" ? "saving" : busy === "submitting" ? "submitting" : isLast ? "submit" : "next")}
      </button>
    </div>
  );
}
