import { handleAuthRequest } from "@/lib/auth/handler";

// better-auth's endpoints (sign-in, sign-out, session), behind lib/auth/handler.ts: the app's
// client-address rule, one JSON body reader and the per-account password limit. The auth instance
// (and its secret) is only needed at run time, never during the build.
export const GET = handleAuthRequest;
export const POST = handleAuthRequest;
