// What the responses API answers (OpenAPI and response validation); see lib/analytics/schemas.ts.
import { z } from "zod";
import { filtersSchema } from "@/lib/analytics/schemas";
import type { Same } from "@/lib/api/types";
import { SORT_KEYS, type ResponseRow } from "./params";

export const responseRowSchema = z
  .object({
    id: z.string(),
    status: z.enum(["partial", "complete"]),
    submittedAt: z.string().nullable(),
    startedAt: z.string(),
    industry: z.string().nullable(),
    region: z.string().nullable(),
    companySize: z.string().nullable(),
    role: z.string().nullable(),
    stage: z.string().nullable(),
    readinessIndex: z.number().nullable(),
  })
  .strict()
  .meta({ id: "ResponseRow" });

export const responsesPageSchema = z
  .object({
    wave: z.string(),
    filters: filtersSchema,
    status: z.enum(["complete", "partial", "all"]),
    sort: z.enum(SORT_KEYS),
    dir: z.enum(["asc", "desc"]),
    limit: z.number().int(),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
    prevCursor: z.string().nullable(),
    rows: z.array(responseRowSchema),
  })
  .strict()
  .meta({ id: "ResponsesPage" });

const _row: Same<z.infer<typeof responseRowSchema>, ResponseRow> = true;
void _row;
