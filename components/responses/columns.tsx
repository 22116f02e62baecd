// Table features and column definitions for the responses explorer. Module-level so that the
// `features` and `columns` references stay stable across renders (TanStack Table v9 memoizes its
// row and column models on them).
import Link from "next/link";
import {
  columnOrderingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import type { ResponseRow, ResponsesTableProps, SortKey } from "./ResponsesTable";
import { formatUtcMinute, shortId } from "./format";

type LabelKey = keyof ResponsesTableProps["labels"];

export interface ResponsesColumnMeta {
  /** Plain-text name for the column chooser and announcements. */
  label: string;
  /** The server's sort key; absent for columns the server cannot sort by. */
  sortKey?: SortKey;
  align?: "start" | "end";
}

export interface ResponsesTableMeta {
  labels: ResponsesTableProps["labels"];
  /** The list's query string, carried to each response so its "All responses" link returns to this page. */
  listQuery: string;
}

// Sorting is server-side (manualSorting): the feature only provides state, `getCanSort` and
// `toggleSorting`; no sorted row model is registered, so the page is shown in the server's order.
export const features = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  tableMeta: metaHelper<ResponsesTableMeta>(),
  columnMeta: metaHelper<ResponsesColumnMeta>(),
});

const helper = createColumnHelper<typeof features, ResponseRow>();

function Empty() {
  return <span className="text-slate-500">—</span>;
}

function Timestamp({ iso }: { iso: string | null }) {
  const text = formatUtcMinute(iso);
  if (text === null || iso === null) return <Empty />;
  return <time dateTime={iso}>{text}</time>;
}

function labelled(key: LabelKey, header: string, sortKey: SortKey) {
  return helper.accessor(key, {
    id: key,
    header,
    meta: { label: header, sortKey },
    cell: (ctx) => {
      const value = ctx.getValue();
      if (value === null) return <Empty />;
      return ctx.table.options.meta?.labels[key][value] ?? value;
    },
  });
}

/** The id of the always-visible first column (the link to the response). */
export const LINK_COLUMN_ID = "response";

export const columns = helper.columns([
  helper.accessor("id", {
    id: LINK_COLUMN_ID,
    header: "Response",
    enableHiding: false,
    enableSorting: false,
    meta: { label: "Response" },
    cell: (ctx) => {
      const id = ctx.getValue();
      const query = ctx.table.options.meta?.listQuery;
      return (
        <Link
          href={`/dashboard/responses/${encodeURIComponent(id)}${query ? `?${query}` : ""}`}
          aria-label={`Open response ${shortId(id)}`}
          className="rounded font-mono text-xs font-medium text-brand-700 underline decoration-brand-100 underline-offset-2 hover:decoration-brand-700"
        >
          {shortId(id)}
        </Link>
      );
    },
  }),
  helper.accessor("submittedAt", {
    id: "submittedAt",
    header: "Submitted",
    meta: { label: "Submitted", sortKey: "submitted_at" },
    cell: (ctx) => <Timestamp iso={ctx.row.original.status === "partial" ? null : ctx.getValue()} />,
  }),
  helper.accessor("startedAt", {
    id: "startedAt",
    header: "Started",
    meta: { label: "Started", sortKey: "started_at" },
    cell: (ctx) => <Timestamp iso={ctx.getValue()} />,
  }),
  helper.accessor("status", {
    id: "status",
    header: "Status",
    enableSorting: false,
    meta: { label: "Status" },
    cell: (ctx) =>
      ctx.getValue() === "complete" ? (
        <span
          className={
            "inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 " +
            "ring-emerald-200 ring-inset"
          }
        >
          <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-500" />
          Complete
        </span>
      ) : (
        <span
          className={
            "inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 " +
            "ring-amber-200 ring-inset"
          }
        >
          <span aria-hidden="true" className="size-1.5 rounded-full bg-amber-500" />
          Partial
        </span>
      ),
  }),
  labelled("industry", "Industry", "industry"),
  labelled("region", "Region", "region"),
  labelled("companySize", "Company size", "company_size"),
  labelled("role", "Role", "role"),
  labelled("stage", "Stage", "stage"),
  helper.accessor("readinessIndex", {
    id: "readinessIndex",
    header: "Readiness index",
    meta: { label: "Readiness index", sortKey: "readiness_index", align: "end" },
    cell: (ctx) => {
      const value = ctx.getValue();
      return value === null ? <Empty /> : value.toFixed(1);
    },
  }),
]);

/** Column ids in their default order (the link column first). */
export const DEFAULT_COLUMN_ORDER: readonly string[] = columns.map((c) => c.id ?? "");

/** Columns the analyst may hide and reorder: everything but the link column. */
export const MOVABLE_COLUMN_IDS: readonly string[] = DEFAULT_COLUMN_ORDER.filter((id) => id !== LINK_COLUMN_ID);

const sortKeyByColumn = new Map<string, SortKey>();
for (const c of columns) if (c.id && c.meta?.sortKey) sortKeyByColumn.set(c.id, c.meta.sortKey);

export const sortKeyForColumn = (columnId: string): SortKey | undefined => sortKeyByColumn.get(columnId);
export const columnForSortKey = (sort: SortKey): string => [...sortKeyByColumn].find(([, key]) => key === sort)?.[0] ?? "submittedAt";
