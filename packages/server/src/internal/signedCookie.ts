import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a signature is for: a click's never passes as a flash's, nor the reverse, and neither as the
 * tag of a user.
 */
export type SignedPurpose = 'clicks' | 'flash' | 'user';

/** The largest cookie value read; a browser keeps about 4 kB per cookie. */
export const MAX_COOKIE_LENGTH = 4000;

/** HMAC-SHA-256 of `payload` for `purpose`, base64url. */
export function sign(secret: string, purpose: SignedPurpose, payload: string): string {
  return createHmac('sha256', secret).update(`${purpose}.${payload}`).digest('base64url');
}

/** `payload.signature`, both base64url: safe in a cookie without quoting. */
export function seal(secret: string, purpose: SignedPurpose, value: unknown): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${sign(secret, purpose, payload)}`;
}

/** The value {@link seal} sealed for `purpose` with `secret`, or `undefined` for anything else. */
export function unseal(secret: string, purpose: SignedPurpose, sealed: string | undefined): unknown {
  if (sealed === undefined || sealed.length > MAX_COOKIE_LENGTH) return undefined;
  const dot = sealed.indexOf('.');
  const payload = sealed.slice(0, dot);
  const given = Buffer.from(sealed.slice(dot + 1));
  const expected = Buffer.from(sign(secret, purpose, payload));
  // The expected length is public (a SHA-256 in base64url); the comparison itself takes constant time.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  // Signed here, so it is the JSON `seal` wrote (without a dot, nothing above can match).
  return JSON.parse(Buffer.from(payload, 'base64url').toString());
}

/** One cookie's value from a `Cookie` header, or `undefined` (the first one when a name repeats). */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Attributes of the proxy's cookies. */
export interface CookieAttributes {
  /** `Secure` (and the name's `__Host-` prefix, chosen by the caller). */
  secure: boolean;
  /** Lifetime in seconds; 0 clears the cookie. */
  maxAgeSeconds: number;
}

/** A `Set-Cookie` value: HttpOnly, SameSite=Lax (sent on Thryve's top-level redirect back), Path=/. */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  const secure = attributes.secure ? '; Secure' : '';
  return `${name}=${value}; Path=/; Max-Age=${attributes.maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`;
}
