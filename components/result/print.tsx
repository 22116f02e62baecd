"use client";
// The printable result: the page itself with print styles (print: variants hide the site chrome,
// the buttons, the deletion control and the latency of every architecture, and put the dark index
// card on white). A collapsed <details> would print as its summary only. Those worth printing
// (data-print="open") show their content in print through CSS (PRINT_OPEN in ./print-open.ts, the
// ::details-content pseudo-element, which needs no script); for browsers without it, PrintExpander opens them on
// beforeprint and closes them again afterwards, whether printing starts from the button or the menu.
import { useTranslations } from "@/components/i18n/client";
import { useEffect } from "react";

export function PrintButton() {
  const t = useTranslations("keep");
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-lg bg-white px-4 py-2 text-sm font-semibold text-brand-900 hover:bg-brand-50"
    >
      {t("print")}
    </button>
  );
}

export function PrintExpander() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      // Added to, not replaced: a second beforeprint before afterprint must not forget the first's.
      const closed = [...document.querySelectorAll<HTMLDetailsElement>('main details[data-print="open"]:not([open])')];
      for (const details of closed) details.open = true;
      opened.push(...closed);
    };
    const after = () => {
      for (const details of opened) details.open = false;
      opened = [];
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return null;
}
