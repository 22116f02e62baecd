"use client";
// The analysts' responses explorer. Paging, sorting and filtering happen on the server: every
// action pushes a new URL (inside a transition) and the page renders the next page of rows, so the
// browser holds one page at a time. TanStack Table (v9) supplies the column model: manual sorting
// state, column visibility and column order (the last two saved in localStorage).
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useMemo, useOptimistic, useRef, useState, useTransition } from "react";
import {
  functionalUpdate,
  useTable,
  type ColumnOrderState,
  type ColumnVisibilityState,
  type OnChangeFn,
  type SortingState,
} from "@tanstack/react-table";
import { ColumnsMenu, type ColumnsMenuItem } from "./ColumnsMenu";
import {
  COLUMN_PREFS_KEY,
  DEFAULT_COLUMN_PREFS,
  normalizeOrder,
  normalizeVisibility,
  parseColumnPrefs,
  readColumnPrefs,
  writeColumnPrefs,
  type ColumnPrefs,
} from "./columnPrefs";
import { LINK_COLUMN_ID, columnForSortKey, columns, features, sortKeyForColumn } from "./columns";
import { formatCount } from "./format";

import type { ResponseRow, SortKey } from "@/lib/responses/params";

export type { ResponseRow, SortKey };

export interface ResponsesTableProps {
  rows: ResponseRow[];
  /** Rows matching the filters (all pages). */
  total: number;
  sort: SortKey;
  dir: "asc" | "desc";
  pageSize: number;
  /** Keyset paging for the default order: opaque cursors; null when there is no such page. */
  nextCursor: string | null;
  prevCursor: string | null;
  /** 1-based index of the first row on this page (for "Showing 51-100 of 1,384"). */
  firstRowNumber: number;
  /** Option id -> label, per profile column. */
  labels: Record<"industry" | "region" | "companySize" | "role" | "stage", Record<string, string>>;
  /** Current URL query string without cursor/sort/dir (filters etc.) to keep when navigating. */
  baseQuery: string;
  status: "complete" | "partial" | "all";
}

type Status = ResponsesTableProps["status"];
type Dir = ResponsesTableProps["dir"];

/** What the URL says (or, while a navigation is pending, what it is about to say). */
interface View {
  sort: SortKey;
  dir: Dir;
  status: Status;
  pageSize: number;
}

const PAGE_SIZES = [25, 50, 100] as const;
const STATUS_OPTIONS: { value: Status; label: string }[] = [
  { value: "all", label: "All" },
  { value: "complete", label: "Complete" },
  { value: "partial", label: "Partial" },
];

const getRowId = (row: ResponseRow) => row.id;

const selectClass = "rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const pagerButtonClass =
  "inline-flex items-center gap-1 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium " +
  "text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:border-slate-200 disabled:text-slate-400 " +
  "disabled:hover:bg-white";

