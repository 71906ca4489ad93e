/**
 * Who may use the control API (`/__sandbox/*`). It can read every user, reset the sandbox and inject
 * faults, so a web page the developer happens to visit while the sandbox runs must not reach it.
 *
 * The rule, for requests that come from a browser:
 * - an `Origin` header, when present, must be a loopback origin (`http(s)://localhost`, `127.0.0.1`
 *   or `[::1]`, any port) or the sandbox's own origin; anything else (another site, `null` from a
 *   sandboxed frame or a file) is refused;
 * - a request a browser marks with `Sec-Fetch-Site` or `Origin` must also have been sent *to* a
 *   loopback host or the sandbox's own host: a page that re-points its own domain at 127.0.0.1
 *   (DNS rebinding) sends `Host: evil.example` and is refused too.
 * Requests with neither header (curl, Node's fetch, test runners) are not browsers' and pass.
 */

/** Headers on every control answer the rule allows: stories and browser tests call it from other origins. */
export const CONTROL_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '600',
  // The answer depends on Origin and holds live state: never reuse it from a cache for another page.
  Vary: 'Origin',
  'Cache-Control': 'no-store',
};

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether `origin` is exactly a loopback origin (parsed, never a prefix: `localhost.evil.com` is not). */
export function isLoopbackOrigin(origin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return (
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    parsed.origin === origin &&
    LOOPBACK_HOSTNAMES.has(parsed.hostname)
  );
}

/**
 * Why a control request is refused, or `undefined` when it may be served. `own` is the sandbox's own
 * base URL (its origin and host are always trusted).
 */
export function controlRefusal(request: Request, own: string): string | undefined {
  const ownUrl = new URL(own);
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== ownUrl.origin && !isLoopbackOrigin(origin)) {
    return 'The sandbox control API only answers pages on localhost, 127.0.0.1 or [::1].';
  }
  if (origin !== null || request.headers.has('sec-fetch-site')) {
    const hostname = new URL(request.url).hostname;
    if (hostname !== ownUrl.hostname && !LOOPBACK_HOSTNAMES.has(hostname)) {
      return 'The sandbox control API only answers requests sent to a loopback host.';
    }
  }
  return undefined;
}
