import { constantTimeEqual } from './internal/constantTimeEqual.js';
import type { ThryveWebhookVerifier } from './parseThryveWebhook.js';

/** Options of {@link createBasicAuthVerifier}: the credentials set in Thryve's dashboard for the webhook. */
export interface BasicAuthVerifierOptions {
  username: string;
  password: string;
}

/**
 * A webhook verifier for Basic credentials: lets a request through only when its `Authorization`
 * header is `Basic base64(username:password)`, compared in constant time.
 *
 * @example
 * parseThryveWebhook(request, {
 *   verify: createBasicAuthVerifier({ username: 'thryve', password: process.env.HOOK_PASSWORD! }),
 * });
 */
export function createBasicAuthVerifier(options: BasicAuthVerifierOptions): ThryveWebhookVerifier {
  const { username, password } = options ?? ({} as Partial<BasicAuthVerifierOptions>);
  if (typeof username !== 'string' || username === '' || username.includes(':')) {
    throw new TypeError('createBasicAuthVerifier: "username" must be a non-empty string without ":".');
  }
  if (typeof password !== 'string' || password === '') {
    throw new TypeError('createBasicAuthVerifier: "password" must be a non-empty string.');
  }
  const expected = btoa(String.fromCharCode(...new TextEncoder().encode(`${username}:${password}`)));
  return (request) => {
    const match = /^Basic +([A-Za-z0-9+/]+={0,2})$/i.exec(request.headers.get('authorization') ?? '');
    return constantTimeEqual(match?.[1] ?? '', expected);
  };
}
