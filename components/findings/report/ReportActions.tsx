"use client";
// A PDF of the report is the browser's own "Save as PDF" from the print dialog, with the report's
// print stylesheet (app/globals.css, @media print). The server has no headless browser to render
// PDFs itself.
export function ReportActions() {
  return (
    <div className="grid justify-items-end gap-1 print:hidden">
      <button
        type="button"
        onClick={() => window.print()}
        className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        data-testid="save-pdf"
      >
        Download PDF
      </button>
      <p className="max-w-56 text-right text-xs text-slate-600">Opens the print dialog: choose “Save as PDF” as the printer.</p>
    </div>
  );
}
