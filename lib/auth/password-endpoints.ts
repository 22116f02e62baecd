// Which of better-auth's endpoints take a password, and what each does with it. Pure data, so a
// unit test can hold it against the endpoints better-auth actually has
// (tests/unit/auth-password-endpoints.test.ts fails when one appears that is in neither list).

/** A better-auth endpoint that checks a password sent by the caller. */
export interface PasswordCheck {
  /** Whose password: the account named by the body's email, or the signed-in user's. */
  account: "email" | "session";
  /** The field a refusal names. */
  field: string;
}

/**
 * Every better-auth endpoint that verifies a caller's password, by path under /api/auth, enabled in
 * lib/auth/config.ts or not (delete-user is off, but would check a password if turned on). Each
 * goes through the per-account limit (./login-limit.ts).
 */
export const PASSWORD_CHECKS: Readonly<Record<string, PasswordCheck>> = {
  "/sign-in/email": { account: "email", field: "email" },
  "/change-password": { account: "session", field: "currentPassword" },
  "/verify-password": { account: "session", field: "password" },
  "/delete-user": { account: "session", field: "password" },
};

/** Endpoints that take a new password but never check one, and why guessing gains nothing there. */
export const PASSWORD_SETTERS: Readonly<Record<string, string>> = {
  "/sign-up/email": "disabled (disableSignUp): admins create accounts",
  "/reset-password": "needs a reset token, and none is ever issued (no reset e-mail is configured)",
  "/admin/create-user": "admins only",
  "/admin/set-user-password": "admins only",
};

/** better-auth's error codes for a wrong password: only these answers use up the allowance. */
export const WRONG_PASSWORD_CODES: ReadonlySet<string> = new Set(["INVALID_EMAIL_OR_PASSWORD", "INVALID_PASSWORD"]);
