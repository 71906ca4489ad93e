import type { ThryveConnectErrorCode } from '@thryve-connect/core';
import type { ThryveWebhookErrorCode } from '../ThryveWebhookError.js';

/** Every code the server's routes answer with: core's vocabulary, and the webhook's refusals. */
export type HttpErrorCode =
  | Extract<
      ThryveConnectErrorCode,
      | 'bad_request'
      | 'invalid_locale'
      | 'invalid_data_source'
      | 'native_data_source'
      | 'unauthorized'
      | 'forbidden'
      | 'not_found'
      | 'server_error'
      | 'configuration_error'
      | 'timeout'
      | 'rate_limited'
    >
  | ThryveWebhookErrorCode;

/** The server's one code → HTTP status table (the browser's reverse table is in core's `createProxyFetcher`). */
export const HTTP_STATUS: Readonly<Record<HttpErrorCode, number>> = {
  bad_request: 400,
  invalid_locale: 400,
  invalid_data_source: 400,
  native_data_source: 400,
  invalid_body: 400,
  unknown_type: 400,
  unauthorized: 401,
  verification_failed: 401,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  server_error: 500,
  configuration_error: 502,
  timeout: 504,
};

/**
 * A refusal or failure a route answers as `{ error: { code, message } }`; the message is safe to show.
 * The status is the code's, unless HTTP wants a finer one: 405 for a wrong method (with `Allow`), 502
 * when Thryve, not this server, failed.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  /** Extra headers of the answer (e.g. `Allow` with a 405). */
  readonly headers: Record<string, string> | undefined;
  /** For `rate_limited`: milliseconds until a new try can pass. */
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly code: HttpErrorCode,
    message: string,
    options: {
      status?: 405 | 502 | undefined;
      headers?: Record<string, string> | undefined;
      /** For `rate_limited`: sent as `Retry-After` in whole seconds (at least 1). */
      retryAfterMs?: number | undefined;
    } = {},
  ) {
    super(message);
    this.status = options.status ?? HTTP_STATUS[code];
    this.retryAfterMs = options.retryAfterMs;
    this.headers =
      options.retryAfterMs === undefined
        ? options.headers
        : { ...options.headers, 'Retry-After': String(Math.max(1, Math.ceil(options.retryAfterMs / 1000))) };
  }

  /** The answer's JSON body. */
  get body(): string {
    return JSON.stringify({ error: { code: this.code, message: this.message } });
  }

  /** The answer: JSON, never cached, with this error's extra headers over `headers`. */
  toResponse(headers: Headers = new Headers()): Response {
    if (!headers.has('content-type')) headers.set('Content-Type', 'application/json');
    headers.set('Cache-Control', 'no-store');
    for (const [name, value] of Object.entries(this.headers ?? {})) headers.set(name, value);
    return new Response(this.body, { status: this.status, headers });
  }
}
