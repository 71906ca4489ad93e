import type { Locale, ThryveConnectErrorCode } from '@thryve-connect/core';

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

// Shared sentences are written once: the widget's budget is counted in bytes.
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

const deExpired = 'Diese Verbindungssitzung ist abgelaufen. Laden Sie sie neu, um fortzufahren.';
const deUntrusted = 'Der Verbindungsdienst hat eine Adresse gesendet, der diese App nicht vertraut.';
const deInvalid = 'Der Verbindungsdienst hat eine ungültige Antwort gesendet.';

/** German widget texts. */
export const widgetMessagesDe: WidgetMessages = {
  widgetTitle: 'Verbinden Sie Ihre Gesundheitsdatenquellen',
  widgetLoading: 'Das Verbindungs-Widget wird geladen…',
  widgetReady: 'Das Verbindungs-Widget ist bereit.',
  widgetExpired: deExpired,
  reload: 'Neu laden',
  retry: 'Erneut versuchen',
  errors: {
    unauthorized: 'Sie sind abgemeldet. Melden Sie sich erneut an, um Datenquellen zu verbinden.',
    forbidden: 'Sie dürfen keine Datenquellen verbinden.',
    network_error:
      'Der Server ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    server_error: 'Der Verbindungsdienst ist gerade nicht verfügbar. Versuchen Sie es gleich noch einmal.',
    timeout: 'Der Verbindungsdienst hat zu lange gebraucht. Versuchen Sie es erneut.',
    session_expired: deExpired,
    popup_blocked: 'Ihr Browser hat das neue Fenster blockiert.',
    disallowed_origin: deUntrusted,
    insecure_url: deUntrusted,
    invalid_url: deInvalid,
    missing_token: deInvalid,
    invalid_token: deInvalid,
    invalid_response: deInvalid,
    default: 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
  },
};

/** The widget texts for a locale (English and German shipped, English otherwise), with overrides on top. */
export function getWidgetMessages(locale: Locale, overrides?: Partial<WidgetMessages>): WidgetMessages {
  const base = locale === 'de' ? widgetMessagesDe : widgetMessagesEn;
  if (!overrides) return base;
  return { ...base, ...overrides, errors: { ...base.errors, ...overrides.errors } };
}

/** The user-facing text for an error code. */
export function errorMessage(messages: Pick<WidgetMessages, 'errors'>, code: ThryveConnectErrorCode): string {
  return messages.errors[code] ?? messages.errors.default;
}
