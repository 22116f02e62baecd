// "Keep your result": the share image (index, stage of readiness and recommended architecture;
// none of the answers) with its download, and the link to the wave's published results once
// those exist (compareUrl is null until then, and nothing is shown).
import { useFormatter, useTranslations } from "next-intl";
import type { PersonalResult } from "@/lib/survey/results";

interface Props {
  result: PersonalResult;
  shareImageUrl: string;
  compareUrl: string | null;
}

export function KeepResult({ result, shareImageUrl, compareUrl }: Props) {
  const t = useTranslations("keep");
  const format = useFormatter();
  const architecture = result.recommendation[0]?.name;
  const values = { index: format.number(Math.round(result.readinessIndex)), stage: result.readinessStage.label };
  const alt = architecture ? t("altWithArchitecture", { ...values, architecture }) : t("alt", values);
  return (
    <section
      className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-6 print:hidden"
      aria-labelledby="keep-heading"
      data-testid="keep-result"
    >
      <h2 id="keep-heading" className="text-lg font-semibold text-brand-900">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("explained")}</p>
      <div className="mt-4 grid gap-4 sm:grid-cols-[minmax(0,20rem)_1fr] sm:items-start">
        {/* eslint-disable-next-line @next/next/no-img-element -- a generated PNG of this respondent's result, not a static asset to optimize */}
        <img
          src={shareImageUrl}
          alt={alt}
          width={1200}
          height={630}
          loading="lazy"
          className="h-auto w-full rounded-lg border border-slate-200"
        />
        <div className="flex flex-wrap gap-3 sm:flex-col sm:items-start">
          <a
            href={shareImageUrl}
            download="readiness-radar-result.png"
            className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            {t("download")}
          </a>
          {compareUrl && (
            <a
              href={compareUrl}
              className="px-1 py-2 text-sm font-semibold text-brand-700 underline underline-offset-4"
              data-testid="compare-link"
            >
              {t("compare")}
            </a>
          )}
        </div>
      </div>
    </section>
  );
}
