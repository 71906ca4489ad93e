import type { ThryveMessages } from '../pickerMessages.js';

/**
 * Every text of the widget and the picker in Czech. Pass it to the provider:
 * `<ThryveConnectProvider locale="cs" messages={{ cs }}>`.
 */
export const cs: ThryveMessages = {
  widgetTitle: 'Připojte své zdroje zdravotních dat',
  widgetLoading: 'Načítání widgetu pro připojení…',
  widgetReady: 'Widget pro připojení je připraven.',
  widgetExpired: 'Platnost relace připojení vypršela. Chcete-li pokračovat, načtěte ji znovu.',
  reload: 'Načíst znovu',
  retry: 'Zkusit znovu',
  errors: {
    signedOut: 'Jste odhlášeni. Chcete-li připojit zdroje dat, znovu se přihlaste.',
    forbidden: 'Nemáte oprávnění připojovat zdroje dat.',
    offline:
      'Nepodařilo se spojit se službou připojení. Zkontrolujte připojení k internetu a zkuste to znovu.',
    unavailable: 'Služba připojení je momentálně nedostupná. Zkuste to za chvíli znovu.',
    invalid: 'Služba připojení poslala odpověď, kterou tato aplikace nemůže použít.',
    default: 'Něco se pokazilo. Zkuste to znovu.',
    rateLimited: (seconds) => `Příliš mnoho pokusů. Zkuste to znovu za ${seconds} s.`,
  },
  pickerTitle: 'Zdroje dat',
  pickerLoading: 'Načítání zdrojů dat…',
  statusConnected: 'Připojeno',
  statusDisconnected: 'Nepřipojeno',
  statusConnecting: 'Připojování…',
  statusRevoking: 'Odpojování…',
  statusUnknown: 'Stav neznámý',
  unknownSource: (id) => `Zdroj dat ${id}`,
  connectShort: 'Připojit',
  disconnectShort: 'Odpojit',
  connect: (source) => `Připojit ${source}`,
  disconnect: (source) => `Odpojit ${source}`,
  confirmDisconnect: (source) => `Odpojit ${source}? Jeho data už nebudou sdílena.`,
  confirm: 'Odpojit',
  cancel: 'Zrušit',
  connected: (source) => `${source} je připojen.`,
  disconnected: (source) => `${source} je odpojen.`,
  connectFailed: (source) => `${source} se nepodařilo připojit.`,
  revokeFailed: (source) => `${source} se nepodařilo odpojit.`,
  popupBlocked: (source) => `Prohlížeč zablokoval okno pro připojení ${source}.`,
  openInThisWindow: 'Pokračovat v tomto okně',
  openLink: (source) => `Otevřít stránku připojení ${source}`,
  connectedSince: (date) => `Připojeno od ${date}`,
  connectedAgo: (relative) => `Připojeno ${relative}`,
  searchLabel: 'Hledat zdroje dat',
  searchPlaceholder: 'Hledat…',
  searchResults: { one: '# zdroj', few: '# zdroje', many: '# zdroje', other: '# zdrojů' },
  noResults: (query) => `Výrazu „${query}“ neodpovídá žádný zdroj dat.`,
  clearSearch: 'Vymazat hledání',
};
