// Display helpers for the responses table. Pure and locale-independent, so the server render and
// the browser's hydration produce the same text.

/** `YYYY-MM-DD HH:mm` in UTC, or null for a missing or unparseable timestamp. */
export function formatUtcMinute(iso: string | null): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().slice(0, 16).replace("T", " ");
}

/** Whole numbers with thousands separators ("1,384"), fixed to English so SSR and CSR agree. */
export const formatCount = (n: number) => n.toLocaleString("en-US");

/** The first 8 characters of a response id: enough to tell rows apart at a glance. */
export const shortId = (id: string) => id.slice(0, 8);
