/**
 * Why a call to Thryve failed:
 * - `unauthorized` (HTTP 401): Thryve refused the app's credentials — check username/password and authId/authSecret.
 * - `forbidden` (HTTP 403): Thryve refused the end-user token.
 * - `bad_request` (HTTP 400, or input refused before any request was sent).
 * - `not_found` (HTTP 404).
 * - `upstream`: any other HTTP error, or a response that is not what Thryve documents.
 * - `timeout`: no complete answer within the client's `timeoutMs`.
 * - `network`: Thryve could not be reached at all.
 */
export type ThryveApiErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'bad_request'
  | 'not_found'
  | 'upstream'
  | 'timeout'
  | 'network';

/** Options of a {@link ThryveApiError}. */
export interface ThryveApiErrorOptions {
  /** Thryve's HTTP status, when it answered. */
  status?: number | undefined;
  cause?: unknown;
}

/**
 * The error of every {@link ThryveClient} method. Its message names the endpoint and what to check;
 * it never contains the credentials, the Authorization headers or their base64 forms.
 */
export class ThryveApiError extends Error {
  override readonly name = 'ThryveApiError';
  readonly code: ThryveApiErrorCode;
  /** Thryve's HTTP status, or `undefined` when there was no HTTP answer (timeout, network, local validation). */
  readonly status: number | undefined;

  constructor(code: ThryveApiErrorCode, message: string, options: ThryveApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
  }

  /** True for failures that may pass on their own (network, timeout, Thryve 5xx). */
  get retryable(): boolean {
    return (
      this.code === 'network' ||
      this.code === 'timeout' ||
      (this.code === 'upstream' && this.status !== undefined && this.status >= 500)
    );
  }

  /** Type guard: is `error` a {@link ThryveApiError} (optionally with the given code)? */
  static isThryveApiError(error: unknown, code?: ThryveApiErrorCode): error is ThryveApiError {
    return isThryveApiError(error, code);
  }
}

/** Type guard: is `error` a {@link ThryveApiError} (optionally with the given code)? */
export function isThryveApiError(error: unknown, code?: ThryveApiErrorCode): error is ThryveApiError {
  return error instanceof ThryveApiError && (code === undefined || error.code === code);
}
