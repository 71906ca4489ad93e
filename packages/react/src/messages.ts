import type { Locale, ThryveConnectErrorCode } from '@thryve-connect/core';

/** Every text the components show. Functions take what they interpolate, so translations can reorder. */
export interface ThryveMessages {
  widgetTitle: string;
  widgetLoading: string;
  widgetReady: string;
  widgetExpired: string;
  reload: string;
  retry: string;
  /** What went wrong, by error code; `default` covers the rest. */
  errors: Partial<Record<ThryveConnectErrorCode, string>> & { default: string };
  pickerTitle: string;
  pickerLoading: string;
  statusConnected: string;
  statusDisconnected: string;
  statusConnecting: string;
  statusRevoking: string;
  statusUnknown: string;
  statusError: string;
  /** Visible button texts; the accessible names (`connect`, `disconnect`) add the source's name. */
  connectShort: string;
  disconnectShort: string;
  connect: (source: string) => string;
  disconnect: (source: string) => string;
  confirmDisconnect: (source: string) => string;
  confirm: string;
  cancel: string;
  connected: (source: string) => string;
  disconnected: (source: string) => string;
  connectFailed: (source: string) => string;
  revokeFailed: (source: string) => string;
  popupBlocked: (source: string) => string;
  openInThisWindow: string;
  openLink: (source: string) => string;
}

/** English texts: the fallback for every locale without its own. */
export const messagesEn: ThryveMessages = {
  widgetTitle: 'Connect your health data sources',
  widgetLoading: 'Loading the connection widget…',
  widgetReady: 'The connection widget is ready.',
  widgetExpired: 'This connection session has expired. Reload it to continue.',
  reload: 'Reload',
  retry: 'Try again',
  errors: {
    unauthorized: 'You are signed out. Sign in again to connect your data sources.',
    forbidden: 'You are not allowed to connect data sources.',
    network_error: 'Could not reach the server. Check your internet connection and try again.',
    server_error: 'The connection service is not available right now. Try again in a moment.',
    timeout: 'The connection service took too long to answer. Try again.',
    session_expired: 'This connection session has expired. Reload it to continue.',
    popup_blocked: 'Your browser blocked the new window.',
    disallowed_origin: 'The connection service sent an address this app does not trust.',
    insecure_url: 'The connection service sent an address this app does not trust.',
    invalid_url: 'The connection service sent an invalid answer.',
    missing_token: 'The connection service sent an invalid answer.',
    invalid_token: 'The connection service sent an invalid answer.',
    invalid_response: 'The connection service sent an invalid answer.',
    default: 'Something went wrong. Try again.',
  },
  pickerTitle: 'Data sources',
  pickerLoading: 'Loading data sources…',
  statusConnected: 'Connected',
  statusDisconnected: 'Not connected',
  statusConnecting: 'Connecting…',
  statusRevoking: 'Disconnecting…',
  statusUnknown: 'Status unknown',
  statusError: 'Error',
  connectShort: 'Connect',
  disconnectShort: 'Disconnect',
  connect: (source) => `Connect ${source}`,
  disconnect: (source) => `Disconnect ${source}`,
  confirmDisconnect: (source) => `Disconnect ${source}? Its data will no longer be shared.`,
  confirm: 'Disconnect',
  cancel: 'Cancel',
  connected: (source) => `${source} connected.`,
  disconnected: (source) => `${source} disconnected.`,
  connectFailed: (source) => `${source} could not be connected.`,
  revokeFailed: (source) => `${source} could not be disconnected.`,
  popupBlocked: (source) => `Your browser blocked the window to connect ${source}.`,
  openInThisWindow: 'Continue in this window',
  openLink: (source) => `Open the ${source} connection page`,
};

/** German texts. */
export const messagesDe: ThryveMessages = {
  widgetTitle: 'Verbinden Sie Ihre Gesundheitsdatenquellen',
  widgetLoading: 'Das Verbindungs-Widget wird geladen…',
  widgetReady: 'Das Verbindungs-Widget ist bereit.',
  widgetExpired: 'Diese Verbindungssitzung ist abgelaufen. Laden Sie sie neu, um fortzufahren.',
  reload: 'Neu laden',
  retry: 'Erneut versuchen',
  errors: {
    unauthorized: 'Sie sind abgemeldet. Melden Sie sich erneut an, um Datenquellen zu verbinden.',
    forbidden: 'Sie dürfen keine Datenquellen verbinden.',
    network_error:
      'Der Server ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    server_error: 'Der Verbindungsdienst ist gerade nicht verfügbar. Versuchen Sie es gleich noch einmal.',
    timeout: 'Der Verbindungsdienst hat zu lange gebraucht. Versuchen Sie es erneut.',
    session_expired: 'Diese Verbindungssitzung ist abgelaufen. Laden Sie sie neu, um fortzufahren.',
    popup_blocked: 'Ihr Browser hat das neue Fenster blockiert.',
    disallowed_origin: 'Der Verbindungsdienst hat eine Adresse gesendet, der diese App nicht vertraut.',
    insecure_url: 'Der Verbindungsdienst hat eine Adresse gesendet, der diese App nicht vertraut.',
    invalid_url: 'Der Verbindungsdienst hat eine ungültige Antwort gesendet.',
    missing_token: 'Der Verbindungsdienst hat eine ungültige Antwort gesendet.',
    invalid_token: 'Der Verbindungsdienst hat eine ungültige Antwort gesendet.',
    invalid_response: 'Der Verbindungsdienst hat eine ungültige Antwort gesendet.',
    default: 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
  },
  pickerTitle: 'Datenquellen',
  pickerLoading: 'Datenquellen werden geladen…',
  statusConnected: 'Verbunden',
  statusDisconnected: 'Nicht verbunden',
  statusConnecting: 'Wird verbunden…',
  statusRevoking: 'Wird getrennt…',
  statusUnknown: 'Status unbekannt',
  statusError: 'Fehler',
  connectShort: 'Verbinden',
  disconnectShort: 'Trennen',
  connect: (source) => `${source} verbinden`,
  disconnect: (source) => `${source} trennen`,
  confirmDisconnect: (source) => `${source} trennen? Die Daten werden dann nicht mehr geteilt.`,
  confirm: 'Trennen',
  cancel: 'Abbrechen',
  connected: (source) => `${source} ist verbunden.`,
  disconnected: (source) => `${source} ist getrennt.`,
  connectFailed: (source) => `${source} konnte nicht verbunden werden.`,
  revokeFailed: (source) => `${source} konnte nicht getrennt werden.`,
  popupBlocked: (source) => `Ihr Browser hat das Fenster zum Verbinden von ${source} blockiert.`,
  openInThisWindow: 'In diesem Fenster fortfahren',
  openLink: (source) => `Die Verbindungsseite von ${source} öffnen`,
};

/** The shipped translations; any other of Thryve's 28 locales falls back to English. */
export const builtInMessages: Partial<Record<Locale, ThryveMessages>> = { en: messagesEn, de: messagesDe };

/** The texts for a locale, with the host's overrides on top (`errors` merged key by key). */
export function getMessages(locale: Locale, overrides?: Partial<ThryveMessages>): ThryveMessages {
  const base = builtInMessages[locale] ?? messagesEn;
  if (!overrides) return base;
  return { ...base, ...overrides, errors: { ...base.errors, ...overrides.errors } };
}

/** The user-facing text for an error code, in the given messages. */
export function errorMessage(messages: ThryveMessages, code: ThryveConnectErrorCode): string {
  return messages.errors[code] ?? messages.errors.default;
}
