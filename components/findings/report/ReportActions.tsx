"use client";
// The report's downloads: the PDF generated on the server (GET /api/v1/findings/report.pdf, same
// filters), and the browser's print dialog with the report's print stylesheet (app/globals.css).
export function ReportActions({ pdfHref }: { pdfHref: string }) {
  return (
    <div className="flex flex-wrap items-center justify-end gap-2 print:hidden">
      <a
        href={pdfHref}
        download
        className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        data-testid="download-pdf"
      >
        Download PDF
      </a>
      <button
        type="button"
        onClick={() => window.print()}
        className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100"
        data-testid="save-pdf"
      >
        Print
      </button>
    </div>
  );
}
