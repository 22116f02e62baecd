import { z } from "zod";
import { NotFoundError } from "@/lib/errors";

export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

/** A slug that cannot name a survey is simply not found (no need to ask the database). */
export function parseSlug(slug: string): string {
  if (!slugSchema.safeParse(slug).success) throw new NotFoundError(`Survey "${slug.slice(0, 64)}"`);
  return slug;
}
