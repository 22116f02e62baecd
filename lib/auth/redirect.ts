/**
 * Only a path on this site may be the return address (no open redirect): browsers treat "/\\x",
 * "//x" and paths with tabs or newlines as other hosts, so those are refused, and the result is
 * re-read as a URL against a placeholder origin to be sure it stays on it.
 */
export function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next || !/^\/(?![/\\])/.test(next) || /[\\\u0000-\u001f\u007f]/.test(next)) return "/dashboard";
  const url = new URL(next, "http://same.invalid");
  return url.origin === "http://same.invalid" ? `${url.pathname}${url.search}` : "/dashboard";
}
