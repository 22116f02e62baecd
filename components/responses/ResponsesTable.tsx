"use client";
// The analysts' responses explorer. Paging, sorting and filtering happen on the server: every
// action pushes a new URL (useExplorerView) and the page renders the next page of rows, so the
// browser holds one page at a time. TanStack Table (v9) supplies the column model: manual sorting
// state, column visibility and column order (saved in localStorage by useColumnPrefs). The table
// itself is ExplorerGrid; the pager is Pager.
import { useMemo, useRef } from "react";
import { useTable } from "@tanstack/react-table";
import { ColumnsMenu, type ColumnsMenuItem } from "./ColumnsMenu";
import { LINK_COLUMN_ID, columns, features } from "./columns";
import { ExplorerGrid } from "./ExplorerGrid";
import { Pager, selectClass } from "./Pager";
import { useColumnPrefs, useRestoreColumnPrefs } from "./useColumnPrefs";
import { useExplorerView, type Status } from "./useExplorerView";
import { usePagerFocus } from "./usePagerFocus";

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
  /** This page's whole query (filters, sort, page): each response link carries it, so its way back returns here. */
  listQuery: string;
  status: Status;
}

const STATUS_OPTIONS: { value: Status; label: string }[] = [
  { value: "all", label: "All" },
  { value: "complete", label: "Complete" },
  { value: "partial", label: "Partial" },
];

const getRowId = (row: ResponseRow) => row.id;

export function ResponsesTable(props: ResponsesTableProps) {
  const { rows, total, nextCursor, prevCursor, firstRowNumber, labels, baseQuery, listQuery } = props;
  const { view, pending, navigate, sorting, onSortingChange } = useExplorerView(
    { sort: props.sort, dir: props.dir, status: props.status, pageSize: props.pageSize },
    baseQuery,
  );
  const { prefs, onColumnVisibilityChange, onColumnOrderChange } = useColumnPrefs();
  const rootRef = useRef<HTMLDivElement>(null);
  const markPaged = usePagerFocus(rootRef, rows);

  const meta = useMemo(() => ({ labels, listQuery }), [labels, listQuery]);
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

  useRestoreColumnPrefs(table.setColumnOrder, table.setColumnVisibility);

  const page = (which: "prev" | "next") => {
    const cursor = which === "next" ? nextCursor : prevCursor;
    if (!cursor) return;
    markPaged(which);
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

  const sortedLabel = columns.find((c) => c.id === sorting[0]?.id)?.meta?.label ?? "Submitted";

  return (
    <div ref={rootRef} className="grid min-w-0 scroll-mt-4 gap-3">
      {/* One row at every width: the Columns panel opens right-aligned under its button. */}
      <div className="flex items-end justify-between gap-3">
        <label className="grid gap-1">
          <span className="text-xs font-medium text-slate-600">Status</span>
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
      <ExplorerGrid
        table={table}
        dir={view.dir}
        sortedColumnId={sorting[0]?.id}
        pending={pending}
        caption={`Survey responses, sorted by ${sortedLabel} ${view.dir === "desc" ? "descending" : "ascending"}. Times in UTC.`}
      />
      <Pager
        firstRowNumber={firstRowNumber}
        rowCount={rows.length}
        total={total}
        pageSize={view.pageSize}
        hasPrev={prevCursor !== null}
        hasNext={nextCursor !== null}
        onPageSize={(pageSize) => navigate({ pageSize })}
        onPage={page}
      />
    </div>
  );
}
