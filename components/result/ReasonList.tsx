import { useLocale, useTranslations } from "next-intl";
import { renderReason, type ReasonMessage, type ReasonNames } from "@/lib/architecture/reasons";

/**
 * The recommender's reasons in the page's language (the "reasons" catalog namespace, rendered on
 * the server: none of it reaches the browser), in the page's own lang and direction.
 */
export function ReasonList({ reasons, names, className }: { reasons: readonly ReasonMessage[]; names: ReasonNames; className: string }) {
  const render = useReasonRenderer(names);
  return (
    <ul className={className} data-testid="reasons">
      {reasons.map((reason, i) => (
        <li key={i}>{render(reason)}</li>
      ))}
    </ul>
  );
}

/** Renders one of the recommender's messages (a reason, a trade-off) in the page's language. */
export function useReasonRenderer(names: ReasonNames): (message: ReasonMessage) => string {
  const t = useTranslations("reasons");
  const locale = useLocale();
  return (message) => renderReason(message, (key, values) => t(key, values), locale, names);
}
