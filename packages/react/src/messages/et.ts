import type { ThryveMessages } from '../pickerMessages.js';

// Brand names stay in the nominative: sentences are built so they need no case ending ("Ühenda Fitbit").

/**
 * Every text of the widget and the picker in Estonian. Pass it to the provider:
 * `<ThryveConnectProvider locale="et" messages={{ et }}>`.
 */
export const et: ThryveMessages = {
  widgetTitle: 'Ühendage oma terviseandmete allikad',
  widgetLoading: 'Ühendusvidinat laaditakse…',
  widgetReady: 'Ühendusvidin on valmis.',
  widgetExpired: 'Ühendusseanss on aegunud. Jätkamiseks laadige see uuesti.',
  reload: 'Laadi uuesti',
  retry: 'Proovi uuesti',
  consentAccept: 'Nõustu ja jätka',
  consentLink: 'Loe privaatsusteadet',
  errors: {
    signedOut: 'Olete välja logitud. Andmeallikate ühendamiseks logige uuesti sisse.',
    forbidden: 'Teil pole õigust andmeallikaid ühendada.',
    offline: 'Ühendusteenusega ei saadud ühendust. Kontrollige internetiühendust ja proovige uuesti.',
    unavailable: 'Ühendusteenus pole praegu saadaval. Proovige varsti uuesti.',
    invalid: 'Ühendusteenus saatis vastuse, mida see rakendus kasutada ei saa.',
    default: 'Midagi läks valesti. Proovige uuesti.',
    rateLimited: (seconds) => `Liiga palju katseid. Proovige uuesti ${seconds} s pärast.`,
  },
  pickerTitle: 'Andmeallikad',
  pickerLoading: 'Andmeallikate laadimine…',
  statusConnected: 'Ühendatud',
  statusDisconnected: 'Pole ühendatud',
  statusConnecting: 'Ühendamine…',
  statusRevoking: 'Lahtiühendamine…',
  statusUnknown: 'Olek teadmata',
  unknownSource: (id) => `Andmeallikas ${id}`,
  connectShort: 'Ühenda',
  disconnectShort: 'Ühenda lahti',
  connect: (source) => `Ühenda ${source}`,
  disconnect: (source) => `Ühenda lahti: ${source}`,
  confirmDisconnect: (source) => `${source} ühendatakse lahti ja selle andmeid enam ei jagata.`,
  confirm: 'Ühenda lahti',
  cancel: 'Tühista',
  connected: (source) => `${source} on ühendatud.`,
  disconnected: (source) => `${source} on lahti ühendatud.`,
  connectFailed: (source) => `Ühendamine ebaõnnestus: ${source}.`,
  revokeFailed: (source) => `Lahtiühendamine ebaõnnestus: ${source}.`,
  popupBlocked: (source) => `Brauser blokeeris ühendamise akna: ${source}.`,
  openInThisWindow: 'Jätka selles aknas',
  openLink: (source) => `Ava ühendamise leht: ${source}`,
  // "alates" would need the date in the elative ("5. märtsist"); Intl gives the nominative.
  connectedSince: (date) => `Ühendatud: ${date}`,
  connectedAgo: (relative) => `Ühendatud ${relative}`,
  searchLabel: 'Otsi andmeallikaid',
  searchPlaceholder: 'Otsi…',
  searchResults: { one: '# allikas', other: '# allikat' },
  noResults: (query) => `Päringule „${query}“ ei leitud ühtegi andmeallikat.`,
  clearSearch: 'Tühjenda otsing',
  consentByConnecting: 'Valides „Ühenda“, nõustute selle privaatsusteatega.',
  nativeConnectShort: 'Ühenda meie rakenduses',
  nativeConnect: (source) => `Ühenda meie rakenduses: ${source}`,
};
