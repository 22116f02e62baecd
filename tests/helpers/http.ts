import { testEnv } from "./env";

export interface ApiResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ErrorBody {
  error: { code: string; message: string; fields: { path: string; message: string }[] };
}

export interface ApiInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  cookie?: string;
  /** Another server than the suite's (a second server with its own settings). */
  baseUrl?: string;
}

/** Calls the running app; JSON bodies are encoded unless a string is given. */
export async function api<T = unknown>(path: string, init: ApiInit = {}): Promise<ApiResult<T>> {
  // An empty value means "leave this header out" (for testing a missing header).
  const headers: Record<string, string> = Object.fromEntries(Object.entries(init.headers ?? {}).filter(([, v]) => v !== ""));
  if (init.cookie) headers.cookie = init.cookie;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(`${init.baseUrl ?? testEnv.baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers,
    body,
    redirect: "manual",
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (an HTML page); keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** The "name=value" part of a Set-Cookie header, for sending it back. */
export function cookieFrom(headers: Headers): string | undefined {
  const set = headers.getSetCookie();
  return set[0]?.split(";")[0];
}
