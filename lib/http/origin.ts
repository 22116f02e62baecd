import "server-only";
import { appUrl } from "@/lib/env";
import { CrossSiteRequestError } from "@/lib/errors";

/**
 * Refuses a state-changing request that a browser sent from another site. Browsers always send
 * Origin on DELETE/PUT/POST fetches; it must be the app's public origin or the origin the request
 * was addressed to (Host), which a page on another site cannot forge. Requests without Origin
 * (curl, scripts) are not cross-site browser requests and pass, unless Sec-Fetch-Site says so.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (request.headers.get("sec-fetch-site") === "cross-site") throw new CrossSiteRequestError();
  if (origin === null) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  const allowed = new Set([new URL(appUrl()).origin, ...(host ? [`${proto}://${host}`] : [])]);
  if (!allowed.has(origin)) throw new CrossSiteRequestError();
}
