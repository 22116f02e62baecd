// The weighting switch and the view's size, shown near a view's title: whether the figures are
// weighted (and why not), n and Kish's n_eff, and two links that set weighted=1 / weighted=0 (a
// plain link: the choice lives in the URL like the filters, so shared links keep it). Server component.
import type { ViewWeightingInfo } from "@/lib/analytics/overview";

const NOTE: Record<ViewWeightingInfo["state"], string> = {
  weighted: "Shares, means and intervals are weighted to the wave's population targets.",
  switched_off: "Showing unweighted figures; the wave has population targets.",
  no_targets: "Unweighted: this wave has no population targets.",
  raking_failed: "Unweighted: raking to the wave's targets did not converge (see the weighting page).",
  protected: "Unweighted: protected figures are never weighted.",
  across_waves: "Unweighted: a comparison across waves is not weighted (each wave is its own design).",
};

const fmtN = (v: number | null) => (v === null ? "withheld" : v.toLocaleString("en-US", { maximumFractionDigits: 1 }));

export function WeightingBadge({
  info,
  weightedHref,
  unweightedHref,
}: {
  info: ViewWeightingInfo;
  weightedHref: string;
  unweightedHref: string;
}) {
  const weighted = info.state === "weighted";
  const offer = info.available && (info.state === "weighted" || info.state === "switched_off");
  const option = (on: boolean, href: string, label: string) => (
    <a
      href={href}
      aria-current={on ? "true" : undefined}
      className={`px-3 py-1.5 ${on ? "bg-brand-700 text-white" : "bg-white text-slate-800 hover:bg-slate-100"}`}
    >
      {label}
    </a>
  );
  return (
    <div
      data-testid="weighting-badge"
      data-state={info.state}
      className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-2 text-sm text-slate-700"
    >
      {offer && (
        <nav aria-label="Weighting" className="flex overflow-hidden rounded-lg border border-slate-300 text-sm font-medium">
          {option(weighted, weightedHref, "Weighted")}
          {option(!weighted, unweightedHref, "Unweighted")}
        </nav>
      )}
      <span className="rounded-full border border-slate-200 bg-slate-50 px-2.5 py-0.5 text-xs font-semibold text-slate-800">
        n = <span data-testid="view-n">{fmtN(info.n)}</span>
        {weighted && info.nEff !== null && (
          <>
            {" · "}n<sub>eff</sub> = <span data-testid="view-n-eff">{fmtN(info.nEff)}</span>
          </>
        )}
      </span>
      <span className="min-w-0">{NOTE[info.state]}</span>
    </div>
  );
}
