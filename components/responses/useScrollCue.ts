"use client";
// Whether a sideways-scrolling region has more to see on either side, so the table can show a
// shadow and a "more columns" hint instead of silently cutting its widest columns off.
import { useEffect, useState, type RefObject } from "react";

export function useScrollCue(ref: RefObject<HTMLElement | null>, deps: unknown) {
  const [cue, setCue] = useState({ left: false, right: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const left = el.scrollLeft > 1;
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setCue((c) => (c.left === left && c.right === right ? c : { left, right }));
    };
    update();
    el.addEventListener("scroll", update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => {
      el.removeEventListener("scroll", update);
      observer.disconnect();
    };
  }, [ref, deps]);
  return cue;
}
