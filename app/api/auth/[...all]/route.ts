import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";
import { withLoginLimit } from "@/lib/auth/login-limit";

// better-auth's endpoints (sign-in, sign-out, session). Handlers are created per request so the
// auth instance (and its secret) is only needed at run time, never during the build. Sign-ins
// also pass the per-account failure limit (lib/auth/login-limit.ts).
export const GET = (request: Request) => toNextJsHandler(auth()).GET(request);
export const POST = (request: Request) => withLoginLimit(request, (r) => toNextJsHandler(auth()).POST(r));
