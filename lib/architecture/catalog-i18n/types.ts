// The shape of one language's translation of the architecture catalog (../catalog.ts): every entry
// with every field, in the catalog's order, plus the round-trip note of ../assumptions.ts.
// Checked by the catalog's own zod schema when ../localized.ts loads.
import type { z } from "zod";
import type { architectureSchema } from "../catalog";

export interface CatalogTranslation {
  /** RTT_NOTE (../assumptions.ts) in this language. */
  rttNote: string;
  architectures: z.input<typeof architectureSchema>[];
}
