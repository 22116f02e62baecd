/** Search params as Next.js hands them to pages (a record) or as a URLSearchParams, as the latter. */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

export function toSearchParams(params: SearchParamsInput): URLSearchParams {
  if (params instanceof URLSearchParams) return params;
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(key, v);
  return out;
}
