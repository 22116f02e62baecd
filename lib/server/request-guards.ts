// Requests the production server (scripts/serve.ts) refuses before Next.js sees them, because
// Next.js would answer them with a 500 and a logged stack trace (a cheap way to flood the logs).
// Pure apart from Next's own validator, so unit tests pin exactly what is refused.
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { BadRequestError } from "@/lib/errors";

/**
 * The client router's state header (sent with RSC: 1 navigations), checked with Next's own
 * validator. proxy.ts cannot do this: Next.js strips its router headers before the proxy runs.
 */
export function routerStateProblem(header: string | string[] | undefined): BadRequestError | null {
  if (header === undefined) return null;
  try {
    parseAndValidateFlightRouterState(header);
    return null;
  } catch {
    return new BadRequestError("Next-Router-State-Tree", "is not a router state this app sent");
  }
}
