// Download options shared by every CSV export: a UTF-8 BOM for Excel, and gzip for a smaller
// download. Parsed here (not in the server-only handlers) so tests use the very same rules.
import { z } from "zod";
import type { FieldIssue } from "@/lib/errors";

export const DOWNLOAD_KEYS = ["bom", "gzip"] as const;
const flag = z.enum(["0", "1"], { message: 'must be "0" or "1"' });

export interface DownloadOptions {
  bom: boolean;
  gzip: boolean;
}

/** Reads bom/gzip ("0" or "1", each at most once); problems name the parameter. */
export function parseDownloadOptions(params: URLSearchParams): { value: DownloadOptions; problems: FieldIssue[] } {
  const problems: FieldIssue[] = [];
  const value: DownloadOptions = { bom: false, gzip: false };
  for (const key of DOWNLOAD_KEYS) {
    const given = params.getAll(key);
    if (given.length === 0) continue;
    if (given.length > 1) {
      problems.push({ path: key, message: "may be given once" });
      continue;
    }
    const parsed = flag.safeParse(given[0]);
    if (parsed.success) value[key] = parsed.data === "1";
    else problems.push({ path: key, message: parsed.error.issues[0]?.message ?? "is invalid" });
  }
  return { value, problems };
}
