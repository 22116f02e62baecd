"use client";
// The one table of the admin pages (accounts, API tokens, audit log): a TanStack Table v9 column
// model rendered as a plain, accessible <table> (caption, column headers with scope, row headers
// where asked), inside a focusable scroll region for phones. Each page defines its columns in a
// small client module; the data comes from the server page.
import { createColumnHelper, metaHelper, tableFeatures, useTable, type ColumnDef, type RowData } from "@tanstack/react-table";
import { ScrollRegion } from "./ScrollRegion";

export interface DataColumnMeta {
  align?: "end";
  /** Extra classes for the column's cells (widths, wrapping). */
  className?: string;
  /** The column names the row (rendered as <th scope="row">). */
  rowHeader?: boolean;
  /** Header text for screen readers when the visible header is empty (e.g. an actions column). */
  srHeader?: string;
}

export const dataTableFeatures = tableFeatures({ columnMeta: metaHelper<DataColumnMeta>() });
export type DataTableFeatures = typeof dataTableFeatures;
export const dataColumnHelper = <T extends RowData>() => createColumnHelper<DataTableFeatures, T>();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataColumns<T extends RowData> = ColumnDef<DataTableFeatures, T, any>[];

export function DataTable<T extends RowData>({
  columns,
  data,
  getRowId,
  caption,
  testId,
  empty = "Nothing here yet.",
  rowAttributes,
}: {
  columns: DataColumns<T>;
  data: T[];
  getRowId: (row: T) => string;
  /** Says what the table lists; read by screen readers and names the scroll region. */
  caption: string;
  testId?: string;
  empty?: string;
  rowAttributes?: (row: T) => Record<string, string | undefined>;
}) {
  const table = useTable({ features: dataTableFeatures, columns, data, getRowId });
  const rows = table.getRowModel().rows;
  return (
    <ScrollRegion label={caption} className="rounded-2xl border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                return (
                  <th key={header.id} scope="col" className={`px-3 py-2 font-medium ${meta?.align === "end" ? "text-right" : ""}`}>
                    {meta?.srHeader ? <span className="sr-only">{meta.srHeader}</span> : <table.FlexRender header={header} />}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={table.getAllLeafColumns().length} className="px-3 py-8 text-left text-slate-600">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100 align-top" {...rowAttributes?.(row.original)}>
                {row.getAllCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  const className = `px-3 py-2 ${meta?.align === "end" ? "text-right tabular-nums" : ""} ${meta?.className ?? ""}`;
                  return meta?.rowHeader ? (
                    <th key={cell.id} scope="row" className={`${className} text-left font-normal`}>
                      <table.FlexRender cell={cell} />
                    </th>
                  ) : (
                    <td key={cell.id} className={className}>
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
  );
}
