'use client';
import { useQuery } from '@tanstack/react-query';
import {
  type ConnectedSource,
  type ConnectOutcome,
  connectDataSource,
  continueConnectInThisWindow,
  type DataSourceFlow,
  type DataSourceId,
  getDataSourceFlow,
  resetDataSourceFlow,
  revokeDataSource,
  subscribeDataSourceFlows,
  type ThryveConnectError,
} from '@thryve-connect/core';
import { useCallback, useSyncExternalStore } from 'react';
import { useLatestRef } from './internal/useLatestRef.js';
import { useThryveConnect } from './ThryveConnectContext.js';
import { useConnectionSession } from './useConnectionSession.js';

export type { ConnectOutcome } from '@thryve-connect/core';

/** The status of one source on a custom screen. */
export type DataSourceConnectionStatus =
  | 'connected'
  | 'disconnected'
  | 'connecting'
  | 'revoking'
  | 'unknown'
  | 'error';

/** Options of {@link useDataSourceConnection}. */
export interface UseDataSourceConnectionOptions {
  /**
   * Where Thryve sends the user back (must be on your allow-list at Thryve). With it, connect navigates
   * this window and `useConnectionResult` reads the outcome; without it, connect opens a new tab.
   */
  redirectUri?: string | undefined;
  /** `background` (default): revoke without leaving the page. `redirect`: navigate (needs `redirectUri`). */
  revokeMode?: 'background' | 'redirect' | undefined;
  /** Called when the browser blocked the new tab; `fallbackUrl` can be offered as a link. */
  onPopupBlocked?: ((fallbackUrl: string) => void) | undefined;
  /** Called when a background revoke succeeded. */
  onRevoked?: ((dataSource: DataSourceId) => void) | undefined;
  /** Called with any error of connect or revoke. */
  onError?: ((error: ThryveConnectError) => void) | undefined;
}

/** What {@link useDataSourceConnection} returns. */
export interface UseDataSourceConnectionResult {
  status: DataSourceConnectionStatus;
  /** True when connect can run now (the session is ready): bind it to the button's `disabled`. */
  canConnect: boolean;
  /** Starts the connection, synchronously: call it straight from the click handler. */
  connect: () => ConnectOutcome;
  /** Disconnects the source (in the background by default). */
  revoke: () => void;
  /** The last error, until the next action. */
  error: ThryveConnectError | undefined;
  /** When a popup was blocked: the connect URL to offer as a link or a same-window fallback. */
  fallbackUrl: string | undefined;
  /** Navigates this window to `fallbackUrl` (after a blocked popup). */
  continueInThisWindow: () => void;
  /** Clears `error` and `fallbackUrl`. */
  reset: () => void;
}

const IDLE: DataSourceFlow = { status: 'idle' };
const UNUSED_KEY = '\u0000signed-out';

/**
 * Connect and disconnect one data source through Thryve's direct URLs. Wiring over the controller:
 * the flow itself (session, URL, pending action, popup detection, optimistic revoke) lives in core's
 * `connectDataSource` and `revokeDataSource`. `connect()` navigates in the same tick as the click.
 */
export function useDataSourceConnection(
  dataSource: DataSourceId,
  options: UseDataSourceConnectionOptions = {},
): UseDataSourceConnectionResult {
  const { client, userKey, locale } = useThryveConnect('useDataSourceConnection');
  const session = useConnectionSession();
  const callbacks = useLatestRef(options);
  const flow = useSyncExternalStore(
    useCallback((listener: () => void) => subscribeDataSourceFlows(client, listener), [client]),
    () => (userKey === null ? IDLE : getDataSourceFlow(client, userKey, dataSource)),
    () => IDLE,
  );
  // Selects this source's own status, so a change to another source does not re-render this one.
  const connected = useQuery(
    {
      ...client.connectionsOptions(userKey ?? UNUSED_KEY),
      enabled: Boolean(client.fetcher.getConnections) && userKey !== null,
      select: (data: ConnectedSource[]) => data.some((item) => item.dataSource === dataSource),
    },
    client.queryClient,
  ).data;

  const connect = useCallback((): ConnectOutcome => {
    const outcome = connectDataSource(client, {
      userKey,
      locale,
      dataSource,
      redirectUri: callbacks.current.redirectUri,
    });
    if (outcome === 'blocked' || outcome === 'failed') {
      const { error, fallbackUrl } = userKey === null ? IDLE : getDataSourceFlow(client, userKey, dataSource);
      if (outcome === 'blocked' && fallbackUrl) callbacks.current.onPopupBlocked?.(fallbackUrl);
      if (error) callbacks.current.onError?.(error);
    }
    return outcome;
  }, [client, userKey, locale, dataSource, callbacks]);

  const revoke = useCallback(() => {
    const { revokeMode, redirectUri } = callbacks.current;
    revokeDataSource(client, { userKey, locale, dataSource, mode: revokeMode, redirectUri }).then(
      () => {
        if (revokeMode !== 'redirect') callbacks.current.onRevoked?.(dataSource);
      },
      (error: ThryveConnectError) => callbacks.current.onError?.(error),
    );
  }, [client, userKey, locale, dataSource, callbacks]);

  const continueInThisWindow = useCallback(() => {
    continueConnectInThisWindow(client, { userKey, dataSource });
  }, [client, userKey, dataSource]);

  const reset = useCallback(() => {
    if (userKey !== null) resetDataSourceFlow(client, userKey, dataSource);
  }, [client, userKey, dataSource]);

  const status: DataSourceConnectionStatus =
    flow.status !== 'idle'
      ? flow.status
      : connected === undefined
        ? 'unknown'
        : connected
          ? 'connected'
          : 'disconnected';

  return {
    status,
    canConnect: session.status === 'ready',
    connect,
    revoke,
    error: flow.error,
    fallbackUrl: flow.fallbackUrl,
    continueInThisWindow,
    reset,
  };
}
