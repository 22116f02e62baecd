// Analyst-account forms: one schema each, used by the form, the server action and the tests.
import { z } from "zod";
import { ROLES } from "./roles";

export const loginSchema = z.object({
  email: z.email({ error: "Enter your email address" }).max(254),
  password: z.string().min(1, "Enter your password").max(128),
});

const password = z.string().min(12, "Use at least 12 characters").max(128, "Use at most 128 characters");

export const setupAdminSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This setup link is not valid"),
  name: z.string().trim().min(1, "Enter your name").max(100),
  email: z.email({ error: "Enter a valid email address" }).max(254),
  password,
});

export const createAnalystSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100),
  email: z.email({ error: "Enter a valid email address" }).max(254),
  password,
  role: z.enum(ROLES, { error: "Choose viewer, analyst or admin" }),
});

/** What a form action returns; `values` puts non-secret input back after React resets the form. */
export type FormState = { ok: boolean; message: string; fields: Record<string, string>; values?: Record<string, string> } | null;

/** The submitted text fields except passwords and tokens, to refill a form after an error. */
export function keptValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && key !== "password" && key !== "token") out[key] = value.slice(0, 300);
  return out;
}

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * What a server action was sent is whatever the caller encoded, not necessarily the form's
 * FormData (a script can call the action with `[null, 1]`). Anything else is refused as a form
 * that could not be read, rather than crashing into a 500.
 */
export function isForm(value: unknown): value is FormData {
  return value instanceof FormData;
}

export const UNREADABLE_FORM: FormState = { ok: false, message: "This form could not be read. Reload the page and try again.", fields: {} };
