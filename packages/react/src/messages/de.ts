import type { ThryveMessages } from '../pickerMessages.js';

// A separate entry point (`@thryve-connect/react/messages/de`): only apps that speak German pay for it.
const expired = 'Diese Verbindungssitzung ist abgelaufen. Laden Sie sie neu, um fortzufahren.';
const untrusted = 'Der Verbindungsdienst hat eine Adresse gesendet, der diese App nicht vertraut.';
const invalid = 'Der Verbindungsdienst hat eine ungültige Antwort gesendet.';

/**
 * Every text of the widget and the picker in German. Pass it to the provider:
 * `<ThryveConnectProvider locale="de" messages={{ de }}>`.
 */
export const de: ThryveMessages = {
  widgetTitle: 'Verbinden Sie Ihre Gesundheitsdatenquellen',
  widgetLoading: 'Das Verbindungs-Widget wird geladen…',
  widgetReady: 'Das Verbindungs-Widget ist bereit.',
  widgetExpired: expired,
  reload: 'Neu laden',
  retry: 'Erneut versuchen',
  errors: {
    unauthorized: 'Sie sind abgemeldet. Melden Sie sich erneut an, um Datenquellen zu verbinden.',
    forbidden: 'Sie dürfen keine Datenquellen verbinden.',
    network_error:
      'Der Server ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    server_error: 'Der Verbindungsdienst ist gerade nicht verfügbar. Versuchen Sie es gleich noch einmal.',
    timeout: 'Der Verbindungsdienst hat zu lange gebraucht. Versuchen Sie es erneut.',
    session_expired: expired,
    popup_blocked: 'Ihr Browser hat das neue Fenster blockiert.',
    disallowed_origin: untrusted,
    insecure_url: untrusted,
    invalid_url: invalid,
    missing_token: invalid,
    invalid_token: invalid,
    invalid_response: invalid,
    default: 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
  },
  pickerTitle: 'Datenquellen',
  pickerLoading: 'Datenquellen werden geladen…',
  statusConnected: 'Verbunden',
  statusDisconnected: 'Nicht verbunden',
  statusConnecting: 'Wird verbunden…',
  statusRevoking: 'Wird getrennt…',
  statusUnknown: 'Status unbekannt',
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
