"use client";
// After Previous/Next renders the new page: bring the table's top into view and keep focus on a
// usable pager button (the pressed one may have become disabled on the first or last page).
import { useEffect, useRef, type RefObject } from "react";

export function usePagerFocus(root: RefObject<HTMLElement | null>, page: unknown) {
  const pagedWith = useRef<"prev" | "next" | null>(null);
  useEffect(() => {
    const pressed = pagedWith.current;
    const el = root.current;
    if (!pressed || !el) return;
    pagedWith.current = null;
    if (el.getBoundingClientRect().top < 0) el.scrollIntoView({ block: "start" });
    const button = el.querySelector<HTMLButtonElement>(`[data-testid="${pressed}-page"]`);
    const other = el.querySelector<HTMLButtonElement>(`[data-testid="${pressed === "next" ? "prev" : "next"}-page"]`);
    if (button?.disabled && other && !other.disabled) other.focus();
  }, [root, page]);
  return (which: "prev" | "next") => {
    pagedWith.current = which;
  };
}
