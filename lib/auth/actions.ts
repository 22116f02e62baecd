"use server";
// Server actions for account management. Each validates with the shared zod schema and checks
// the caller's session itself.
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "./index";
import { createAnalystSchema, fieldErrors, isForm, keptValues, setupAdminSchema, UNREADABLE_FORM, type FormState } from "./schemas";
import { requireAnalystAction } from "./session";
import { createFirstAdmin } from "./setup";

export async function setupAdminAction(_previous: FormState, form: FormData): Promise<FormState> {
  if (!isForm(form)) return UNREADABLE_FORM;
  const parsed = setupAdminSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return { ok: false, message: "Please correct the fields below.", fields: fieldErrors(parsed.error), values: keptValues(form) };
  const outcome = await createFirstAdmin(parsed.data);
  if (outcome !== "created")
    return { ok: false, message: "This setup link has expired or was already used. Restart the app for a new one.", fields: {} };
  redirect("/login?next=/dashboard");
}

export async function createAnalystAction(_previous: FormState, form: FormData): Promise<FormState> {
  await requireAnalystAction("admin");
  if (!isForm(form)) return UNREADABLE_FORM;
  const parsed = createAnalystSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return { ok: false, message: "Please correct the fields below.", fields: fieldErrors(parsed.error), values: keptValues(form) };
  try {
    // With the admin's headers, better-auth checks the admin role again itself.
    // The admin plugin types roles as its defaults ("admin" | "user"); "analyst" is our default
    // role (configured in lib/auth/config.ts) and is stored as given.
    await auth().api.createUser({ body: { ...parsed.data, role: parsed.data.role as "admin" }, headers: await headers() });
  } catch (error) {
    if (error instanceof APIError) {
      const taken = String(error.body?.code ?? "").includes("USER_ALREADY_EXISTS");
      return {
        ok: false,
        message: taken ? "An account with this email already exists." : "The account could not be created.",
        fields: taken ? { email: "Already in use" } : {},
        values: keptValues(form),
      };
    }
    throw error;
  }
  return { ok: true, message: `Created ${parsed.data.email} as ${parsed.data.role}. Share the password with them securely.`, fields: {} };
}

export async function signOutAction(): Promise<void> {
  await auth().api.signOut({ headers: await headers() });
  redirect("/login");
}
