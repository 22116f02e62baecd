import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";

// better-auth's endpoints (sign-in, sign-out, session). Handlers are created per request so the
// auth instance (and its secret) is only needed at run time, never during the build.
export const GET = (request: Request) => toNextJsHandler(auth()).GET(request);
export const POST = (request: Request) => toNextJsHandler(auth()).POST(request);
