import type { Dir } from "./useExplorerView";

export function SortIcon({ dir }: { dir: Dir | null }) {
  const common = {
    "aria-hidden": true,
    viewBox: "0 0 16 16",
    fill: "none",
    stroke: "currentColor",
    strokeLinecap: "round",
    strokeLinejoin: "round",
  } as const;
  if (dir === null) {
    return (
      <svg {...common} className="size-3.5 text-slate-400 group-hover/sort:text-slate-600" strokeWidth="1.5">
        <path d="m5 6 3-3 3 3M5 10l3 3 3-3" />
      </svg>
    );
  }
  return (
    <svg {...common} className="size-3.5 text-brand-600" strokeWidth="1.75">
      {dir === "desc" ? <path d="M8 3v10m-4-4 4 4 4-4" /> : <path d="M8 13V3M4 7l4-4 4 4" />}
    </svg>
  );
}
