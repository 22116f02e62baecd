// The results publication API's shapes, defined once (routes, tests).
import { z } from "zod";
import { RESULT_PANELS } from "./panels";

export const resultPanelSchema = z.enum(RESULT_PANELS);

export const publicationRequestSchema = z
  .object({
    published: z.boolean().describe("true: the results are public at /results/{survey}/{wave}; false: they are not."),
    panels: z
      .array(resultPanelSchema)
      .min(1)
      .max(RESULT_PANELS.length)
      .refine((panels) => new Set(panels).size === panels.length, "each panel once")
      .optional()
      .describe("The panels to show; default: all of them (when publishing) or the ones chosen before."),
  })
  .strict();
export type PublicationRequest = z.infer<typeof publicationRequestSchema>;

export const publicationSchema = z
  .object({
    survey: z.string(),
    wave: z.string(),
    published: z.boolean(),
    panels: z.array(resultPanelSchema),
    /** The public page's path. */
    path: z.string(),
    publishedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .strict();
export type Publication = z.infer<typeof publicationSchema>;
