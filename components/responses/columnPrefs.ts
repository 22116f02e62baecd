// The analyst's column layout (which columns show, in which order), kept in localStorage.
// Stored values are untrusted: anything unknown is dropped and missing columns come back in
// their default place, so a layout saved by an older version of the table still works.
import type { ColumnOrderState, ColumnVisibilityState } from "@tanstack/react-table";
import { DEFAULT_COLUMN_ORDER, LINK_COLUMN_ID, MOVABLE_COLUMN_IDS } from "./columns";

export const COLUMN_PREFS_KEY = "rr.responses.columns";

export interface ColumnPrefs {
  columnOrder: ColumnOrderState;
  columnVisibility: ColumnVisibilityState;
}

export const DEFAULT_COLUMN_PREFS: ColumnPrefs = { columnOrder: [...DEFAULT_COLUMN_ORDER], columnVisibility: {} };

/** The link column first, then the known movable columns in the given order, then any missing ones. */
export function normalizeOrder(order: readonly unknown[]): ColumnOrderState {
  const seen = new Set<string>();
  for (const id of order) if (typeof id === "string" && MOVABLE_COLUMN_IDS.includes(id)) seen.add(id);
  for (const id of MOVABLE_COLUMN_IDS) seen.add(id);
  return [LINK_COLUMN_ID, ...seen];
}

/** Only explicit booleans for known, hideable columns. */
export function normalizeVisibility(visibility: unknown): ColumnVisibilityState {
  const out: ColumnVisibilityState = {};
  if (typeof visibility !== "object" || visibility === null) return out;
  for (const [id, visible] of Object.entries(visibility)) {
    if (MOVABLE_COLUMN_IDS.includes(id) && typeof visible === "boolean") out[id] = visible;
  }
  return out;
}

export function parseColumnPrefs(raw: string | null): ColumnPrefs | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const { columnOrder, columnVisibility } = value as Partial<Record<keyof ColumnPrefs, unknown>>;
    return {
      columnOrder: normalizeOrder(Array.isArray(columnOrder) ? columnOrder : []),
      columnVisibility: normalizeVisibility(columnVisibility),
    };
  } catch {
    return null;
  }
}

export function readColumnPrefs(): ColumnPrefs | null {
  try {
    return parseColumnPrefs(window.localStorage.getItem(COLUMN_PREFS_KEY));
  } catch {
    return null; // storage disabled (privacy settings, sandboxed frames)
  }
}

export function writeColumnPrefs(prefs: ColumnPrefs): void {
  try {
    const json = JSON.stringify(prefs);
    // Writing an unchanged value would be a no-op anyway; skipping it keeps other tabs quiet.
    if (window.localStorage.getItem(COLUMN_PREFS_KEY) !== json) window.localStorage.setItem(COLUMN_PREFS_KEY, json);
  } catch {
    // Quota or disabled storage: the layout still applies for this visit.
  }
}
