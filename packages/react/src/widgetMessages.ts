import type { ThryveConnectErrorCode } from '@thryve-connect/core';
import { widgetTextsEn } from './internal/widgetTextsEn.js';

/**
 * What the components can say went wrong: one text per kind of failure the user can act on, not one
 * per error code (see {@link errorMessage} for which codes share a text).
 */
export interface ErrorMessages {
  /** Nobody is signed in at the host (`unauthorized`). */
  signedOut: string;
  /** The host's backend refused (`forbidden`). */
  forbidden: string;
  /** The network or the backend did not answer (`network_error`, `timeout`). */
  offline: string;
  /** The service failed or is misconfigured (`server_error`, `configuration_error`, `not_found`). */
  unavailable: string;
  /** An answer that cannot be used or trusted (an invalid or foreign widget URL, a bad response). */
  invalid: string;
  /** The backend's limit is spent (`rate_limited`): `seconds` until a new try can succeed. */
  rateLimited: (seconds: number) => string;
  /** Everything else. */
  default: string;
}

/** The widget's texts (and the error texts every component shares). */
export interface WidgetMessages {
  widgetTitle: string;
  widgetLoading: string;
  widgetReady: string;
  /** Shown and announced when the session of the widget on screen has aged. */
  widgetExpired: string;
  reload: string;
  retry: string;
  /** The button under a privacy notice (`consent`): accepts it and loads the widget. */
  consentAccept: string;
  /** The link to a privacy notice's full text (`consent.href`). */
  consentLink: string;
  errors: ErrorMessages;
}

/** Texts to override: any subset, and in `errors` any subset of the kinds. */
export type MessageOverrides<T extends Pick<WidgetMessages, 'errors'>> = Omit<Partial<T>, 'errors'> & {
  errors?: Partial<T['errors']> | undefined;
};

/** English widget texts: the fallback for every locale without its own. */
export const widgetMessagesEn: WidgetMessages = {
  ...widgetTextsEn,
  errors: {
    ...widgetTextsEn.errors,
    signedOut: 'You are signed out. Sign in again to connect your data sources.',
    forbidden: 'You are not allowed to connect data sources.',
    unavailable: 'The connection service is not available right now. Try again in a moment.',
    invalid: 'The connection service sent an answer this app cannot use.',
    rateLimited: (seconds) => `Too many attempts. Try again in ${seconds} s.`,
  },
};

/** Which text each error code shows; a code not listed shows `default`. */
const KIND: Partial<Record<ThryveConnectErrorCode, keyof ErrorMessages>> = {
  unauthorized: 'signedOut',
  forbidden: 'forbidden',
  network_error: 'offline',
  timeout: 'offline',
  server_error: 'unavailable',
  configuration_error: 'unavailable',
  not_found: 'unavailable',
  disallowed_origin: 'invalid',
  insecure_url: 'invalid',
  invalid_url: 'invalid',
  missing_token: 'invalid',
  invalid_token: 'invalid',
  invalid_response: 'invalid',
  rate_limited: 'rateLimited',
};

/**
 * The wait a `rate_limited` text names when the backend did not say (a custom fetcher may not): the
 * server's own limits refill well within it.
 */
const UNKNOWN_WAIT_MS = 60_000;

/**
 * The user-facing text for an error, or for a bare code. A `rate_limited` error names the whole seconds
 * left of its `retryAfterMs` (at least 1).
 */
export function errorMessage(
  messages: Pick<WidgetMessages, 'errors'>,
  error: ThryveConnectErrorCode | { code: ThryveConnectErrorCode; retryAfterMs?: number | undefined },
): string {
  const { code, retryAfterMs } = typeof error === 'string' ? { code: error, retryAfterMs: undefined } : error;
  const text = messages.errors[KIND[code] ?? 'default'];
  return typeof text === 'function'
    ? text(Math.max(1, Math.ceil((retryAfterMs ?? UNKNOWN_WAIT_MS) / 1000)))
    : text;
}
