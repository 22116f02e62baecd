// Loaded with `--import` by the production server: lets Node (outside Next's bundler) import the
// same server modules Next.js serves, which mark themselves with `import "server-only"`. That
// package throws unless resolved under React's "react-server" condition; here it is a no-op.
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
