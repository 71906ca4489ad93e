import { HTTP_STATUS } from './internal/HttpError.js';

/**
 * Why {@link parseThryveWebhook} refused a request:
 * - `verification_failed`: the host's `verify` check said no (answer 401).
 * - `invalid_body`: not a JSON webhook of Thryve's documented shape, or too large (answer 400).
 * - `unknown_type`: a notification type this library does not handle (answer 200/204 and ignore it, or 400).
 */
export type ThryveWebhookErrorCode = 'verification_failed' | 'invalid_body' | 'unknown_type';

/** The error of {@link parseThryveWebhook}; `status` is the HTTP status a receiver should answer. */
export class ThryveWebhookError extends Error {
  override readonly name = 'ThryveWebhookError';
  readonly code: ThryveWebhookErrorCode;
  /** The suggested HTTP answer: 401 for `verification_failed`, 400 otherwise. */
  readonly status: number;

  constructor(code: ThryveWebhookErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = HTTP_STATUS[code];
  }
}

/** Type guard: is `error` a {@link ThryveWebhookError} (optionally with the given code)? */
export function isThryveWebhookError(
  error: unknown,
  code?: ThryveWebhookErrorCode,
): error is ThryveWebhookError {
  return error instanceof ThryveWebhookError && (code === undefined || error.code === code);
}
