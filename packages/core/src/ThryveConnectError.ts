/**
 * Every way a thryve-connect operation can fail, as a string union so callers can `switch` on it.
 * Grouped: URL/input validation, the host's backend (HTTP), and runtime states of the flow.
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
  | 'server_error'
  | 'network_error'
  | 'invalid_response'
  | 'aborted'
  | 'timeout'
  | 'session_expired'
  | 'popup_blocked';

/** Options of a {@link ThryveConnectError}: the underlying error and, for HTTP failures, the status. */
export interface ThryveConnectErrorOptions {
  cause?: unknown;
  status?: number;
}

/**
 * The one error class of thryve-connect. `code` says what went wrong, `message` says what to do,
 * `status` carries the HTTP status when the host's backend answered with an error. Production builds
 * leave out the explanations (they cost bytes in every user's bundle): there, `message` is the code.
 */
export class ThryveConnectError extends Error {
  override readonly name = 'ThryveConnectError';
  readonly code: ThryveConnectErrorCode;
  readonly status: number | undefined;

  constructor(code: ThryveConnectErrorCode, message: string, options: ThryveConnectErrorOptions = {}) {
    super(message || code, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
  }

  /** True for failures that may pass on their own (network, 5xx, timeout): worth an automatic retry. */
  get retryable(): boolean {
    return this.code === 'network_error' || this.code === 'server_error' || this.code === 'timeout';
  }
}

/** Type guard: is `error` a {@link ThryveConnectError} (optionally with the given code)? */
export function isThryveConnectError(
  error: unknown,
  code?: ThryveConnectErrorCode,
): error is ThryveConnectError {
  return error instanceof ThryveConnectError && (code === undefined || error.code === code);
}
