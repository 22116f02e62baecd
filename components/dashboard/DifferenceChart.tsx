import type { ComparisonRow } from "@/lib/analytics/compare";

/** The differences' axis: symmetric around 0, to the next 10 beyond the widest interval (at least ±10). */
export function differenceDomain(rows: ComparisonRow[]): number {
  const widest = Math.max(
    10,
    ...rows.flatMap((r) => (r.differenceInterval ? [Math.abs(r.differenceInterval.lower), Math.abs(r.differenceInterval.upper)] : [])),
  );
  return Math.min(100, Math.ceil(widest / 10) * 10);
}

/** "+12.3", "−4.0", "0.0" (a value that rounds to zero gets no sign). */
const signed = (v: number) => {
  const text = Math.abs(v).toFixed(1);
  return `${text === "0.0" ? "" : v > 0 ? "+" : "−"}${text}`;
};
const unitOf = (row: ComparisonRow) => (row.kind === "proportion" ? " pts" : "");

/** "A − B = +12.3 pts (95% CI +8.1 to +16.5), significant" in words, for the row's text and screen readers. */
export function describeDifference(row: ComparisonRow, k: number): string {
  if (row.difference === null) return `withheld: fewer than ${k} respondents on one side`;
  const ci = row.differenceInterval ? ` (95% CI ${signed(row.differenceInterval.lower)} to ${signed(row.differenceInterval.upper)})` : "";
  return `${signed(row.difference)}${unitOf(row)}${ci}${row.significant ? ", significant" : ""}`;
}

/**
 * A − B with its 95% interval for each row, as a dot-and-whisker chart around a zero line (HTML and
 * CSS, so it reflows on a phone and prints). Significant rows (q < 0.05) are filled amber with a
 * ★; others are hollow. A withheld row is a hatched band labelled "<k", never a difference of 0.
 */
export function DifferenceChart({
  rows,
  k,
  domain,
  labelOf,
  caption,
  testId,
}: {
  rows: ComparisonRow[];
  k: number;
  domain: number;
  labelOf: (row: ComparisonRow) => string;
  caption: string;
  testId?: string;
}) {
  const at = (v: number) => `${((Math.max(-domain, Math.min(domain, v)) + domain) / (2 * domain)) * 100}%`;
  const ticks = [-domain, -domain / 2, 0, domain / 2, domain];
  return (
    <figure className="m-0 grid gap-1 text-sm" data-testid={testId} aria-label={caption}>
      <figcaption className="sr-only">{caption}</figcaption>
      <ul className="grid gap-1.5">
        {rows.map((row) => {
          const key = `${row.questionId}:${row.optionId ?? ""}`;
          const i = row.differenceInterval;
          return (
            <li
              key={key}
              className="grid grid-cols-1 items-center gap-x-3 sm:grid-cols-[minmax(0,16rem)_minmax(0,1fr)_9.5rem]"
              data-difference-row={key}
              data-significant={row.significant || undefined}
              data-withheld={row.difference === null || undefined}
            >
              <span className="min-w-0 text-slate-800">
                {labelOf(row)}
                {row.significant && (
                  <span className="ml-1 font-semibold text-amber-800" aria-hidden="true">
                    ★
                  </span>
                )}
              </span>
              <span aria-hidden="true" className="relative block h-5 rounded bg-slate-50">
                <span className="absolute inset-y-0 w-px bg-slate-500" style={{ left: "50%" }} />
                {row.difference === null ? (
                  <span className="absolute inset-0 flex items-center rounded border border-slate-400 bg-hatch">
                    <span className="ml-1 rounded bg-white/90 px-1 text-[11px] font-semibold text-slate-700">{`<${k} withheld`}</span>
                  </span>
                ) : (
                  <>
                    {i && (
                      <span
                        className={`absolute top-1/2 h-0.5 -translate-y-1/2 ${row.significant ? "bg-amber-700" : "bg-slate-500"}`}
                        style={{ left: at(i.lower), width: `calc(${at(i.upper)} - ${at(i.lower)})` }}
                      />
                    )}
                    <span
                      className={`absolute top-1/2 size-3 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 ${
                        row.significant ? "border-amber-800 bg-amber-500" : "border-slate-600 bg-white"
                      }`}
                      style={{ left: at(row.difference) }}
                    />
                  </>
                )}
              </span>
              <span className="text-xs tabular-nums text-slate-700 sm:text-right">
                <span className="sr-only">A − B: </span>
                {row.difference === null ? `<${k} withheld` : `${signed(row.difference)}${unitOf(row)}`}
                {i && row.difference !== null && (
                  <span className="block text-[11px] text-slate-600">
                    {signed(i.lower)} to {signed(i.upper)}
                  </span>
                )}
                {row.significant && <span className="sr-only">, significant at q &lt; 0.05</span>}
              </span>
            </li>
          );
        })}
      </ul>
      <div aria-hidden="true" className="hidden grid-cols-[minmax(0,16rem)_minmax(0,1fr)_9.5rem] gap-x-3 sm:grid">
        <span />
        <span className="relative block h-4 text-[11px] text-slate-700">
          {ticks.map((t) => (
            <span key={t} className="absolute -translate-x-1/2 tabular-nums" style={{ left: at(t) }}>
              {t > 0 ? `+${t}` : t < 0 ? `−${-t}` : "0"}
            </span>
          ))}
        </span>
        <span />
      </div>
    </figure>
  );
}

/** What the marks mean (once per page). */
export function DifferenceKey({ k }: { k: number }) {
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-700" data-testid="difference-key">
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block size-3 rounded-full border-2 border-amber-800 bg-amber-500" />
        Significant (q &lt; 0.05) ★
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block size-3 rounded-full border-2 border-slate-600 bg-white" />
        Not significant
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block h-0.5 w-5 bg-slate-500" />
        95% interval of A − B
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block size-3 rounded-sm border border-slate-500 bg-hatch" />
        {`Withheld (fewer than ${k} respondents)`}
      </li>
      <li>Percentage points for answers; 0–100 scale points for ratings. Right of 0: A higher.</li>
    </ul>
  );
}
