import { FilterBar } from "@/components/dashboard/FilterBar";
import { Notices } from "@/components/dashboard/Notices";
import { ResponsesTable } from "@/components/responses/ResponsesTable";
import { filtersToQuery } from "@/lib/analytics/filters";
import { pathWithQuery, requireAnalystPage } from "@/lib/auth/session";
import { loadResponsesPage } from "@/lib/responses/pages";

export const metadata = { title: "Responses" };

export default async function ResponsesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  await requireAnalystPage(pathWithQuery("/dashboard/responses", params));
  const { scope, explorer, problems, page, labels, options } = await loadResponsesPage(params);
  const filterQuery = filtersToQuery(scope.filters);
  // What the table keeps when it changes sort or page: the filters, status and page size.
  const base = new URLSearchParams(filterQuery);
  base.set("status", explorer.status);
  base.set("limit", String(explorer.limit));
  const listQuery = new URLSearchParams(base);
  listQuery.set("sort", explorer.sort);
  listQuery.set("dir", explorer.dir);
  if (explorer.cursor) listQuery.set("cursor", explorer.cursor);
  const exportQuery = new URLSearchParams(filterQuery);
  exportQuery.set("status", explorer.status);
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-brand-900">Responses · {scope.wave.title}</h1>
        <div className="flex flex-wrap gap-2 text-sm">
          <a
            href={`/api/v1/exports/responses.csv?${exportQuery}`}
            className="rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
            data-testid="export-csv"
            download
          >
            Export CSV
          </a>
          <a
            href={`/api/v1/exports/responses.csv?${exportQuery}&bom=1`}
            className="rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
            download
          >
            CSV for Excel
          </a>
          <a
            href={`/api/v1/exports/bundle.zip?${exportQuery}`}
            className="rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
            data-testid="export-bundle"
            title="The CSV with SPSS, R and Stata loaders and datapackage.json (ZIP)"
            download
          >
            Download bundle
          </a>
          <a
            href={`/api/v1/exports/codebook.csv?wave=${scope.wave.code}`}
            className="rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
            download
          >
            Codebook
          </a>
        </div>
      </div>
      <FilterBar
        filters={scope.filters}
        waves={scope.waves.map(({ code, title }) => ({ code, title }))}
        options={options}
        keep={`status=${explorer.status}&limit=${explorer.limit}&sort=${explorer.sort}&dir=${explorer.dir}`}
      />
      <Notices problems={problems} />
      <ResponsesTable
        rows={page.rows}
        total={page.total}
        sort={explorer.sort}
        dir={explorer.dir}
        pageSize={explorer.limit}
        nextCursor={page.nextCursor}
        prevCursor={page.prevCursor}
        firstRowNumber={page.offset + 1}
        labels={labels}
        baseQuery={base.toString()}
        listQuery={listQuery.toString()}
        status={explorer.status}
      />
    </div>
  );
}
