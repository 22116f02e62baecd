"use client";
// The saved column layout (visibility and order): defaults on the server and in the first client
// render (no hydration mismatch), the saved layout applied after mount, saved on every change and
// followed when another tab changes it.
import { useEffect, useState } from "react";
import { functionalUpdate, type ColumnOrderState, type ColumnVisibilityState, type OnChangeFn } from "@tanstack/react-table";
import {
  COLUMN_PREFS_KEY,
  DEFAULT_COLUMN_PREFS,
  normalizeOrder,
  normalizeVisibility,
  parseColumnPrefs,
  readColumnPrefs,
  writeColumnPrefs,
  type ColumnPrefs,
} from "./columnPrefs";

export function useColumnPrefs() {
  const [prefs, setPrefs] = useState<ColumnPrefs>(DEFAULT_COLUMN_PREFS);
  const onColumnVisibilityChange: OnChangeFn<ColumnVisibilityState> = (updater) =>
    setPrefs((p) => ({ ...p, columnVisibility: normalizeVisibility(functionalUpdate(updater, p.columnVisibility)) }));
  const onColumnOrderChange: OnChangeFn<ColumnOrderState> = (updater) =>
    setPrefs((p) => ({ ...p, columnOrder: normalizeOrder(functionalUpdate(updater, p.columnOrder)) }));

  useEffect(() => {
    // The initial object is the untouched default: nothing to save.
    if (prefs !== DEFAULT_COLUMN_PREFS) writeColumnPrefs(prefs);
  }, [prefs]);

  return { prefs, onColumnVisibilityChange, onColumnOrderChange };
}

/** After mount: applies the saved layout through the table's setters, and follows other tabs' changes. */
export function useRestoreColumnPrefs(
  setColumnOrder: (order: ColumnOrderState) => void,
  setColumnVisibility: (visibility: ColumnVisibilityState) => void,
) {
  useEffect(() => {
    const apply = (saved: ColumnPrefs | null) => {
      if (!saved) return;
      setColumnOrder(saved.columnOrder);
      setColumnVisibility(saved.columnVisibility);
    };
    apply(readColumnPrefs());
    const onStorage = (event: StorageEvent) => {
      if (event.key === COLUMN_PREFS_KEY) apply(parseColumnPrefs(event.newValue) ?? DEFAULT_COLUMN_PREFS);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [setColumnOrder, setColumnVisibility]);
}
