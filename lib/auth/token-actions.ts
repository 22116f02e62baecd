"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAnalystAction } from "./session";
import { isForm } from "./schemas";
import { createApiToken, revokeApiToken } from "./tokens";

export type TokenState = { ok: boolean; message: string; token?: string } | null;

const nameSchema = z.string().trim().min(1, "Give the token a name, e.g. the script that will use it").max(80, "Use at most 80 characters");

export async function createTokenAction(_previous: TokenState, form: FormData): Promise<TokenState> {
  const analyst = await requireAnalystAction();
  if (!isForm(form)) return { ok: false, message: "This form could not be read. Reload the page and try again." };
  const parsed = nameSchema.safeParse(form.get("name"));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid name" };
  const { token } = await createApiToken(analyst.id, parsed.data);
  revalidatePath("/dashboard/tokens");
  return { ok: true, message: "Copy this token now: it will not be shown again.", token };
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const analyst = await requireAnalystAction();
  if (!isForm(form)) return;
  const id = z.uuid().safeParse(form.get("id"));
  if (id.success) await revokeApiToken(analyst.id, id.data);
  revalidatePath("/dashboard/tokens");
}
