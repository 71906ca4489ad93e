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

/** Normalises a configured host (origin plus optional base path) to a prefix without a trailing slash. */
export function hostPrefix(host: string, what: string): string {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new TypeError(`The Thryve ${what} host must be an absolute URL such as https://api.thryve.de.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`The Thryve ${what} host must be an http(s) URL.`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError(`The Thryve ${what} host must not contain credentials, a query or a fragment.`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
