import { formatCount } from "./format";

const PAGE_SIZES = [25, 50, 100] as const;

export const selectClass = "rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const pagerButtonClass =
  "inline-flex items-center gap-1 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium " +
  "text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:border-slate-200 disabled:text-slate-400 " +
  "disabled:hover:bg-white";

/** "Showing 51–100 of 1,384", rows per page, Previous and Next. */
export function Pager({
  firstRowNumber,
  rowCount,
  total,
  pageSize,
  hasPrev,
  hasNext,
  onPageSize,
  onPage,
}: {
  firstRowNumber: number;
  rowCount: number;
  total: number;
  pageSize: number;
  hasPrev: boolean;
  hasNext: boolean;
  onPageSize: (size: number) => void;
  onPage: (which: "prev" | "next") => void;
}) {
  const range = rowCount === 0 ? "0" : `${formatCount(firstRowNumber)}–${formatCount(firstRowNumber + rowCount - 1)}`;
  const sizes = PAGE_SIZES.some((n) => n === pageSize) ? PAGE_SIZES : [...PAGE_SIZES, pageSize].sort((a, b) => a - b);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <p data-testid="rows-summary" aria-live="polite" className="text-slate-600">
          Showing <span className="font-medium text-slate-900 tabular-nums">{range}</span> of{" "}
          <span className="font-medium text-slate-900 tabular-nums">{formatCount(total)}</span>
        </p>
        <p className="text-xs text-slate-600">Times in UTC</p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-slate-600">
          Rows per page
          <select name="limit" value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))} className={selectClass}>
            {sizes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <nav aria-label="Pages" className="flex gap-2">
          <button type="button" data-testid="prev-page" disabled={!hasPrev} onClick={() => onPage("prev")} className={pagerButtonClass}>
            <span aria-hidden="true">←</span> Previous
          </button>
          <button type="button" data-testid="next-page" disabled={!hasNext} onClick={() => onPage("next")} className={pagerButtonClass}>
            Next <span aria-hidden="true">→</span>
          </button>
        </nav>
      </div>
    </div>
  );
}
