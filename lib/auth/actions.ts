"use server";
// Server actions for account management. Each validates with the shared zod schema and checks
// the caller's session itself.
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { AccountChangeRefused, auditAccountCreated, changeAccount, type AccountChange } from "./accounts";
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
  // Signed in at once with what they just chose (the nextCookies plugin sets the session cookie).
  await auth().api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  redirect("/dashboard");
}

export async function createAnalystAction(_previous: FormState, form: FormData): Promise<FormState> {
  const admin = await requireAnalystAction("admin");
  if (!isForm(form)) return UNREADABLE_FORM;
  const parsed = createAnalystSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return { ok: false, message: "Please correct the fields below.", fields: fieldErrors(parsed.error), values: keptValues(form) };
  try {
    // With the admin's headers, better-auth checks the admin role again itself.
    // The admin plugin types roles as its defaults ("admin" | "user"); "analyst" and "viewer" are
    // ours (lib/auth/roles.ts; the default is set in lib/auth/config.ts) and are stored as given.
    const created = await auth().api.createUser({ body: { ...parsed.data, role: parsed.data.role as "admin" }, headers: await headers() });
    await auditAccountCreated(admin, { id: created.user.id, email: created.user.email });
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
  // The accounts table on the same page shows the new account at once.
  revalidatePath("/dashboard/users");
  return { ok: true, message: `Created ${parsed.data.email} as ${parsed.data.role}. Share the password with them securely.`, fields: {} };
}

const accountChangeSchema = z.object({ id: z.string().min(1).max(100), change: z.enum(["disable", "enable", "remove"]) });
const DONE: Record<AccountChange, string> = { disable: "Disabled", enable: "Enabled", remove: "Removed" };

/** Admins only: disable, re-enable or remove an account (lib/auth/accounts.ts refuses yourself and the last admin). */
export async function changeAccountAction(_previous: FormState, form: FormData): Promise<FormState> {
  const admin = await requireAnalystAction("admin");
  if (!isForm(form)) return UNREADABLE_FORM;
  const parsed = accountChangeSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: "That request was not understood.", fields: {} };
  try {
    const { email } = await changeAccount(admin, parsed.data.id, parsed.data.change);
    revalidatePath("/dashboard/users");
    revalidatePath("/dashboard/audit");
    return { ok: true, message: `${DONE[parsed.data.change]} ${email}.`, fields: {} };
  } catch (error) {
    if (error instanceof AccountChangeRefused) return { ok: false, message: error.message, fields: {} };
    if (error instanceof NotFoundError) return { ok: false, message: "That account no longer exists.", fields: {} };
    throw error;
  }
}

export async function signOutAction(): Promise<void> {
  await auth().api.signOut({ headers: await headers() });
  redirect("/login");
}