export function ResponsesTable({
  rows,
  total,
  sort,
  dir,
  pageSize,
  nextCursor,
  prevCursor,
  firstRowNumber,
  labels,
  baseQuery,
  status,
}: ResponsesTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  // Sort arrows and selects show the new choice at once, while the server renders the page.
  const [view, setOptimisticView] = useOptimistic<View>({ sort, dir, status, pageSize });
  const rootRef = useRef<HTMLDivElement>(null);
  const pagedWith = useRef<"prev" | "next" | null>(null);

  const navigate = (change: Partial<View> & { cursor?: string }) => {
    const next: View = {
      sort: change.sort ?? view.sort,
      dir: change.dir ?? view.dir,
      status: change.status ?? view.status,
      pageSize: change.pageSize ?? view.pageSize,
    };
    const params = new URLSearchParams(baseQuery);
    // A cursor belongs to one sort order, filter set and page size: any other change starts over.
    params.delete("cursor");
    params.set("status", next.status);
    params.set("sort", next.sort);
    params.set("dir", next.dir);
    params.set("limit", String(next.pageSize));
    if (change.cursor) params.set("cursor", change.cursor);
    startTransition(() => {
      setOptimisticView(next);
      router.push(`${pathname}?${params.toString()}`, { scroll: false });
    });
  };

  // Sorting: one column, state derived from the URL; toggling it asks the server for the new order.
  const sorting = useMemo<SortingState>(() => [{ id: columnForSortKey(view.sort), desc: view.dir === "desc" }], [view.sort, view.dir]);
  const onSortingChange: OnChangeFn<SortingState> = (updater) => {
    const first = functionalUpdate(updater, sorting)[0];
    const sortKey = first ? sortKeyForColumn(first.id) : undefined;
    if (!first || !sortKey) return;
    const nextDir: Dir = first.desc ? "desc" : "asc";
    if (sortKey !== view.sort || nextDir !== view.dir) navigate({ sort: sortKey, dir: nextDir });
  };

  // Column layout: defaults on the server and in the first client render (no hydration mismatch);
  // the saved layout is applied after mount.
  const [prefs, setPrefs] = useState<ColumnPrefs>(DEFAULT_COLUMN_PREFS);
  const onColumnVisibilityChange: OnChangeFn<ColumnVisibilityState> = (updater) =>
    setPrefs((p) => ({ ...p, columnVisibility: normalizeVisibility(functionalUpdate(updater, p.columnVisibility)) }));
  const onColumnOrderChange: OnChangeFn<ColumnOrderState> = (updater) =>
    setPrefs((p) => ({ ...p, columnOrder: normalizeOrder(functionalUpdate(updater, p.columnOrder)) }));

  const meta = useMemo(() => ({ labels }), [labels]);
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId,
    meta,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: true,
    state: { sorting, columnVisibility: prefs.columnVisibility, columnOrder: prefs.columnOrder },
    onSortingChange,
    onColumnVisibilityChange,
    onColumnOrderChange,
  });

  const { setColumnOrder, setColumnVisibility } = table;
  useEffect(() => {
    const apply = (saved: ColumnPrefs | null) => {
      if (!saved) return;
      setColumnOrder(saved.columnOrder);
      setColumnVisibility(saved.columnVisibility);
    };
    apply(readColumnPrefs());
    // Another tab changed the layout.
    const onStorage = (event: StorageEvent) => {
      if (event.key === COLUMN_PREFS_KEY) apply(parseColumnPrefs(event.newValue) ?? DEFAULT_COLUMN_PREFS);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [setColumnOrder, setColumnVisibility]);

  useEffect(() => {
    // The initial object is the untouched default: nothing to save.
    if (prefs !== DEFAULT_COLUMN_PREFS) writeColumnPrefs(prefs);
  }, [prefs]);

  // After Previous/Next renders the new page: bring the table's top into view and keep focus on a
  // usable pager button (the pressed one may have become disabled on the first or last page).
  useEffect(() => {
    const pressed = pagedWith.current;
    const root = rootRef.current;
    if (!pressed || !root) return;
    pagedWith.current = null;
    if (root.getBoundingClientRect().top < 0) root.scrollIntoView({ block: "start" });
    const button = root.querySelector<HTMLButtonElement>(`[data-testid="${pressed}-page"]`);
    const other = root.querySelector<HTMLButtonElement>(`[data-testid="${pressed === "next" ? "prev" : "next"}-page"]`);
    if (button?.disabled && other && !other.disabled) other.focus();
  }, [rows]);

  const page = (which: "prev" | "next") => {
    const cursor = which === "next" ? nextCursor : prevCursor;
    if (!cursor) return;
    pagedWith.current = which;
    navigate({ cursor });
  };

  const menuItems: ColumnsMenuItem[] = table
    .getAllLeafColumns()
    .filter((column) => column.getCanHide())
    .map((column) => ({ id: column.id, label: column.columnDef.meta?.label ?? column.id, visible: column.getIsVisible() }));

  const moveColumn = (id: string, delta: -1 | 1) =>
    table.setColumnOrder((order) => {
      const movable = order.filter((c) => c !== LINK_COLUMN_ID);
      const from = movable.indexOf(id);
      const to = from + delta;
      if (from === -1 || to < 0 || to >= movable.length) return order;
      const next = [...movable];
      next.splice(from, 1);
      next.splice(to, 0, id);
      return [LINK_COLUMN_ID, ...next];
    });

  const visibleColumnCount = table.getVisibleLeafColumns().length;
  const pageRows = table.getRowModel().rows;
  const sortedColumnId = sorting[0]?.id;
  const sortedLabel = columns.find((c) => c.id === sortedColumnId)?.meta?.label ?? "Submitted";
  const lastRowNumber = firstRowNumber + rows.length - 1;
  const range = rows.length === 0 ? "0" : `${formatCount(firstRowNumber)}–${formatCount(lastRowNumber)}`;

  return (
    <div ref={rootRef} className="grid min-w-0 scroll-mt-4 gap-3">
      {/* One row at every width: the Columns panel opens right-aligned under its button. */}
      <div className="flex items-end justify-between gap-3">
        <label className="grid gap-1">
          <span className="text-xs font-medium text-slate-500">Status</span>
          <select
            name="status"
            value={view.status}
            onChange={(e) => navigate({ status: e.target.value as Status })}
            className={selectClass}
          >
            {STATUS_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <ColumnsMenu
          items={menuItems}
          onToggle={(id, visible) => table.getColumn(id)?.toggleVisibility(visible)}
          onMove={moveColumn}
          onReset={() => {
            table.resetColumnOrder(true);
            table.resetColumnVisibility(true);
          }}
        />
      </div>

      <div className="relative min-w-0">
        <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
          <table data-testid="responses-table" aria-busy={pending} className="w-full border-separate border-spacing-0 text-sm">
            <caption className="sr-only">
              Survey responses, sorted by {sortedLabel} {view.dir === "desc" ? "descending" : "ascending"}. Times in UTC.
            </caption>
            <thead className="text-left text-xs text-slate-500">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const column = header.column;
                    const isLink = column.id === LINK_COLUMN_ID;
                    const end = column.columnDef.meta?.align === "end";
                    const canSort = column.getCanSort();
                    const sorted = column.id === sortedColumnId ? view.dir : null;
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
                  <td colSpan={visibleColumnCount} className="px-4 py-14 text-center text-slate-500">
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
        </div>
        {pending && (
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
        )}
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <p data-testid="rows-summary" aria-live="polite" className="text-slate-600">
            Showing <span className="font-medium text-slate-900 tabular-nums">{range}</span> of{" "}
            <span className="font-medium text-slate-900 tabular-nums">{formatCount(total)}</span>
          </p>
          <p className="text-xs text-slate-500">Times in UTC</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-slate-600">
            Rows per page
            <select
              name="limit"
              value={view.pageSize}
              onChange={(e) => navigate({ pageSize: Number(e.target.value) })}
              className={selectClass}
            >
              {(PAGE_SIZES.some((n) => n === view.pageSize) ? PAGE_SIZES : [...PAGE_SIZES, view.pageSize].sort((a, b) => a - b)).map(
                (n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ),
              )}
            </select>
          </label>
          <nav aria-label="Pages" className="flex gap-2">
            <button
              type="button"
              data-testid="prev-page"
              disabled={prevCursor === null}
              onClick={() => page("prev")}
              className={pagerButtonClass}
            >
              <span aria-hidden="true">←</span> Previous
            </button>
            <button
              type="button"
              data-testid="next-page"
              disabled={nextCursor === null}
              onClick={() => page("next")}
              className={pagerButtonClass}
            >
              Next <span aria-hidden="true">→</span>
            </button>
          </nav>
        </div>
      </div>
    </div>
  );
}

function SortIcon({ dir }: { dir: Dir | null }) {
  if (dir === null) {
    return (
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className="size-3.5 text-slate-300 group-hover/sort:text-slate-500"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="m5 6 3-3 3 3M5 10l3 3 3-3" />
      </svg>
    );
  }
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className="size-3.5 text-brand-600"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {dir === "desc" ? <path d="M8 3v10m-4-4 4 4 4-4" /> : <path d="M8 13V3M4 7l4-4 4 4" />}
    </svg>
  );
}
