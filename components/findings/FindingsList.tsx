import Link from "next/link";
import type { FindingsReport, LinkedFinding } from "@/lib/findings";

const KIND_LABEL: Record<LinkedFinding["kind"], string> = {
  concern: "Concern",
  stage: "AI stage",
  readiness: "Readiness gap",
  mismatch: "Infrastructure vs needs",
};

/** `evidence`: link each finding to its evidence view (the dashboards; not on the public page). */
export function FindingsList({
  report,
  printable = false,
  evidence = true,
}: {
  report: FindingsReport;
  printable?: boolean;
  evidence?: boolean;
}) {
  if (!report.reportable) {
    return (
      <p role="status" className="rounded-2xl border border-amber-200 bg-amber-50 p-6 text-amber-900" data-testid="not-reportable">
        Too few respondents match these filters (fewer than {report.k}, or a broader view would single them out), so no findings are stated.
      </p>
    );
  }
  if (report.findings.length === 0) {
    return (
      <p className="rounded-2xl border border-slate-200 bg-white p-6 text-slate-700">
        No statistically supported findings for these filters: no difference passed q &lt; 0.05 with a meaningful size.
      </p>
    );
  }
  return (
    <ol className="grid gap-4" data-testid="findings">
      {report.findings.map((f, i) => (
        <li key={f.id} className="break-inside-avoid rounded-2xl border border-slate-200 bg-white p-5" data-finding={f.id}>
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <span className="rounded-full bg-brand-50 px-2 py-0.5 font-semibold text-brand-700">
              #{i + 1} · {KIND_LABEL[f.kind]}
            </span>
            <span className="text-slate-500">
              {f.measure} · {f.unit === "%" ? `${(f.segmentValue * 100).toFixed(1)}%` : f.segmentValue.toFixed(1)}
              {f.othersValue !== null && ` vs ${f.unit === "%" ? `${(f.othersValue * 100).toFixed(1)}%` : f.othersValue.toFixed(1)}`} · q{" "}
              {f.q < 0.001 ? "< 0.001" : `= ${f.q.toFixed(3)}`} · n = {f.n.toLocaleString("en")}
              {f.nEff !== null && (
                <>
                  {" "}
                  · n<sub>eff</sub> = <span data-testid="finding-n-eff">{Math.round(f.nEff).toLocaleString("en")}</span>
                </>
              )}
            </span>
          </div>
          <p className="mt-2 text-base font-medium text-slate-900">{f.headline}</p>
          {f.architectures[0] && (
            <div className="mt-3 rounded-xl border border-brand-500/60 bg-brand-50/60 p-3 text-sm">
              <p className="font-semibold text-brand-900">
                Points to:{" "}
                {printable ? (
                  f.architectures[0].name
                ) : (
                  <Link href={`/architectures/${f.architectures[0].id}`} className="underline">
                    {f.architectures[0].name}
                  </Link>
                )}
                {f.architectures[1] && (
                  <span className="font-normal text-slate-600">
                    {" "}
                    · also fits{" "}
                    {printable ? (
                      f.architectures[1].name
                    ) : (
                      <Link href={`/architectures/${f.architectures[1].id}`} className="underline">
                        {f.architectures[1].name}
                      </Link>
                    )}
                  </span>
                )}
              </p>
              <ul className="mt-1 list-disc pl-5 text-slate-700">
                {f.architectures[0].reasons.slice(0, 2).map((r, n) => (
                  <li key={n}>{r}</li>
                ))}
              </ul>
              <p className="mt-1 text-xs text-slate-600">Trade-off: {f.architectures[0].tradeoff}</p>
            </div>
          )}
          {f.architectureNote && (
            <p className="mt-3 text-sm text-slate-600" data-architecture-note>
              {f.architectureNote} No architecture is linked.
            </p>
          )}
          {!printable && evidence && (
            <Link href={f.evidenceUrl} className="mt-3 inline-block text-sm font-medium text-brand-700 underline" data-evidence>
              See the evidence →
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}
