/** The widget page's texts in one language. */
export interface WidgetMessages {
  lang: string;
  title: string;
  intro: string;
  connected: string;
  notConnected: string;
  connect: (source: string) => string;
  disconnect: (source: string) => string;
  connectedNotice: (source: string) => string;
  disconnectedNotice: (source: string) => string;
  failedNotice: (source: string) => string;
}

const en: WidgetMessages = {
  lang: 'en',
  title: 'Connect your data sources',
  intro: 'Choose the apps and wearables you want to share your health data from.',
  connected: 'Connected',
  notConnected: 'Not connected',
  connect: (source) => `Connect ${source}`,
  disconnect: (source) => `Disconnect ${source}`,
  connectedNotice: (source) => `${source} connected.`,
  disconnectedNotice: (source) => `${source} disconnected.`,
  failedNotice: (source) => `${source} was not connected.`,
};

const de: WidgetMessages = {
  lang: 'de',
  title: 'Datenquellen verbinden',
  intro: 'Wähle die Apps und Wearables, deren Gesundheitsdaten du teilen möchtest.',
  connected: 'Verbunden',
  notConnected: 'Nicht verbunden',
  connect: (source) => `${source} verbinden`,
  disconnect: (source) => `${source} trennen`,
  connectedNotice: (source) => `${source} verbunden.`,
  disconnectedNotice: (source) => `${source} getrennt.`,
  failedNotice: (source) => `${source} wurde nicht verbunden.`,
};

/** Texts for `locale`; every language without a translation falls back to English. */
export function widgetMessages(locale: string | undefined): WidgetMessages {
  return locale === 'de' ? de : en;
}
