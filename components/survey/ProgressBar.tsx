import { useLocale, useTranslations } from "@/components/i18n/client";
import type { Instrument } from "@/lib/survey/instrument-schema";

interface Props {
  instrument: Instrument;
  /** 0-based. */
  step: number;
  /** The furthest step reached (0-based): steps up to it are links. */
  furthest: number;
  hrefOf: (step: number) => string;
  onGo: (step: number) => void;
}

/** "Step 3 of 6", a link to every step reached so far, and the progress bar. */
export function ProgressBar({ instrument, step, furthest, hrefOf, onGo }: Props) {
  const t = useTranslations("survey");
  // Intl directly rather than next-intl's formatter: the survey's first download stays small.
  const locale = useLocale();
  const total = instrument.sections.length;
  const percent = Math.round(((step + 1) / total) * 100);
  const stepWord = `${t("stepWord")} `;
  const circle = "flex size-7 items-center justify-center rounded-full text-xs font-semibold";
  return (
    <div className="mb-6">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <span data-testid="progress-label">{t("stepOf", { step: step + 1, total })}</span>
        <nav aria-label={t("stepsNav")}>
          <ol className="flex gap-1.5">
            {instrument.sections.map((section, i) => (
              <li key={section.id}>
                {i === step ? (
                  <span aria-current="step" className={`${circle} bg-brand-600 text-white`}>
                    {i + 1}
                    <span className="sr-only">
                      : {section.title} {t("thisStep")}
                    </span>
                  </span>
                ) : i <= furthest ? (
                  <a
                    href={hrefOf(i)}
                    title={section.title}
                    onClick={(event) => {
                      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
                      event.preventDefault();
                      onGo(i);
                    }}
                    className={`${circle} border border-brand-600 bg-white text-brand-700 hover:bg-brand-50`}
                  >
                    <span className="sr-only">{stepWord}</span>
                    {i + 1}
                    <span className="sr-only">: {section.title}</span>
                  </a>
                ) : (
                  <span title={section.title} className={`${circle} border border-slate-300 text-slate-500`}>
                    <span className="sr-only">{stepWord}</span>
                    {i + 1}
                    <span className="sr-only">
                      : {section.title} {t("notReached")}
                    </span>
                  </span>
                )}
              </li>
            ))}
          </ol>
        </nav>
      </div>
      <div
        role="progressbar"
        aria-label={t("progress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t("progressText", {
          step: step + 1,
          total,
          percent: new Intl.NumberFormat(locale, { style: "percent" }).format(percent / 100),
        })}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width] duration-300" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
