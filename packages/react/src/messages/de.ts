import type { ThryveMessages } from '../pickerMessages.js';

// A separate entry point (`@thryve-connect/react/messages/de`): only apps that speak German pay for it.

/**
 * Every text of the widget and the picker in German. Pass it to the provider:
 * `<ThryveConnectProvider locale="de" messages={{ de }}>`.
 */
export const de: ThryveMessages = {
  widgetTitle: 'Verbinden Sie Ihre Gesundheitsdatenquellen',
  widgetLoading: 'Das Verbindungs-Widget wird geladen…',
  widgetReady: 'Das Verbindungs-Widget ist bereit.',
  widgetExpired: 'Diese Verbindungssitzung ist abgelaufen. Laden Sie sie neu, um fortzufahren.',
  reload: 'Neu laden',
  retry: 'Erneut versuchen',
  consentAccept: 'Zustimmen und fortfahren',
  consentLink: 'Datenschutzhinweis lesen',
  errors: {
    signedOut: 'Sie sind abgemeldet. Melden Sie sich erneut an, um Datenquellen zu verbinden.',
    forbidden: 'Sie dürfen keine Datenquellen verbinden.',
    offline:
      'Der Verbindungsdienst ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    unavailable: 'Der Verbindungsdienst ist gerade nicht verfügbar. Versuchen Sie es gleich noch einmal.',
    invalid: 'Der Verbindungsdienst hat eine Antwort gesendet, die diese App nicht verwenden kann.',
    default: 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
    rateLimited: (seconds) => `Zu viele Versuche. Versuchen Sie es in ${seconds} s erneut.`,
  },
  pickerTitle: 'Datenquellen',
  pickerLoading: 'Datenquellen werden geladen…',
  statusConnected: 'Verbunden',
  statusDisconnected: 'Nicht verbunden',
  statusConnecting: 'Wird verbunden…',
  statusRevoking: 'Wird getrennt…',
  statusUnknown: 'Status unbekannt',
  unknownSource: (id) => `Datenquelle ${id}`,
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
  connectedSince: (date) => `Verbunden seit ${date}`,
  connectedAgo: (relative) => `${relative.charAt(0).toUpperCase()}${relative.slice(1)} verbunden`,
  searchLabel: 'Datenquellen durchsuchen',
  searchPlaceholder: 'Suchen…',
  searchResults: { one: '# Datenquelle', other: '# Datenquellen' },
  noResults: (query) => `Keine Datenquelle passt zu „${query}“.`,
  clearSearch: 'Suche löschen',
  consentByConnecting: 'Mit „Verbinden“ stimmen Sie diesem Datenschutzhinweis zu.',
  nativeConnectShort: 'In unserer App verbinden',
  nativeConnect: (source) => `In unserer App verbinden: ${source}`,
};
