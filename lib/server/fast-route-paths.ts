// Which requests the production server answers itself (lib/server/fast-routes.ts). Pure, so the
// unit tests pin exactly what bypasses Next.js.

// Plain slugs only: a percent-escaped or otherwise odd path is left to Next.js, which decodes it
// (and whose proxy answers malformed escapes). No trailing slash: Next.js redirects those.
const SUBMISSIONS_PATH = /^\/api\/v1\/surveys\/([A-Za-z0-9_-]{1,100})\/responses$/;

/** The survey slug when this is an anonymous API submission (POST …/responses), else null. */
export function submissionSlug(method: string | undefined, url: string | undefined): string | null {
  if (method !== "POST" || !url) return null;
  const query = url.indexOf("?");
  return SUBMISSIONS_PATH.exec(query === -1 ? url : url.slice(0, query))?.[1] ?? null;
}
