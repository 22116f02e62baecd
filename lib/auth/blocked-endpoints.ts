/**
 * better-auth's admin endpoints that change an existing account. Admins change accounts through
 * lib/auth/accounts.ts (never yourself, never the last active admin, every change audited); these
 * would go around it, so they answer 404.
 */
export const BLOCKED_ADMIN_ENDPOINTS: ReadonlySet<string> = new Set([
  "/admin/ban-user",
  "/admin/unban-user",
  "/admin/remove-user",
  "/admin/set-role",
  "/admin/set-user-password",
  "/admin/update-user",
  "/admin/impersonate-user",
  "/admin/stop-impersonating",
  "/admin/revoke-user-session",
  "/admin/revoke-user-sessions",
]);
