import type { ThryveConnectErrorCode } from '@thryve-connect/core';

/** The widget's texts (and the error texts every component shares). */
export interface WidgetMessages {
  widgetTitle: string;
  widgetLoading: string;
  widgetReady: string;
  widgetExpired: string;
  reload: string;
  retry: string;
  /** What went wrong, by error code; `default` covers the rest. */
  errors: Partial<Record<ThryveConnectErrorCode, string>> & { default: string };
}

/** Texts to override: any subset, and in `errors` any subset of the codes. */
export type MessageOverrides<T extends Pick<WidgetMessages, 'errors'>> = Omit<Partial<T>, 'errors'> & {
  errors?: Partial<T['errors']> | undefined;
};

// Shared sentences are written once: the widget's budget is counted in bytes. German (and any
// translation of the host's) comes through the provider's `messages`, so English is all that ships here.
const enExpired = 'This connection session has expired. Reload it to continue.';
const enUntrusted = 'The connection service sent an address this app does not trust.';
const enInvalid = 'The connection service sent an invalid answer.';

/** English widget texts: the fallback for every locale without its own. */
export const widgetMessagesEn: WidgetMessages = {
  widgetTitle: 'Connect your health data sources',
  widgetLoading: 'Loading the connection widget…',
  widgetReady: 'The connection widget is ready.',
  widgetExpired: enExpired,
  reload: 'Reload',
  retry: 'Try again',
  errors: {
    unauthorized: 'You are signed out. Sign in again to connect your data sources.',
    forbidden: 'You are not allowed to connect data sources.',
    network_error: 'Could not reach the server. Check your internet connection and try again.',
    server_error: 'The connection service is not available right now. Try again in a moment.',
    timeout: 'The connection service took too long to answer. Try again.',
    session_expired: enExpired,
    popup_blocked: 'Your browser blocked the new window.',
    disallowed_origin: enUntrusted,
    insecure_url: enUntrusted,
    invalid_url: enInvalid,
    missing_token: enInvalid,
    invalid_token: enInvalid,
    invalid_response: enInvalid,
    default: 'Something went wrong. Try again.',
  },
};

/**
 * Merges text layers over a complete base: a translation (the provider's `messages[locale]`), then a
 * component's `messages` prop. `errors` merges by code, so overriding one error keeps the others.
 */
export function mergeMessages<T extends Pick<WidgetMessages, 'errors'>>(
  base: T,
  ...layers: (MessageOverrides<T> | undefined)[]
): T {
  let result = base;
  for (const layer of layers) {
    if (layer) result = { ...result, ...layer, errors: { ...result.errors, ...layer.errors } } as T;
  }
  return result;
}

/** The user-facing text for an error code. */
export function errorMessage(messages: Pick<WidgetMessages, 'errors'>, code: ThryveConnectErrorCode): string {
  return messages.errors[code] ?? messages.errors.default;
}
