import type { ThryveMessages } from '../pickerMessages.js';

// "a(z)": the article depends on how the brand name is pronounced, so Hungarian UIs write both.

/**
 * Every text of the widget and the picker in Hungarian. Pass it to the provider:
 * `<ThryveConnectProvider locale="hu" messages={{ hu }}>`.
 */
export const hu: ThryveMessages = {
  widgetTitle: 'Csatlakoztassa egészségügyi adatforrásait',
  widgetLoading: 'A csatlakozási widget betöltése…',
  widgetReady: 'A csatlakozási widget készen áll.',
  widgetExpired: 'A csatlakozási munkamenet lejárt. A folytatáshoz töltse be újra.',
  reload: 'Újratöltés',
  retry: 'Újrapróbálkozás',
  consentAccept: 'Elfogadás és folytatás',
  consentLink: 'Az adatvédelmi tájékoztató elolvasása',
  errors: {
    signedOut: 'Ön ki van jelentkezve. Az adatforrások csatlakoztatásához jelentkezzen be újra.',
    forbidden: 'Nincs jogosultsága adatforrások csatlakoztatására.',
    offline:
      'Nem sikerült elérni a csatlakozási szolgáltatást. Ellenőrizze az internetkapcsolatot, és próbálja újra.',
    unavailable: 'A csatlakozási szolgáltatás jelenleg nem érhető el. Próbálja újra egy kis idő múlva.',
    invalid: 'A csatlakozási szolgáltatás olyan választ küldött, amelyet ez az alkalmazás nem tud használni.',
    default: 'Hiba történt. Próbálja újra.',
    rateLimited: (seconds) => `Túl sok próbálkozás. Próbálja újra ${seconds} mp múlva.`,
  },
  pickerTitle: 'Adatforrások',
  pickerLoading: 'Adatforrások betöltése…',
  statusConnected: 'Csatlakoztatva',
  statusDisconnected: 'Nincs csatlakoztatva',
  statusConnecting: 'Csatlakoztatás folyamatban…',
  statusRevoking: 'Leválasztás folyamatban…',
  statusUnknown: 'Ismeretlen állapot',
  unknownSource: (id) => `Adatforrás ${id}`,
  connectShort: 'Csatlakoztatás',
  disconnectShort: 'Leválasztás',
  connect: (source) => `${source} csatlakoztatása`,
  disconnect: (source) => `${source} leválasztása`,
  confirmDisconnect: (source) => `${source} leválasztása? Az adatai ezután nem lesznek megosztva.`,
  confirm: 'Leválasztás',
  cancel: 'Mégse',
  connected: (source) => `${source} csatlakoztatva.`,
  disconnected: (source) => `${source} leválasztva.`,
  connectFailed: (source) => `${source} csatlakoztatása nem sikerült.`,
  revokeFailed: (source) => `${source} leválasztása nem sikerült.`,
  popupBlocked: (source) => `A böngésző letiltotta a(z) ${source} csatlakoztatására szolgáló ablakot.`,
  openInThisWindow: 'Folytatás ebben az ablakban',
  openLink: (source) => `A(z) ${source} csatlakoztatási oldalának megnyitása`,
  connectedSince: (date) => `${date} óta csatlakoztatva`,
  connectedAgo: (relative) => `${relative.charAt(0).toUpperCase()}${relative.slice(1)} csatlakoztatva`,
  searchLabel: 'Adatforrások keresése',
  searchPlaceholder: 'Keresés…',
  searchResults: { one: '# adatforrás', other: '# adatforrás' },
  noResults: (query) => `Nincs találat erre: „${query}”.`,
  clearSearch: 'Keresés törlése',
  consentByConnecting: 'A „Csatlakoztatás” választásával elfogadja ezt az adatvédelmi tájékoztatót.',
  nativeConnectShort: 'Csatlakoztatás az alkalmazásunkban',
  nativeConnect: (source) => `Csatlakoztatás az alkalmazásunkban: ${source}`,
};
