/** Thryve's rule for an end-user alias (`partnerUserID`): letters, digits and `-`, 1 to 80 characters. */
export const ALIAS_PATTERN = /^[A-Za-z0-9-]{1,80}$/;

/** What we accept as a Thryve end-user token (`accessToken` / `endUserId`). */
export const END_USER_ID_PATTERN = /^[A-Za-z0-9._~-]{1,256}$/;

export function isAlias(value: unknown): value is string {
  return typeof value === 'string' && ALIAS_PATTERN.test(value);
}

export function isEndUserId(value: unknown): value is string {
  return typeof value === 'string' && END_USER_ID_PATTERN.test(value);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * True for a loopback host name as `URL.hostname` spells it: `localhost`, `*.localhost`, `[::1]` and
 * 127.0.0.0/8 in dotted form. Anchored: `127.0.0.1.evil.tld` is not loopback.
 */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/**
 * Normalises a configured host (origin plus optional base path) to a prefix without a trailing slash.
 * https only — the API host receives the app's Basic credentials — except for loopback hosts (the
 * local sandbox), which never leave the machine.
 */
export function hostPrefix(host: string, what: string): string {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new TypeError(`The Thryve ${what} host must be an absolute URL such as https://api.thryve.de.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new TypeError(`The Thryve ${what} host must be an https URL (http only for localhost).`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError(`The Thryve ${what} host must not contain credentials, a query or a fragment.`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
