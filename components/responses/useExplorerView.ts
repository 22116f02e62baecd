"use client";
// The explorer's URL state: sort, direction, status and page size live in the URL; every change
// pushes a new URL inside a transition, and the controls show the new choice at once (optimistic)
// while the server renders the page.
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useOptimistic, useTransition } from "react";
import { functionalUpdate, type OnChangeFn, type SortingState } from "@tanstack/react-table";
import type { SortKey } from "@/lib/responses/params";
import { columnForSortKey, sortKeyForColumn } from "./columns";

export type Status = "complete" | "partial" | "all";
export type Dir = "asc" | "desc";

export interface View {
  sort: SortKey;
  dir: Dir;
  status: Status;
  pageSize: number;
}

export function useExplorerView(current: View, baseQuery: string) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [view, setOptimisticView] = useOptimistic<View>(current);

  const navigate = (change: Partial<View> & { cursor?: string }) => {
    const next: View = { ...view, ...Object.fromEntries(Object.entries(change).filter(([k, v]) => k !== "cursor" && v !== undefined)) };
    const params = new URLSearchParams(baseQuery);
    // A cursor belongs to one sort order, filter set and page size: any other change starts over.
    params.delete("cursor");
    params.set("status", next.status);
    params.set("sort", next.sort);
    params.set("dir", next.dir);
    params.set("limit", String(next.pageSize));
    if (change.cursor) params.set("cursor", change.cursor);
    startTransition(() => {
      setOptimisticView(next);
      router.push(`${pathname}?${params.toString()}`, { scroll: false });
    });
  };

  // Sorting: one column, state derived from the URL; toggling it asks the server for the new order.
  const sorting = useMemo<SortingState>(() => [{ id: columnForSortKey(view.sort), desc: view.dir === "desc" }], [view.sort, view.dir]);
  const onSortingChange: OnChangeFn<SortingState> = (updater) => {
    const first = functionalUpdate(updater, sorting)[0];
    const sortKey = first ? sortKeyForColumn(first.id) : undefined;
    if (!first || !sortKey) return;
    const nextDir: Dir = first.desc ? "desc" : "asc";
    if (sortKey !== view.sort || nextDir !== view.dir) navigate({ sort: sortKey, dir: nextDir });
  };

  return { view, pending, navigate, sorting, onSortingChange };
}
