import type { ThryveMessages } from '../pickerMessages.js';

/**
 * Every text of the widget and the picker in Romanian. Pass it to the provider:
 * `<ThryveConnectProvider locale="ro" messages={{ ro }}>`.
 */
export const ro: ThryveMessages = {
  widgetTitle: 'Conectați-vă sursele de date despre sănătate',
  widgetLoading: 'Se încarcă widgetul de conectare…',
  widgetReady: 'Widgetul de conectare este gata.',
  widgetExpired: 'Sesiunea de conectare a expirat. Reîncărcați-o pentru a continua.',
  reload: 'Reîncărcați',
  retry: 'Reîncercați',
  errors: {
    signedOut: 'Nu sunteți autentificat. Autentificați-vă din nou pentru a conecta sursele de date.',
    forbidden: 'Nu aveți permisiunea să conectați surse de date.',
    offline:
      'Serviciul de conectare nu a putut fi accesat. Verificați conexiunea la internet și reîncercați.',
    unavailable: 'Serviciul de conectare nu este disponibil momentan. Reîncercați în câteva momente.',
    invalid: 'Serviciul de conectare a trimis un răspuns pe care această aplicație nu îl poate folosi.',
    default: 'A apărut o eroare. Reîncercați.',
    rateLimited: (seconds) => `Prea multe încercări. Reîncercați peste ${seconds} s.`,
  },
  pickerTitle: 'Surse de date',
  pickerLoading: 'Se încarcă sursele de date…',
  statusConnected: 'Conectat',
  statusDisconnected: 'Neconectat',
  statusConnecting: 'Se conectează…',
  statusRevoking: 'Se deconectează…',
  statusUnknown: 'Stare necunoscută',
  unknownSource: (id) => `Sursa de date ${id}`,
  connectShort: 'Conectați',
  disconnectShort: 'Deconectați',
  connect: (source) => `Conectați ${source}`,
  disconnect: (source) => `Deconectați ${source}`,
  confirmDisconnect: (source) => `Deconectați ${source}? Datele sale nu vor mai fi partajate.`,
  confirm: 'Deconectați',
  cancel: 'Anulați',
  connected: (source) => `${source} a fost conectat.`,
  disconnected: (source) => `${source} a fost deconectat.`,
  connectFailed: (source) => `${source} nu a putut fi conectat.`,
  revokeFailed: (source) => `${source} nu a putut fi deconectat.`,
  popupBlocked: (source) => `Browserul a blocat fereastra de conectare la ${source}.`,
  openInThisWindow: 'Continuați în această fereastră',
  openLink: (source) => `Deschideți pagina de conectare pentru ${source}`,
  connectedSince: (date) => `Conectat din ${date}`,
  connectedAgo: (relative) => `Conectat ${relative}`,
  searchLabel: 'Căutați surse de date',
  searchPlaceholder: 'Căutați…',
  searchResults: { one: '# sursă', few: '# surse', other: '# de surse' },
  noResults: (query) => `Nicio sursă de date nu corespunde cu „${query}”.`,
  clearSearch: 'Ștergeți căutarea',
};
