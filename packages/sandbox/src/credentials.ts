/** The two Basic-auth credential pairs every Thryve REST call carries. */
export interface SandboxCredentials {
  username: string;
  password: string;
  authId: string;
  authSecret: string;
}

/** Credentials the sandbox accepts unless `startSandbox({ credentials })` sets others. */
export const DEFAULT_SANDBOX_CREDENTIALS: SandboxCredentials = {
  username: 'sandbox-user',
  password: 'sandbox-password',
  authId: 'sandbox-auth-id',
  authSecret: 'sandbox-auth-secret',
};

const utf8 = (value: string): Uint8Array => new TextEncoder().encode(value);

/** Builds the `Basic …` header value for one credential pair (UTF-8, as Node's Buffer would). */
export function basicHeader(user: string, secret: string): string {
  let binary = '';
  for (const byte of utf8(`${user}:${secret}`)) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

// Constant-time (for equal lengths) so the simulator does not teach clients a habit a real server
// would punish. Written out rather than node:crypto's timingSafeEqual: the handler also runs in browsers.
function sameSecret(actual: string | null, expected: string): boolean {
  if (actual === null) return false;
  const a = utf8(actual.trim().replace(/^basic\s+/i, 'Basic '));
  const b = utf8(expected);
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/**
 * Checks both Basic headers. Returns `undefined` when both match, else a reason that names the header
 * but never echoes what was sent.
 */
export function checkAuth(headers: Headers, credentials: SandboxCredentials): string | undefined {
  if (!sameSecret(headers.get('authorization'), basicHeader(credentials.username, credentials.password))) {
    return 'Unauthorized: the Authorization header is missing or wrong.';
  }
  // A repeated header arrives joined with ", " and so never matches: one value, or none.
  if (!sameSecret(headers.get('appauthorization'), basicHeader(credentials.authId, credentials.authSecret))) {
    return 'Unauthorized: the AppAuthorization header is missing or wrong.';
  }
  return undefined;
}
