import { constantTimeEqual } from './internal/constantTimeEqual.js';
import type { ThryveWebhookVerifier } from './parseThryveWebhook.js';

/** Options of {@link createHeaderSecretVerifier}: the custom header set in Thryve's dashboard. */
export interface HeaderSecretVerifierOptions {
  /** The header's name, e.g. `x-thryve-secret`. */
  header: string;
  /** Its value: a long random secret. */
  secret: string;
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/**
 * A webhook verifier for a custom header secret: lets a request through only when the header carries
 * exactly `secret`, compared in constant time.
 *
 * @example
 * parseThryveWebhook(request, {
 *   verify: createHeaderSecretVerifier({ header: 'x-thryve-secret', secret: process.env.HOOK_SECRET! }),
 * });
 */
export function createHeaderSecretVerifier(options: HeaderSecretVerifierOptions): ThryveWebhookVerifier {
  const { header, secret } = options ?? ({} as Partial<HeaderSecretVerifierOptions>);
  if (typeof header !== 'string' || !HEADER_NAME.test(header)) {
    throw new TypeError('createHeaderSecretVerifier: "header" must be an HTTP header name.');
  }
  if (typeof secret !== 'string' || secret === '') {
    throw new TypeError('createHeaderSecretVerifier: "secret" must be a non-empty string.');
  }
  return (request) => {
    const given = request.headers.get(header);
    return given !== null && constantTimeEqual(given, secret);
  };
}
