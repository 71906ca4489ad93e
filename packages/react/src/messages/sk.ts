import type { ThryveMessages } from '../pickerMessages.js';

/**
 * Every text of the widget and the picker in Slovak. Pass it to the provider:
 * `<ThryveConnectProvider locale="sk" messages={{ sk }}>`.
 */
export const sk: ThryveMessages = {
  widgetTitle: 'Pripojte svoje zdroje zdravotných údajov',
  widgetLoading: 'Načítava sa widget pripojenia…',
  widgetReady: 'Widget pripojenia je pripravený.',
  widgetExpired: 'Platnosť relácie pripojenia vypršala. Ak chcete pokračovať, načítajte ju znova.',
  reload: 'Načítať znova',
  retry: 'Skúsiť znova',
  errors: {
    signedOut: 'Ste odhlásení. Ak chcete pripojiť zdroje údajov, znova sa prihláste.',
    forbidden: 'Nemáte povolenie pripájať zdroje údajov.',
    offline:
      'Nepodarilo sa spojiť so službou pripojenia. Skontrolujte pripojenie k internetu a skúste to znova.',
    unavailable: 'Služba pripojenia je momentálne nedostupná. Skúste to znova o chvíľu.',
    invalid: 'Služba pripojenia poslala odpoveď, ktorú táto aplikácia nemôže použiť.',
    default: 'Niečo sa pokazilo. Skúste to znova.',
    rateLimited: (seconds) => `Príliš veľa pokusov. Skúste to znova o ${seconds} s.`,
  },
  pickerTitle: 'Zdroje údajov',
  pickerLoading: 'Načítavajú sa zdroje údajov…',
  statusConnected: 'Pripojené',
  statusDisconnected: 'Nepripojené',
  statusConnecting: 'Pripája sa…',
  statusRevoking: 'Odpája sa…',
  statusUnknown: 'Stav neznámy',
  unknownSource: (id) => `Zdroj údajov ${id}`,
  connectShort: 'Pripojiť',
  disconnectShort: 'Odpojiť',
  connect: (source) => `Pripojiť ${source}`,
  disconnect: (source) => `Odpojiť ${source}`,
  confirmDisconnect: (source) => `Odpojiť ${source}? Jeho údaje sa už nebudú zdieľať.`,
  confirm: 'Odpojiť',
  cancel: 'Zrušiť',
  connected: (source) => `${source} je pripojený.`,
  disconnected: (source) => `${source} je odpojený.`,
  connectFailed: (source) => `${source} sa nepodarilo pripojiť.`,
  revokeFailed: (source) => `${source} sa nepodarilo odpojiť.`,
  popupBlocked: (source) => `Prehliadač zablokoval okno na pripojenie ${source}.`,
  openInThisWindow: 'Pokračovať v tomto okne',
  openLink: (source) => `Otvoriť stránku pripojenia ${source}`,
  connectedSince: (date) => `Pripojené od ${date}`,
  connectedAgo: (relative) => `Pripojené ${relative}`,
  searchLabel: 'Hľadať zdroje údajov',
  searchPlaceholder: 'Hľadať…',
  searchResults: { one: '# zdroj', few: '# zdroje', many: '# zdroja', other: '# zdrojov' },
  noResults: (query) => `Výrazu „${query}“ nezodpovedá žiadny zdroj údajov.`,
  clearSearch: 'Vymazať hľadanie',
};
