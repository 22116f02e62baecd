// One panel of the public results: a titled section with an optional lead and note. Its figure
// (chart and table view) is the child. Printed whole (break-inside: avoid, .results-panel).
import type { ReactNode } from "react";
import { PANEL_TITLES, type ResultPanel } from "@/lib/results/panels";

export interface ResultsPanelProps {
  panel: ResultPanel;
  /** Defaults to the panel's standard title. */
  title?: string;
  lead?: string;
  /** Below the figure, e.g. what a withheld cell means. */
  note?: string;
  children: ReactNode;
}

export function ResultsPanel({ panel, title, lead, note, children }: ResultsPanelProps) {
  const headingId = `panel-${panel}`;
  return (
    <section
      className="results-panel grid gap-3 rounded-2xl border border-slate-200 bg-white p-5 print:border-slate-300"
      aria-labelledby={headingId}
      data-panel={panel}
    >
      <h2 id={headingId} className="text-xl font-semibold text-brand-900">
        {title ?? PANEL_TITLES[panel]}
      </h2>
      {lead && <p className="text-slate-700">{lead}</p>}
      <div className="min-w-0">{children}</div>
      {note && <p className="text-xs text-slate-600">{note}</p>}
    </section>
  );
}
