// The dashboard menu: each entry with the lowest role that may open its page (the page checks the
// same role itself with requireAnalystPage), so nobody is shown a link that only sends them back.
import type { Role } from "@/lib/auth/roles";
import { atLeast } from "@/lib/auth/roles";

export interface MenuEntry {
  href: string;
  label: string;
  minimum: Role;
}

export const DASHBOARD_MENU: readonly MenuEntry[] = [
  { href: "/dashboard", label: "Overview", minimum: "viewer" },
  { href: "/dashboard/compare", label: "Compare segments", minimum: "viewer" },
  { href: "/dashboard/trends", label: "Trends", minimum: "viewer" },
  { href: "/dashboard/findings", label: "Findings", minimum: "viewer" },
  { href: "/dashboard/responses", label: "Responses", minimum: "analyst" },
  { href: "/dashboard/tokens", label: "API tokens", minimum: "analyst" },
  { href: "/dashboard/users", label: "Accounts", minimum: "admin" },
  { href: "/dashboard/waves", label: "Waves", minimum: "admin" },
  { href: "/dashboard/audit", label: "Audit log", minimum: "admin" },
];

/** The entries `role` may open, in menu order. */
export function menuFor(role: Role): MenuEntry[] {
  return DASHBOARD_MENU.filter((entry) => atLeast(role, entry.minimum));
}
