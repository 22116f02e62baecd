// npm run build: the production build (`next build`, then the production server bundled into
// .next/readiness-server.mjs), for deployments that run `npm run serve` themselves.
import { buildIfNeeded } from "./lib/build";

await buildIfNeeded(true);
