// Who is the client? Derived from X-Forwarded-For with a fixed number of trusted proxy hops, and
// normalized so one machine cannot spread itself over many buckets (IPv4-mapped IPv6 folds to
// IPv4; an IPv6 client is its /64, which one subscriber typically owns). Pure: unit-tested.
import { createHmac } from "node:crypto";

/**
 * The client address: the X-Forwarded-For entry `hops` places from the right. Each trusted proxy
 * appends the address it received the request from, so entries left of that are whatever the
 * client claimed and are ignored. With fewer entries than hops (a request that bypassed a proxy),
 * the leftmost entry is used. Null when there is no usable header.
 */
export function clientAddress(forwardedFor: string | null, hops: number): string | null {
  if (!forwardedFor) return null;
  const entries = forwardedFor
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const entry = entries[Math.max(0, entries.length - hops)] as string;
  return normalizeAddress(entry);
}

/** Canonical form of an address ("[::1]:443" -> "::1"; "::ffff:10.0.0.1" -> "10.0.0.1"; IPv6 -> its /64). */
export function normalizeAddress(raw: string): string {
  let value = raw.trim().toLowerCase().slice(0, 100);
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  if (v4WithPort?.[1]) value = v4WithPort[1];
  const mapped = /^(?:::ffff:|0:0:0:0:0:ffff:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (mapped?.[1]) value = mapped[1];
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return value;
  const groups = expandIPv6(value);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : value;
}

function expandIPv6(value: string): string[] | null {
  if (!/^[0-9a-f:]+$/.test(value) || !value.includes(":")) return null;
  const halves = value.split("::");
  if (halves.length > 2) return null;
  const left = halves[0] ? halves[0].split(":") : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - left.length - right.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return null;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right];
  if (groups.length !== 8 || groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return groups.map((g) => g.replace(/^0+(?=.)/, ""));
}

/** A keyed hash of a subject (address, token, email): counters never store the raw value. */
export function subjectKey(secret: string, kind: string, value: string): string {
  return createHmac("sha256", secret).update(`${kind}\u0000${value}`).digest("base64url");
}

/**
 * The request header that tells better-auth who the client is (its own per-address limits read
 * only this header: lib/auth/config.ts). lib/auth/handler.ts sets it on every request it hands to
 * better-auth, replacing whatever a client sent under that name.
 */
export const CLIENT_ADDRESS_HEADER = "x-radar-client-address";

/**
 * A client subject (a keyed hash from subjectKey) written as an IPv6 address. better-auth keys its
 * limits by an address and ignores a header value that is not one, so the app's rule (trusted
 * hops, normalization) decides the client and better-auth only sees this stand-in. All 128 bits
 * come from the hash: two clients never share a bucket there either.
 */
export function subjectAsAddress(subject: string): string {
  const bytes = Buffer.from(subject, "base64url");
  if (bytes.length < 16) throw new Error("a subject must be a keyed hash of at least 128 bits");
  return Array.from({ length: 8 }, (_, group) => bytes.readUInt16BE(group * 2).toString(16)).join(":");
}
