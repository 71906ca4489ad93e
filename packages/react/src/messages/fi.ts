import type { ThryveMessages } from '../pickerMessages.js';

// Brand names are not inflected: they join a noun with a hyphen ("Fitbit-yhteys"), as Finnish writes them.

/**
 * Every text of the widget and the picker in Finnish. Pass it to the provider:
 * `<ThryveConnectProvider locale="fi" messages={{ fi }}>`.
 */
export const fi: ThryveMessages = {
  widgetTitle: 'Yhdistä terveystietojesi lähteet',
  widgetLoading: 'Ladataan yhdistämiswidgetiä…',
  widgetReady: 'Yhdistämiswidget on valmis.',
  widgetExpired: 'Yhdistämisistunto on vanhentunut. Jatka lataamalla se uudelleen.',
  reload: 'Lataa uudelleen',
  retry: 'Yritä uudelleen',
  consentAccept: 'Hyväksy ja jatka',
  consentLink: 'Lue tietosuojailmoitus',
  errors: {
    signedOut: 'Olet kirjautunut ulos. Kirjaudu uudelleen sisään, niin voit yhdistää tietolähteitä.',
    forbidden: 'Sinulla ei ole oikeutta yhdistää tietolähteitä.',
    offline: 'Yhdistämispalveluun ei saatu yhteyttä. Tarkista internetyhteys ja yritä uudelleen.',
    unavailable: 'Yhdistämispalvelu ei ole juuri nyt käytettävissä. Yritä hetken päästä uudelleen.',
    invalid: 'Yhdistämispalvelu lähetti vastauksen, jota sovellus ei voi käyttää.',
    default: 'Jokin meni vikaan. Yritä uudelleen.',
    rateLimited: (seconds) => `Liian monta yritystä. Yritä uudelleen ${seconds} s kuluttua.`,
  },
  pickerTitle: 'Tietolähteet',
  pickerLoading: 'Ladataan tietolähteitä…',
  statusConnected: 'Yhdistetty',
  statusDisconnected: 'Ei yhdistetty',
  statusConnecting: 'Yhdistetään…',
  statusRevoking: 'Katkaistaan yhteyttä…',
  statusUnknown: 'Tila tuntematon',
  unknownSource: (id) => `Tietolähde ${id}`,
  connectShort: 'Yhdistä',
  disconnectShort: 'Katkaise',
  connect: (source) => `Yhdistä ${source}`,
  disconnect: (source) => `Katkaise ${source}-yhteys`,
  confirmDisconnect: (source) => `Katkaistaanko ${source}-yhteys? Tietoja ei enää jaeta.`,
  confirm: 'Katkaise',
  cancel: 'Peruuta',
  connected: (source) => `${source} on yhdistetty.`,
  disconnected: (source) => `${source}-yhteys on katkaistu.`,
  connectFailed: (source) => `${source}-yhteyttä ei voitu muodostaa.`,
  revokeFailed: (source) => `${source}-yhteyttä ei voitu katkaista.`,
  popupBlocked: (source) => `Selain esti ikkunan, jossa ${source} yhdistetään.`,
  openInThisWindow: 'Jatka tässä ikkunassa',
  openLink: (source) => `Avaa ${source}-yhdistämissivu`,
  connectedSince: (date) => `Yhdistetty ${date} alkaen`,
  connectedAgo: (relative) => `Yhdistetty ${relative}`,
  searchLabel: 'Hae tietolähteitä',
  searchPlaceholder: 'Hae…',
  searchResults: { one: '# lähde', other: '# lähdettä' },
  noResults: (query) => `Haulla ”${query}” ei löytynyt tietolähteitä.`,
  clearSearch: 'Tyhjennä haku',
  consentByConnecting: 'Valitsemalla Yhdistä hyväksyt tämän tietosuojailmoituksen.',
  nativeConnectShort: 'Yhdistä sovelluksessamme',
  nativeConnect: (source) => `Yhdistä sovelluksessamme: ${source}`,
};
