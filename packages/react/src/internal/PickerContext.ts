'use client';
import type { DataSourceId, ThryveConnectError } from '@thryve-connect/core';
import { createContext, type ReactNode, useContext } from 'react';
import type { PickerMessages } from '../pickerMessages.js';
import type { UseDataSourceConnectionResult } from '../useDataSourceConnection.js';
import type { DataSourceWithStatus } from '../useDataSources.js';

/** What a `renderSource` render prop receives: the source, its connection controls and the texts. */
export interface RenderSourceProps {
  source: DataSourceWithStatus;
  connection: UseDataSourceConnectionResult;
  messages: PickerMessages;
}

/**
 * What every row of a picker shares, from the picker: rows take only their `source` prop and read the
 * rest here (Radix's scoped-context pattern), so a plain `memo` keeps unchanged rows from re-rendering.
 */
export interface PickerContextValue {
  messages: PickerMessages;
  /** The picker's language: dates are formatted for it. */
  locale: string;
  showConnectedSince: boolean;
  redirectUri: string | undefined;
  revokeMode: 'background' | 'redirect' | undefined;
  mode: 'redirect' | 'popup' | undefined;
  confirmDisconnect: boolean;
  /** The proxy's base path the rows' forms post to before hydration; `undefined` for plain buttons. */
  formRoutes: string | undefined;
  /** Sends a sentence to the picker's polite live region. */
  announce: (message: string) => void;
  renderSource: ((props: RenderSourceProps) => ReactNode) | undefined;
  renderIcon: ((source: DataSourceWithStatus) => ReactNode) | undefined;
  /** Records the privacy notice's acceptance, from the Connect click; a no-op when none is needed. */
  acceptConsent: () => void;
  /** The id of the privacy notice while it is shown: each Connect button is described by it. */
  consentNoticeId: string | undefined;
  onRevoked: (dataSource: DataSourceId) => void;
  onPopupBlocked: (fallbackUrl: string) => void;
  onError: (error: ThryveConnectError) => void;
}

export const PickerContext = createContext<PickerContextValue | null>(null);

export function usePickerContext(): PickerContextValue {
  const value = useContext(PickerContext);
  if (!value) throw new Error('A data-source row must be rendered by <DataSourcePicker>.');
  return value;
}
