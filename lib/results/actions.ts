"use server";
// The waves dashboard's "Public results" form (admin): publish a wave's results with the chosen
// panels, change the panels, or unpublish. Same schema and rules as the API (./routes.ts).
import { revalidatePath } from "next/cache";
import { isForm } from "@/lib/auth/schemas";
import { requireAnalystAction } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { SURVEY_SLUG } from "@/lib/survey/instrument";
import { slugSchema } from "@/lib/survey/slug";
import { PANEL_TITLES } from "./panels";
import { setPublication } from "./publication";
import { publicationRequestSchema } from "./schemas";

export type PublicationActionState = { ok: boolean; message: string } | null;

const UNREADABLE = { ok: false, message: "This form could not be read. Reload the page and try again." };

export async function setPublicationAction(_previous: PublicationActionState, form: unknown): Promise<PublicationActionState> {
  const admin = await requireAnalystAction("admin");
  if (!isForm(form)) return UNREADABLE;
  const survey = slugSchema.catch(SURVEY_SLUG).parse(form.get("survey") ?? SURVEY_SLUG);
  const code = String(form.get("code") ?? "");
  const publish = form.get("intent") === "publish";
  const parsed = publicationRequestSchema.safeParse(
    publish ? { published: true, panels: form.getAll("panels").map(String) } : { published: false },
  );
  if (!parsed.success) return { ok: false, message: publish ? "Choose at least one panel to publish (each once)." : UNREADABLE.message };
  try {
    const result = await setPublication(admin, survey, code, parsed.data);
    revalidatePath("/dashboard/waves");
    return {
      ok: true,
      message: result.published
        ? `${code}'s results are public: ${result.panels.map((p) => PANEL_TITLES[p]).join(", ")}.`
        : `${code}'s results are no longer public.`,
    };
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { ok: false, message: error.message };
    throw error;
  }
}
