// Security headers every response carries. Static, so next.config.ts sets them for the routes
// Next.js serves and lib/server/fast-routes.ts for the ones the production server answers itself.
// No imports: next.config.ts loads this file before anything else exists.
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
