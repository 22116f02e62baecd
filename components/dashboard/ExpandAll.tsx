"use client";

/** Opens or closes every <details> group inside the element with id `target`. */
export function ExpandAll({ target }: { target: string }) {
  const setAll = (open: boolean) => {
    document
      .getElementById(target)
      ?.querySelectorAll("details[data-group]")
      .forEach((d) => ((d as HTMLDetailsElement).open = open));
  };
  return (
    <div className="flex gap-2 text-sm print:hidden">
      <button type="button" onClick={() => setAll(true)} className="rounded-lg border border-slate-300 px-3 py-1 hover:bg-slate-100">
        Expand all
      </button>
      <button type="button" onClick={() => setAll(false)} className="rounded-lg border border-slate-300 px-3 py-1 hover:bg-slate-100">
        Collapse all
      </button>
    </div>
  );
}
