/**
 * Every way a thryve-connect operation can fail, as a string union so callers can `switch` on it. The
 * one vocabulary of the library: core, the React components and the backend proxy (its JSON error
 * answers carry these codes, and the browser's proxy fetcher adopts them) all use it.
 * - input and URL validation: `invalid_url` … `invalid_input`;
 * - the host's backend and Thryve behind it: `unauthorized` (nobody is signed in), `forbidden`,
 *   `bad_request`, `not_found`, `server_error`, `network_error`, `timeout`, `invalid_response`, and
 *   `configuration_error` (Thryve refused the app's credentials: no retry will help), and
 *   `rate_limited` (the backend's limit for this user or app is spent: `retryAfterMs` says for how long);
 * - the flow at run time: `aborted`, `session_expired`, `popup_blocked`, and `fetcher_error` (a custom
 *   fetcher threw something that is not a thryve-connect error: a bug, kept as `cause`, never retried).
 */
export type ThryveConnectErrorCode =
  | 'invalid_url'
  | 'insecure_url'
  | 'disallowed_origin'
  | 'missing_token'
  | 'invalid_token'
  | 'invalid_data_source'
  | 'native_data_source'
  | 'invalid_redirect_uri'
  | 'invalid_locale'
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'bad_request'
  | 'not_found'
  | 'server_error'
  | 'network_error'
  | 'timeout'
  | 'invalid_response'
  | 'configuration_error'
  | 'rate_limited'
  | 'aborted'
  | 'session_expired'
  | 'popup_blocked'
  | 'fetcher_error';

/** The codes of {@link ThryveConnectError.causedBySetup}, space-delimited: a `Set` of them costs more bytes. */
const SETUP_CODES =
  ' invalid_url insecure_url disallowed_origin invalid_redirect_uri invalid_response configuration_error not_found invalid_data_source native_data_source invalid_locale ';

/** Options of a {@link ThryveConnectError}: the underlying error and, for HTTP failures, the status. */
export interface ThryveConnectErrorOptions {
  cause?: unknown;
  status?: number;
  /** For `rate_limited`: how long until a new try can succeed (the answer's `Retry-After`). */
  retryAfterMs?: number | undefined;
}

/**
 * The one error class of thryve-connect. `code` says what went wrong, `message` says what to do,
 * `status` carries the HTTP status when the host's backend answered with an error. Production builds
 * leave out the explanations (they cost bytes in every user's bundle): there, `message` is the code.
 */
export class ThryveConnectError extends Error {
  override readonly name = 'ThryveConnectError';
  // `declare`: set in the constructor, so a field declaration would only repeat them in every bundle.
  declare readonly code: ThryveConnectErrorCode;
  declare readonly status: number | undefined;
  /** For `rate_limited`: milliseconds until a new try can succeed, when the backend said. */
  declare readonly retryAfterMs: number | undefined;

  constructor(code: ThryveConnectErrorCode, message: string, options: ThryveConnectErrorOptions = {}) {
    super(message || code, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }

  /**
   * True when the app's setup is wrong (a URL, origin, redirect URI, route, data source or locale it
   * gave, or Thryve refusing its credentials): no retry and no other user helps, the developer must fix
   * it, and the message (in development builds) says what and how.
   */
  get causedBySetup(): boolean {
    return SETUP_CODES.includes(` ${this.code} `);
  }

  /**
   * True for failures that may pass on their own (network, 5xx, timeout): worth an automatic retry.
   * Not `rate_limited`: it passes only after `retryAfterMs`, which `shouldRetry` waits for once.
   */
  get retryable(): boolean {
    return ' network_error server_error timeout '.includes(` ${this.code} `);
  }
}

/** Type guard: is `error` a {@link ThryveConnectError} (optionally with the given code)? */
export function isThryveConnectError(
  error: unknown,
  code?: ThryveConnectErrorCode,
): error is ThryveConnectError {
  return error instanceof ThryveConnectError && (code === undefined || error.code === code);
}
