import type { Locale } from '@thryve-connect/core';
import { getWidgetMessages, type WidgetMessages } from './widgetMessages.js';

/** The picker's texts. Functions take what they interpolate, so translations can reorder words. */
export interface PickerMessages extends Pick<WidgetMessages, 'retry' | 'errors'> {
  pickerTitle: string;
  pickerLoading: string;
  statusConnected: string;
  statusDisconnected: string;
  statusConnecting: string;
  statusRevoking: string;
  statusUnknown: string;
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
}

type OwnPickerMessages = Omit<PickerMessages, 'retry' | 'errors'>;

/** English picker texts: the fallback for every locale without its own. */
export const pickerMessagesEn: OwnPickerMessages = {
  pickerTitle: 'Data sources',
  pickerLoading: 'Loading data sources…',
  statusConnected: 'Connected',
  statusDisconnected: 'Not connected',
  statusConnecting: 'Connecting…',
  statusRevoking: 'Disconnecting…',
  statusUnknown: 'Status unknown',
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
};

/** German picker texts. */
export const pickerMessagesDe: OwnPickerMessages = {
  pickerTitle: 'Datenquellen',
  pickerLoading: 'Datenquellen werden geladen…',
  statusConnected: 'Verbunden',
  statusDisconnected: 'Nicht verbunden',
  statusConnecting: 'Wird verbunden…',
  statusRevoking: 'Wird getrennt…',
  statusUnknown: 'Status unbekannt',
  connectShort: 'Verbinden',
  disconnectShort: 'Trennen',
  connect: (source) => `${source} verbinden`,
  disconnect: (source) => `${source} trennen`,
  confirmDisconnect: (source) => `${source} trennen? Die Daten werden dann nicht mehr geteilt.`,
  confirm: 'Trennen',
  cancel: 'Abbrechen',
  connected: (source) => `${source} ist verbunden.`,
  disconnected: (source) => `${source} ist getrennt.`,
  connectFailed: (source) => `${source} konnte nicht verbunden werden.`,
  revokeFailed: (source) => `${source} konnte nicht getrennt werden.`,
  popupBlocked: (source) => `Ihr Browser hat das Fenster zum Verbinden von ${source} blockiert.`,
  openInThisWindow: 'In diesem Fenster fortfahren',
  openLink: (source) => `Die Verbindungsseite von ${source} öffnen`,
};

/** The picker texts for a locale (English and German shipped, English otherwise), with overrides on top. */
export function getPickerMessages(locale: Locale, overrides?: Partial<PickerMessages>): PickerMessages {
  const { retry, errors } = getWidgetMessages(locale);
  const base: PickerMessages = { ...(locale === 'de' ? pickerMessagesDe : pickerMessagesEn), retry, errors };
  if (!overrides) return base;
  return { ...base, ...overrides, errors: { ...base.errors, ...overrides.errors } };
}
