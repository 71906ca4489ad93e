import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

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

/** Builds the `Basic …` header value for one credential pair. */
export function basicHeader(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`, 'utf8').toString('base64')}`;
}

// Constant-time so the simulator does not teach clients a habit a real server would punish.
function sameSecret(actual: string | undefined, expected: string): boolean {
  if (actual === undefined) return false;
  const a = Buffer.from(actual.trim().replace(/^basic\s+/i, 'Basic '), 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks both Basic headers. Returns `undefined` when both match, else a reason that names the header
 * but never echoes what was sent.
 */
export function checkAuth(headers: IncomingHttpHeaders, credentials: SandboxCredentials): string | undefined {
  if (!sameSecret(headers.authorization, basicHeader(credentials.username, credentials.password))) {
    return 'Unauthorized: the Authorization header is missing or wrong.';
  }
  const app = headers.appauthorization;
  if (
    !sameSecret(Array.isArray(app) ? app[0] : app, basicHeader(credentials.authId, credentials.authSecret))
  ) {
    return 'Unauthorized: the AppAuthorization header is missing or wrong.';
  }
  return undefined;
}
