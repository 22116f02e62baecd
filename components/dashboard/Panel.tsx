import type { ReactNode } from "react";
import { ScrollRegion } from "./ScrollRegion";

/** A dashboard card: title, optional note, the chart, and the same numbers as a table. */
export function Panel({
  id,
  title,
  note,
  children,
  table,
}: {
  id: string;
  title: string;
  note?: string;
  children: ReactNode;
  table?: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5" data-panel={id}>
      <h2 id={`${id}-title`} className="font-semibold text-brand-900">
        {title}
      </h2>
      {note && <p className="text-sm text-slate-500">{note}</p>}
      <div className="mt-3">{children}</div>
      {table && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Show as a table</summary>
          <ScrollRegion label={`${title}: table`} className="mt-2">
            {table}
          </ScrollRegion>
        </details>
      )}
    </section>
  );
}

export function Withheld({ k }: { k: number }) {
  return <span className="text-slate-600" title={`Withheld: fewer than ${k} respondents`}>{`<${k}`}</span>;
}

export const pct = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined ? null : `${(value * 100).toFixed(digits)}%`;
