import type { ThryveConnectErrorCode } from '@thryve-connect/core';

/**
 * Why a call to Thryve failed: the part of core's `ThryveConnectErrorCode` a Thryve call can fail with.
 * - `configuration_error` (Thryve HTTP 401): Thryve refused the app's credentials — check
 *   username/password and authId/authSecret. No retry will help.
 * - `forbidden` (HTTP 403): Thryve refused the end-user token.
 * - `bad_request` (HTTP 400, or input refused before any request was sent).
 * - `not_found` (HTTP 404).
 * - `server_error`: Thryve answered 5xx or another HTTP error.
 * - `invalid_response`: the answer is not in Thryve's documented format (or larger than the cap).
 * - `timeout`: no complete answer within the client's `timeoutMs`.
 * - `network_error`: Thryve could not be reached at all.
 * - `rate_limited`: not sent, because the handler's limit for this user or for the app is spent
 *   (`prefetch`); `retryAfterMs` says when a new try can pass.
 */
export type ThryveApiErrorCode = Extract<
  ThryveConnectErrorCode,
  | 'configuration_error'
  | 'forbidden'
  | 'bad_request'
  | 'not_found'
  | 'server_error'
  | 'invalid_response'
  | 'timeout'
  | 'network_error'
  | 'rate_limited'
>;

/** Options of a {@link ThryveApiError}. */
export interface ThryveApiErrorOptions {
  /** Thryve's HTTP status, when it answered. */
  status?: number | undefined;
  cause?: unknown;
  /** For `rate_limited`: milliseconds until a new try can pass. */
  retryAfterMs?: number | undefined;
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
  /** For `rate_limited`: milliseconds until a new try can pass. */
  readonly retryAfterMs: number | undefined;

  constructor(code: ThryveApiErrorCode, message: string, options: ThryveApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** True for failures that may pass on their own (network, timeout, Thryve 5xx). */
  get retryable(): boolean {
    return this.code === 'network_error' || this.code === 'timeout' || this.code === 'server_error';
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
