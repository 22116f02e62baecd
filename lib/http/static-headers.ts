// Security headers every response carries. Static, so next.config.ts sets them for whatever
// Next.js serves, and lib/http/headers.ts adds them to every API answer of the route pipeline
// (including the production server's own route). No imports: next.config.ts loads this file
// before anything else exists.
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
