"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** Whether `href` is the page at `pathname` or a page under it (the overview only matches itself). */
export function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || (href !== "/dashboard" && pathname.startsWith(`${href}/`));
}

/** A dashboard menu entry: marks the current page with aria-current="page" and a visible style. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const current = isCurrent(usePathname(), href);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`rounded-lg px-3 py-1.5 ${
        current ? "bg-brand-600 text-white shadow-sm hover:bg-brand-700" : "text-slate-800 hover:bg-brand-50"
      }`}
    >
      {children}
    </Link>
  );
}
