/** The default redirect allow-list: local development origins on any port. */
export const DEFAULT_REDIRECT_ALLOW_LIST: readonly string[] = ['http://localhost', 'http://127.0.0.1'];

// An entry without a port allows every port of its scheme and host; an entry with a path allows that
// path and below it. Matching on parsed parts (never string prefixes) keeps `http://localhost.evil.com`
// and `http://localhost@evil.com` out.
function matchesEntry(target: URL, entry: string): boolean {
  let allowed: URL;
  try {
    allowed = new URL(entry);
  } catch {
    return false;
  }
  if (allowed.protocol !== target.protocol || allowed.hostname !== target.hostname) return false;
  if (allowed.port !== '' && allowed.port !== target.port) return false;
  const base = allowed.pathname.replace(/\/+$/, '');
  return base === '' || target.pathname === base || target.pathname.startsWith(`${base}/`);
}

/**
 * Whether `redirectUri` is an absolute http(s) URL on the allow-list or on one of `ownOrigins`
 * (the sandbox always trusts itself, which is how its widget page comes back to itself).
 */
export function isAllowedRedirect(
  redirectUri: string,
  allowList: readonly string[],
  ownOrigins: readonly string[],
): boolean {
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return false;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  if (target.username !== '' || target.password !== '') return false;
  if (ownOrigins.includes(target.origin)) return true;
  return allowList.some((entry) => matchesEntry(target, entry));
}

/** `redirectUri` with `params` appended, keeping its own query and fragment. */
export function withParams(redirectUri: string, params: Record<string, string>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}
