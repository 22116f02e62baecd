// Server action forms as a browser without JavaScript posts them: the hidden fields Next.js renders
// into a form (the action's id among them), posted as multipart from a chosen cookie and origin.
import { clientIp } from "./auth";
import { testEnv } from "./env";

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The hidden fields of the first form on a page whose HTML contains `marker` (a server action form). */
export function actionForm(html: string, marker: string): [string, string][] {
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(marker));
  if (!form) throw new Error(`no form containing ${marker}`);
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)].map((m) => [
    decode(m[1]!),
    decode(m[2] ?? ""),
  ]);
}

/** Posts a server action form the way a browser without JavaScript does (multipart). */
export async function postAction(path: string, fields: [string, string][], cookie: string, headers: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return fetch(`${testEnv.baseUrl}${path}`, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { cookie, "x-forwarded-for": clientIp(), ...headers },
  });
}
