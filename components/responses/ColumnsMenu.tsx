// "Columns" menu: a disclosure (<details>) with a checkbox per column to show or hide it and
// Move left / Move right buttons to reorder it. Plain buttons and checkboxes, so it works with
// Tab, Space and Enter; Escape closes it and returns focus to the summary.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";

export interface ColumnsMenuItem {
  id: string;
  label: string;
  visible: boolean;
}

interface Props {
  /** Columns in their current order (the fixed link column excluded). */
  items: ColumnsMenuItem[];
  onToggle: (id: string, visible: boolean) => void;
  onMove: (id: string, delta: -1 | 1) => void;
  onReset: () => void;
}

export function ColumnsMenu({ items, onToggle, onMove, onReset }: Props) {
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const summaryRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // The button to focus once the list re-renders after a move (React may re-insert the moved
  // item's DOM node, which drops focus).
  const focusAfterMove = useRef<{ id: string; delta: -1 | 1 } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // The panel is rendered only while open, so its controls (a "Status" checkbox, say) never
  // compete with the toolbar's own labels for name-based lookups.
  const [open, setOpen] = useState(false);
  const hiddenCount = items.filter((i) => !i.visible).length;

  useEffect(() => {
    const pending = focusAfterMove.current;
    if (!pending || !listRef.current) return;
    focusAfterMove.current = null;
    const find = (delta: -1 | 1) => listRef.current?.querySelector<HTMLButtonElement>(`button[data-move="${pending.id}:${delta}"]`);
    const same = find(pending.delta);
    // At either end the pressed button is now disabled: move focus to its opposite.
    (same && !same.disabled ? same : find(pending.delta === 1 ? -1 : 1))?.focus();
  }, [items]);

  // Close when clicking or tabbing elsewhere.
  useEffect(() => {
    const close = (event: Event) => {
      const details = detailsRef.current;
      if (details?.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("focusin", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("focusin", close);
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDetailsElement>) => {
    const details = detailsRef.current;
    if (event.key === "Escape" && details?.open) {
      event.preventDefault();
      details.open = false;
      summaryRef.current?.focus();
    }
  };

  const move = (item: ColumnsMenuItem, index: number, delta: -1 | 1) => {
    focusAfterMove.current = { id: item.id, delta };
    onMove(item.id, delta);
    setAnnouncement(`${item.label} moved to position ${index + delta + 1} of ${items.length}.`);
  };

  return (
    <details
      ref={detailsRef}
      className="relative"
      data-testid="columns-menu"
      onKeyDown={onKeyDown}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary
        ref={summaryRef}
        className={
          "flex cursor-pointer list-none items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm " +
          "font-medium text-slate-700 hover:bg-slate-50 [&::-webkit-details-marker]:hidden"
        }
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 text-slate-500" fill="none" stroke="currentColor" strokeWidth="1.5">
          <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" />
          <path d="M6 2.75v10.5M10 2.75v10.5" />
        </svg>
        Columns
        {hiddenCount > 0 && <span className="rounded-full bg-brand-50 px-1.5 text-xs text-brand-700">{hiddenCount} hidden</span>}
        <span aria-hidden="true" className="text-slate-400">
          ▾
        </span>
      </summary>
      {open && (
        <div className="absolute right-0 z-30 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-2 shadow-lg">
          <fieldset>
            <legend className="px-2 pt-1 pb-2 text-xs font-medium text-slate-500">Show and order columns</legend>
            <ul ref={listRef} className="grid gap-0.5">
              {items.map((item, index) => (
                <li key={item.id} className="flex items-center gap-1 rounded-lg px-1 hover:bg-slate-50" data-column={item.id}>
                  <label className="flex min-w-0 flex-1 cursor-pointer items-center gap-2 px-1 py-1.5 text-sm">
                    <input
                      type="checkbox"
                      checked={item.visible}
                      onChange={(e) => onToggle(item.id, e.target.checked)}
                      className="size-4 accent-brand-600"
                    />
                    <span className="truncate">{item.label}</span>
                  </label>
                  <MoveButton item={item} delta={-1} disabled={index === 0} onClick={() => move(item, index, -1)} />
                  <MoveButton item={item} delta={1} disabled={index === items.length - 1} onClick={() => move(item, index, 1)} />
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="mt-1 flex items-center justify-end border-t border-slate-100 pt-2">
            <button
              type="button"
              onClick={() => {
                onReset();
                setAnnouncement("Columns reset to the default layout.");
              }}
              className="rounded-lg px-2 py-1 text-sm text-brand-700 hover:bg-brand-50"
            >
              Reset columns
            </button>
          </div>
          <p role="status" className="sr-only">
            {announcement}
          </p>
        </div>
      )}
    </details>
  );
}

function MoveButton({ item, delta, disabled, onClick }: { item: ColumnsMenuItem; delta: -1 | 1; disabled: boolean; onClick: () => void }) {
  const direction = delta === -1 ? "left" : "right";
  return (
    <button
      type="button"
      data-move={`${item.id}:${delta}`}
      aria-label={`Move ${item.label} ${direction}`}
      title={`Move ${direction}`}
      disabled={disabled}
      onClick={onClick}
      className={
        "grid size-7 shrink-0 place-items-center rounded-md text-slate-600 hover:bg-slate-200 disabled:cursor-default " +
        "disabled:text-slate-300 disabled:hover:bg-transparent"
      }
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className="size-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {delta === -1 ? <path d="M10 3.5 5.5 8l4.5 4.5" /> : <path d="M6 3.5 10.5 8 6 12.5" />}
      </svg>
    </button>
  );
}
