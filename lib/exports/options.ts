// Download options shared by every CSV export: a UTF-8 BOM for Excel, and gzip for a smaller
// download. Declared here (not in the server-only routes) so tests use the very same rules.
import { flagParameter, parseQuery } from "@/lib/api/query";
import type { FieldIssue } from "@/lib/errors";

export const downloadShape = {
  bom: flagParameter("1: start with a UTF-8 byte order mark (for Excel)."),
  gzip: flagParameter("1: send the file gzip-compressed (….csv.gz). Off by default: exports stream uncompressed, fastest on a good link."),
};
export const DOWNLOAD_KEYS = Object.keys(downloadShape) as (keyof typeof downloadShape)[];

export interface DownloadOptions {
  bom: boolean;
  gzip: boolean;
}

/** Reads bom/gzip ("0" or "1", each at most once) alone; problems name the parameter. */
export function parseDownloadOptions(params: URLSearchParams): { value: DownloadOptions; problems: FieldIssue[] } {
  const own = new URLSearchParams([...params].filter(([key]) => key in downloadShape));
  return parseQuery(downloadShape, own);
}
