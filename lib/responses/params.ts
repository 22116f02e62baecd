// Explorer parameters (besides the dashboard filters): status, sort, direction, page size, cursor.
// Shared by the page, the JSON API and the table component.
import { z } from "zod";
import type { FieldIssue } from "@/lib/errors";

export const SORT_KEYS = ["submitted_at", "started_at", "readiness_index", "industry", "region", "company_size", "role", "stage"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

export const explorerParamsSchema = z.object({
  status: z.enum(["complete", "partial", "all"], { error: "must be complete, partial or all" }).default("all"),
  sort: z.enum(SORT_KEYS, { error: `must be one of ${SORT_KEYS.join(", ")}` }).default("submitted_at"),
  dir: z.enum(["asc", "desc"], { error: "must be asc or desc" }).default("desc"),
  /** Page size ("size" is the company-size filter). */
  limit: z.coerce
    .number({ error: "must be 25, 50 or 100" })
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), "must be 25, 50 or 100")
    .default(50),
  cursor: z
    .string()
    .max(400, "is too long")
    .regex(/^[A-Za-z0-9_-]+$/, "is not a valid cursor")
    .optional(),
});

export type ExplorerParams = z.infer<typeof explorerParamsSchema>;

export function parseExplorerParams(params: URLSearchParams): { value: ExplorerParams; problems: FieldIssue[] } {
  const keys = ["status", "sort", "dir", "limit", "cursor"];
  // A repeated parameter is ambiguous (which one did the caller mean?): refused by name.
  const repeated: FieldIssue[] = keys
    .filter((key) => params.getAll(key).length > 1)
    .map((key) => ({ path: key, message: "may be given once" }));
  const raw = Object.fromEntries(
    keys.flatMap((key) => (params.has(key) && params.getAll(key).length === 1 ? [[key, params.get(key) ?? ""]] : [])),
  );
  const parsed = explorerParamsSchema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, problems: repeated };
  const problems = [...repeated, ...parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? "query"), message: i.message }))];
  // Keep what was valid: parse each key alone.
  const value = explorerParamsSchema.parse(
    Object.fromEntries(Object.entries(raw).filter(([key]) => !problems.some((p) => p.path === key))),
  );
  return { value, problems };
}

/** One row of the explorer, as the API and the table see it. */
export interface ResponseRow {
  id: string;
  status: "partial" | "complete";
  submittedAt: string | null;
  startedAt: string;
  industry: string | null;
  region: string | null;
  companySize: string | null;
  role: string | null;
  stage: string | null;
  readinessIndex: number | null;
}
