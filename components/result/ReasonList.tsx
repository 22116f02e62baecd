import { useLocale, useTranslations } from "next-intl";
import { renderReason, type ReasonMessage, type ReasonNames } from "@/lib/architecture/reasons";

/**
 * The recommender's reasons in the page's language (the "reasons" catalog namespace, rendered on
 * the server: none of it reaches the browser), in the page's own lang and direction.
 */
export function ReasonList({ reasons, names, className }: { reasons: readonly ReasonMessage[]; names: ReasonNames; className: string }) {
  const t = useTranslations("reasons");
  const locale = useLocale();
  return (
    <ul className={className} data-testid="reasons">
      {reasons.map((reason, i) => (
        <li key={i}>{renderReason(reason, (key, values) => t(key, values), locale, names)}</li>
      ))}
    </ul>
  );
}
