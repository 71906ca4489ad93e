import type { ThryveMessages } from '../pickerMessages.js';

/**
 * Every text of the widget and the picker in Latvian. Pass it to the provider:
 * `<ThryveConnectProvider locale="lv" messages={{ lv }}>`.
 */
export const lv: ThryveMessages = {
  widgetTitle: 'Savienojiet savus veselības datu avotus',
  widgetLoading: 'Notiek savienojuma logrīka ielāde…',
  widgetReady: 'Savienojuma logrīks ir gatavs.',
  widgetExpired: 'Savienojuma sesija ir beigusies. Lai turpinātu, ielādējiet to vēlreiz.',
  reload: 'Ielādēt vēlreiz',
  retry: 'Mēģināt vēlreiz',
  consentAccept: 'Piekrist un turpināt',
  consentLink: 'Lasīt paziņojumu par privātumu',
  errors: {
    signedOut: 'Jūs esat izrakstījušies. Lai savienotu datu avotus, piesakieties vēlreiz.',
    forbidden: 'Jums nav atļaujas savienot datu avotus.',
    offline:
      'Nevarēja sazināties ar savienojuma pakalpojumu. Pārbaudiet interneta savienojumu un mēģiniet vēlreiz.',
    unavailable: 'Savienojuma pakalpojums pašlaik nav pieejams. Mēģiniet vēlreiz pēc brīža.',
    invalid: 'Savienojuma pakalpojums nosūtīja atbildi, ko šī lietotne nevar izmantot.',
    default: 'Radās kļūda. Mēģiniet vēlreiz.',
    rateLimited: (seconds) => `Pārāk daudz mēģinājumu. Mēģiniet vēlreiz pēc ${seconds} s.`,
  },
  pickerTitle: 'Datu avoti',
  pickerLoading: 'Notiek datu avotu ielāde…',
  statusConnected: 'Savienots',
  statusDisconnected: 'Nav savienots',
  statusConnecting: 'Notiek savienošana…',
  statusRevoking: 'Notiek atvienošana…',
  statusUnknown: 'Statuss nav zināms',
  unknownSource: (id) => `Datu avots ${id}`,
  connectShort: 'Savienot',
  disconnectShort: 'Atvienot',
  connect: (source) => `Savienot ${source}`,
  disconnect: (source) => `Atvienot ${source}`,
  confirmDisconnect: (source) => `Atvienot ${source}? Tā dati vairs netiks kopīgoti.`,
  confirm: 'Atvienot',
  cancel: 'Atcelt',
  connected: (source) => `${source} ir savienots.`,
  disconnected: (source) => `${source} ir atvienots.`,
  connectFailed: (source) => `Neizdevās savienot ${source}.`,
  revokeFailed: (source) => `Neizdevās atvienot ${source}.`,
  popupBlocked: (source) => `Pārlūks bloķēja ${source} savienošanas logu.`,
  openInThisWindow: 'Turpināt šajā logā',
  openLink: (source) => `Atvērt ${source} savienošanas lapu`,
  // "kopš" would need the month in the genitive ("5. marta"); Intl gives the nominative ("5. marts").
  connectedSince: (date) => `Savienots: ${date}`,
  connectedAgo: (relative) => `Savienots ${relative}`,
  searchLabel: 'Meklēt datu avotus',
  searchPlaceholder: 'Meklēt…',
  searchResults: { zero: '# avotu', one: '# avots', other: '# avoti' },
  noResults: (query) => `Vaicājumam „${query}“ neatbilst neviens datu avots.`,
  clearSearch: 'Notīrīt meklēšanu',
  consentByConnecting: 'Izvēloties “Savienot”, jūs piekrītat šim paziņojumam par privātumu.',
  nativeConnectShort: 'Savienot mūsu lietotnē',
  nativeConnect: (source) => `Savienot mūsu lietotnē: ${source}`,
};
