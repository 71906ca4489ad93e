import type { WidgetMessages } from './widgetMessages.js';

/**
 * A text with a count, by CLDR plural category (`Intl.PluralRules`): `other` is required, the rest as
 * the language needs them. `#` stands for the number, formatted for the locale.
 * @example { one: '# source', other: '# sources' }
 */
export type PluralMessage = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** The picker's texts. Functions take what they interpolate, so translations can reorder words. */
export interface PickerMessages extends Pick<WidgetMessages, 'retry' | 'errors' | 'consentLink'> {
  pickerTitle: string;
  pickerLoading: string;
  statusConnected: string;
  statusDisconnected: string;
  statusConnecting: string;
  statusRevoking: string;
  statusUnknown: string;
  /** The name of a source this library's catalogue does not know yet (Thryve adds sources), by its id. */
  unknownSource: (id: number) => string;
  /** Visible button texts; the accessible names (`connect`, `disconnect`) add the source's name. */
  connectShort: string;
  disconnectShort: string;
  connect: (source: string) => string;
  disconnect: (source: string) => string;
  confirmDisconnect: (source: string) => string;
  confirm: string;
  cancel: string;
  connected: (source: string) => string;
  disconnected: (source: string) => string;
  connectFailed: (source: string) => string;
  revokeFailed: (source: string) => string;
  popupBlocked: (source: string) => string;
  openInThisWindow: string;
  openLink: (source: string) => string;
  /** Under a connected source: `date` is formatted for the locale (`Intl.DateTimeFormat`). */
  connectedSince: (date: string) => string;
  /** The same for a recent date: `relative` is e.g. "2 days ago" (`Intl.RelativeTimeFormat`). */
  connectedAgo: (relative: string) => string;
  /** The search box's accessible name. */
  searchLabel: string;
  searchPlaceholder: string;
  /** Announced while searching: how many sources match. */
  searchResults: PluralMessage;
  /** Shown when nothing matches `query`. */
  noResults: (query: string) => string;
  clearSearch: string;
  /** Under a privacy notice (`consent`): the Connect click accepts it. Name the `connectShort` text. */
  consentByConnecting: string;
  /** A native source's button or link (Apple Health, Health Connect…): it connects in the host's app. */
  nativeConnectShort: string;
  /** Its accessible name, with the source: it must contain `nativeConnectShort` (label in name). */
  nativeConnect: (source: string) => string;
}

/** The picker's own texts, without the ones it shares with the widget (`retry`, `errors`, `consentLink`). */
export type OwnPickerMessages = Omit<PickerMessages, 'retry' | 'errors' | 'consentLink'>;

/** English picker texts: the fallback for every locale without its own. */
export const pickerMessagesEn: OwnPickerMessages = {
  pickerTitle: 'Data sources',
  pickerLoading: 'Loading data sources…',
  statusConnected: 'Connected',
  statusDisconnected: 'Not connected',
  statusConnecting: 'Connecting…',
  statusRevoking: 'Disconnecting…',
  statusUnknown: 'Status unknown',
  unknownSource: (id) => `Data source ${id}`,
  connectShort: 'Connect',
  disconnectShort: 'Disconnect',
  connect: (source) => `Connect ${source}`,
  disconnect: (source) => `Disconnect ${source}`,
  confirmDisconnect: (source) => `Disconnect ${source}? Its data will no longer be shared.`,
  confirm: 'Disconnect',
  cancel: 'Cancel',
  connected: (source) => `${source} connected.`,
  disconnected: (source) => `${source} disconnected.`,
  connectFailed: (source) => `${source} could not be connected.`,
  revokeFailed: (source) => `${source} could not be disconnected.`,
  popupBlocked: (source) => `Your browser blocked the window to connect ${source}.`,
  openInThisWindow: 'Continue in this window',
  openLink: (source) => `Open the ${source} connection page`,
  connectedSince: (date) => `Connected since ${date}`,
  connectedAgo: (relative) => `Connected ${relative}`,
  searchLabel: 'Search data sources',
  searchPlaceholder: 'Search…',
  searchResults: { one: '# source', other: '# sources' },
  noResults: (query) => `No data source matches “${query}”.`,
  clearSearch: 'Clear search',
  consentByConnecting: 'By choosing Connect, you agree to this privacy notice.',
  nativeConnectShort: 'Connect in our app',
  nativeConnect: (source) => `Connect in our app: ${source}`,
};

/** Every text of thryve-connect: the widget's and the picker's. A translation is a `Partial` of it. */
export type ThryveMessages = WidgetMessages & PickerMessages;
