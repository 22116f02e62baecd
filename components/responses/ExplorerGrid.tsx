"use client";
// The explorer's table: sortable column headers (the server sorts), the sticky link column, a
// focusable scroll region with shadows and a "more columns" hint when columns are out of view, and
// a loading veil while the next page renders.
import { useRef } from "react";
import type { useTable } from "@tanstack/react-table";
import { ScrollRegion } from "@/components/dashboard/ScrollRegion";
import type { ResponseRow } from "@/lib/responses/params";
import { LINK_COLUMN_ID, type features } from "./columns";
import { SortIcon } from "./SortIcon";
import type { Dir } from "./useExplorerView";
import { useScrollCue } from "./useScrollCue";

type ExplorerTable = ReturnType<typeof useTable<typeof features, ResponseRow>>;

export function ExplorerGrid({
  table,
  dir,
  sortedColumnId,
  pending,
  caption,
}: {
  table: ExplorerTable;
  dir: Dir;
  sortedColumnId: string | undefined;
  pending: boolean;
  caption: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const pageRows = table.getRowModel().rows;
  const visibleColumns = table.getVisibleLeafColumns();
  const cue = useScrollCue(scroller, `${pageRows.length}:${visibleColumns.map((c) => c.id).join(",")}`);
  return (
    <div className="relative min-w-0">
      <ScrollRegion ref={scroller} label="Responses table" className="rounded-2xl border border-slate-200 bg-white">
        <table data-testid="responses-table" aria-busy={pending} className="w-full border-separate border-spacing-0 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="text-left text-xs text-slate-600">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = header.column;
                  const isLink = column.id === LINK_COLUMN_ID;
                  const end = column.columnDef.meta?.align === "end";
                  const canSort = column.getCanSort();
                  const sorted = column.id === sortedColumnId ? dir : null;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={canSort ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
                      className={`border-b border-slate-200 bg-slate-50 px-3 py-2 font-medium whitespace-nowrap ${end ? "text-right" : ""} ${
                        isLink ? "sticky left-0 z-10 shadow-[inset_-1px_0_0_var(--color-slate-200)]" : ""
                      }`}
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          onClick={() => column.toggleSorting()}
                          className={`group/sort -mx-1.5 inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 hover:bg-slate-200/70 hover:text-slate-800 ${
                            sorted ? "text-brand-900" : ""
                          } ${end ? "flex-row-reverse" : ""}`}
                        >
                          <table.FlexRender header={header} />
                          <SortIcon dir={sorted} />
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className={`transition-opacity ${pending ? "opacity-50" : ""}`}>
            {pageRows.length === 0 ? (
              <tr>
                <td colSpan={visibleColumns.length} className="px-4 py-14 text-center text-slate-600">
                  No responses match these filters.
                </td>
              </tr>
            ) : (
              pageRows.map((row) => (
                <tr key={row.id} data-row-id={row.original.id} className="group">
                  {row.getVisibleCells().map((cell) => {
                    const end = cell.column.columnDef.meta?.align === "end";
                    const base = "border-b border-slate-100 px-3 py-2 whitespace-nowrap group-last:border-b-0 group-hover:bg-slate-50";
                    return cell.column.id === LINK_COLUMN_ID ? (
                      <th
                        key={cell.id}
                        scope="row"
                        className={`${base} sticky left-0 z-10 bg-white text-left font-normal shadow-[inset_-1px_0_0_var(--color-slate-200)]`}
                      >
                        <table.FlexRender cell={cell} />
                      </th>
                    ) : (
                      <td key={cell.id} className={`${base} text-slate-700 ${end ? "text-right tabular-nums" : ""}`}>
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </ScrollRegion>
      {cue.right && (
        <div
          aria-hidden="true"
          data-testid="more-columns-cue"
          className={
            "pointer-events-none absolute inset-y-px right-px flex w-16 items-start justify-end rounded-r-2xl " +
            "bg-gradient-to-l from-slate-300/80 via-white/70 to-transparent pt-2 pr-1.5"
          }
        >
          <span className="rounded-full bg-brand-600 px-1.5 py-0.5 text-[11px] font-semibold text-white shadow">→</span>
        </div>
      )}
      {cue.right && (
        <p className="mt-1 text-right text-xs text-slate-600" data-testid="more-columns-hint">
          More columns to the right: scroll the table sideways (or focus it and use the arrow keys).
        </p>
      )}
      {pending && <LoadingVeil />}
    </div>
  );
}

function LoadingVeil() {
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-0 overflow-hidden rounded-2xl">
      <div className="h-0.5 animate-pulse bg-brand-500" />
      <div className="absolute inset-x-0 top-12 flex justify-center">
        <span
          className={
            "inline-flex items-center gap-2 rounded-full border border-slate-200 bg-white/95 px-3 py-1 text-xs font-medium " +
            "text-slate-600 shadow-sm"
          }
        >
          <span className="size-3 animate-spin rounded-full border-2 border-brand-500 border-t-transparent" />
          Loading…
        </span>
      </div>
    </div>
  );
}
