// The account roles and what each may open, in one place (pure: pages, the API pipeline, the
// menu, the account form and the tests all read it). Roles are ordered: an admin may do whatever
// an analyst may, an analyst whatever a viewer may.
//
// - viewer: aggregate views only (overview, compare, trends, findings and their CSV exports), by
//   session cookie; no response explorer or detail, no row-level export, no API tokens, no admin.
//   Viewers are who the protection of published figures is for (docs/PRIVACY.md).
// - analyst: everything a viewer may, plus row-level data (explorer, detail, responses CSV,
//   codebooks) and personal API tokens; exact figures.
// - admin: everything, plus accounts, waves and the audit log.
export const ROLES = ["admin", "analyst", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` may open what needs `minimum`. */
export function atLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** The role an account row carries, or null for one that opens nothing (unknown or missing). */
export function roleOf(value: string | null | undefined): Role | null {
  return isRole(value) ? value : null;
}

/**
 * Personal API tokens are for analysts and admins: a viewer's token (e.g. one left from before a
 * role change) is refused like a revoked one.
 */
export function mayUseApiTokens(role: Role): boolean {
  return atLeast(role, "analyst");
}

/**
 * Which figures this role sees: analysts and admins are trusted with exact data; viewers (and the
 * public) get protected figures (docs/PRIVACY.md). Views badge which protection applies.
 */
export function figuresFor(role: Role | null): "exact" | "protected" {
  return role !== null && atLeast(role, "analyst") ? "exact" : "protected";
}

export const ROLE_LABELS: Record<Role, string> = { admin: "Admin", analyst: "Analyst", viewer: "Viewer" };
