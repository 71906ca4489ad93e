import type { ThryveMessages } from '../pickerMessages.js';

/**
 * Every text of the widget and the picker in Italian. Pass it to the provider:
 * `<ThryveConnectProvider locale="it" messages={{ it }}>`.
 */
export const it: ThryveMessages = {
  widgetTitle: 'Collega le tue fonti di dati sulla salute',
  widgetLoading: 'Caricamento del widget di collegamento…',
  widgetReady: 'Il widget di collegamento è pronto.',
  widgetExpired: 'Questa sessione di collegamento è scaduta. Ricaricala per continuare.',
  reload: 'Ricarica',
  retry: 'Riprova',
  consentAccept: 'Accetta e continua',
  consentLink: 'Leggi l’informativa sulla privacy',
  errors: {
    signedOut: 'Non hai eseguito l’accesso. Accedi di nuovo per collegare le tue fonti di dati.',
    forbidden: 'Non hai l’autorizzazione per collegare fonti di dati.',
    offline:
      'Impossibile raggiungere il servizio di collegamento. Controlla la connessione a Internet e riprova.',
    unavailable: 'Il servizio di collegamento al momento non è disponibile. Riprova tra poco.',
    invalid: 'Il servizio di collegamento ha inviato una risposta che questa app non può usare.',
    default: 'Si è verificato un errore. Riprova.',
    rateLimited: (seconds) => `Troppi tentativi. Riprova tra ${seconds} s.`,
  },
  pickerTitle: 'Fonti di dati',
  pickerLoading: 'Caricamento delle fonti di dati…',
  statusConnected: 'Collegato',
  statusDisconnected: 'Non collegato',
  statusConnecting: 'Collegamento in corso…',
  statusRevoking: 'Scollegamento in corso…',
  statusUnknown: 'Stato sconosciuto',
  unknownSource: (id) => `Fonte di dati ${id}`,
  connectShort: 'Collega',
  disconnectShort: 'Scollega',
  connect: (source) => `Collega ${source}`,
  disconnect: (source) => `Scollega ${source}`,
  confirmDisconnect: (source) => `Scollegare ${source}? I suoi dati non verranno più condivisi.`,
  confirm: 'Scollega',
  cancel: 'Annulla',
  connected: (source) => `${source} collegato.`,
  disconnected: (source) => `${source} scollegato.`,
  connectFailed: (source) => `Impossibile collegare ${source}.`,
  revokeFailed: (source) => `Impossibile scollegare ${source}.`,
  popupBlocked: (source) => `Il browser ha bloccato la finestra per collegare ${source}.`,
  openInThisWindow: 'Continua in questa finestra',
  openLink: (source) => `Apri la pagina di collegamento di ${source}`,
  // "dall’8", "dall’11": the article elides before a vowel sound.
  connectedSince: (date) => `Collegato ${/^(8|11)\D/.test(date) ? 'dall’' : 'dal '}${date}`,
  connectedAgo: (relative) => `Collegato ${relative}`,
  searchLabel: 'Cerca fonti di dati',
  searchPlaceholder: 'Cerca…',
  searchResults: { one: '# fonte', many: '# di fonti', other: '# fonti' },
  noResults: (query) => `Nessuna fonte di dati corrisponde a «${query}».`,
  clearSearch: 'Cancella ricerca',
  consentByConnecting: 'Scegliendo «Collega», accetti questa informativa sulla privacy.',
  nativeConnectShort: 'Collega nella nostra app',
  nativeConnect: (source) => `Collega nella nostra app: ${source}`,
};
