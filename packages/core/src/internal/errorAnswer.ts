import type { ThryveConnectErrorCode } from '../ThryveConnectError.js';

/**
 * The browser's one HTTP status → code table: what an error answer of the backend means when its body
 * names no code of {@link PROXY_CODES}; any other 5xx is `server_error`, any other status `bad_request`.
 * The server's answers use the same codes (its own table).
 */
const STATUS_CODES: Partial<Record<number, ThryveConnectErrorCode>> = {
  401: 'unauthorized',
  403: 'forbidden',
  408: 'timeout',
  429: 'rate_limited',
  504: 'timeout',
};

// The backend proxy's codes (`{ error: { code } }`) that its HTTP status alone does not tell: adopted,
// so the browser shows the code the server sent (a `configuration_error` is not retried). The proxy's
// other codes are the ones `STATUS_CODES` gives; an unknown code is ignored.
const PROXY_CODES = ' invalid_locale invalid_data_source native_data_source configuration_error not_found ';

/** What an error answer of the backend proxy says. */
export interface ErrorAnswer {
  code: ThryveConnectErrorCode;
  /** The body's `error.message`, whatever it is (shown in development only). */
  message: unknown;
  /** The answer's `Retry-After` (delay-seconds or an HTTP date) in ms; unreadable is as absent. */
  retryAfterMs: number | undefined;
}

/**
 * Reads an error answer of the backend proxy: the code its body names, else its status's. Loaded on
 * the first error answer (a dynamic import of `createProxyFetcher`): a page whose backend answers
 * never loads it. Imports nothing, so it is a chunk of its own in every bundler.
 */
export async function readErrorAnswer(response: Response): Promise<ErrorAnswer> {
  const { status, headers } = response;
  const error = await response.json().then(
    (body: { error?: { code?: unknown; message?: unknown } } | null) => body?.error,
    () => undefined,
  );
  const code = error?.code;
  const retryAfter = headers.get('retry-after')?.trim();
  const wait = retryAfter
    ? /^\d+$/.test(retryAfter)
      ? +retryAfter * 1000
      : Date.parse(retryAfter) - Date.now()
    : NaN;
  return {
    code:
      typeof code === 'string' && PROXY_CODES.includes(` ${code} `)
        ? (code as ThryveConnectErrorCode)
        : (STATUS_CODES[status] ?? (status >= 500 ? 'server_error' : 'bad_request')),
    message: error?.message,
    retryAfterMs: Number.isFinite(wait) ? Math.max(0, wait) : undefined,
  };
}
