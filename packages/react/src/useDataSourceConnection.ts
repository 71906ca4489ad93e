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
  ThryveConnectError,
} from '@thryve-connect/core';
import { useCallback, useSyncExternalStore } from 'react';
import { explainDroppedSeeds, IS_DEVELOPMENT, warnConfigurationError } from '#is-development';
import { useConnectionsOptions } from './internal/useConnectionsOptions.js';
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
  /**
   * `popup`: connect in a sized popup; `redirectUri` is the popup's return page, which calls
   * `relayConnectionResult()`. Default `redirect`: this window (with `redirectUri`) or a new tab.
   */
  mode?: 'redirect' | 'popup' | undefined;
  /**
   * Called by `connect()` in the click, before it opens anything: e.g. to record the consent that this
   * click gives (the picker's `consent`). A throw stops the connect.
   */
  beforeConnect?: (() => void) | undefined;
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
  /** When a popup was blocked: the connect URL to offer as a link (it opens a new tab on a click). */
  fallbackUrl: string | undefined;
  /**
   * After a blocked popup, connects in this window instead, coming back to `redirectUri`. Without a
   * `redirectUri` it does nothing and returns `false` (Thryve would strand the user on its result
   * page): offer `fallbackUrl` as a link then. `canContinueInThisWindow` says which.
   */
  continueInThisWindow: () => boolean;
  /** True when `continueInThisWindow` can bring the user back (a `redirectUri` was given). */
  canContinueInThisWindow: boolean;
  /** Clears `error` and `fallbackUrl`. */
  reset: () => void;
}

const IDLE: DataSourceFlow = { status: 'idle' };
const noSubscription = () => () => {};

/**
 * Connect and disconnect one data source through Thryve's direct URLs. Wiring over the signed-in
 * user's handle: the flow itself (session, URL, pending action, popup detection, optimistic revoke)
 * lives in core's `connectDataSource` and `revokeDataSource`. `connect()` navigates in the same tick
 * as the click.
 */
export function useDataSourceConnection(
  dataSource: DataSourceId,
  options: UseDataSourceConnectionOptions = {},
): UseDataSourceConnectionResult {
  const context = useThryveConnect('useDataSourceConnection');
  const { client, user, locale } = context;
  const connectionsOptions = useConnectionsOptions(context, IS_DEVELOPMENT ? explainDroppedSeeds : undefined);
  const session = useConnectionSession();
  const callbacks = useLatestRef(options);
  const flow = useSyncExternalStore(
    useCallback(
      (listener: () => void) => (user ? subscribeDataSourceFlows(user, listener) : noSubscription()),
      [user],
    ),
    () => (user ? getDataSourceFlow(user, dataSource) : IDLE),
    () => IDLE,
  );
  // Selects this source's own status, so a change to another source does not re-render this one.
  const connected = useQuery(
    {
      ...connectionsOptions,
      enabled: Boolean(client.fetcher.getConnections) && user !== null,
      select: (data: ConnectedSource[]) => data.some((item) => item.dataSource === dataSource),
    },
    client.queryClient,
  ).data;

  const connect = useCallback((): ConnectOutcome => {
    if (!user) return 'not_ready';
    callbacks.current.beforeConnect?.();
    const { redirectUri, mode } = callbacks.current;
    const outcome = connectDataSource(user, { locale, dataSource, redirectUri, mode });
    if (outcome === 'blocked' || outcome === 'failed') {
      const { error, fallbackUrl } = getDataSourceFlow(user, dataSource);
      if (outcome === 'blocked' && fallbackUrl) callbacks.current.onPopupBlocked?.(fallbackUrl);
      if (error) callbacks.current.onError?.(error);
    }
    return outcome;
  }, [user, locale, dataSource, callbacks]);

  const revoke = useCallback(() => {
    const { revokeMode, redirectUri } = callbacks.current;
    if (!user) {
      callbacks.current.onError?.(new ThryveConnectError('unauthorized', ''));
      return;
    }
    revokeDataSource(user, { locale, dataSource, mode: revokeMode, redirectUri }).then(
      () => {
        if (revokeMode !== 'redirect') callbacks.current.onRevoked?.(dataSource);
      },
      (error: ThryveConnectError) => callbacks.current.onError?.(error),
    );
  }, [user, locale, dataSource, callbacks]);

  const continueInThisWindow = useCallback(
    () =>
      user !== null &&
      continueConnectInThisWindow(user, { dataSource, redirectUri: callbacks.current.redirectUri }),
    [user, dataSource, callbacks],
  );

  const reset = useCallback(() => {
    if (user) resetDataSourceFlow(user, dataSource);
  }, [user, dataSource]);

  // A click refused for the app's setup (a redirectUri that cannot be used) is named in the console.
  if (IS_DEVELOPMENT) warnConfigurationError(flow.error);

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
    // A popup's return page relays and closes: it is no page to continue to in this window.
    canContinueInThisWindow:
      flow.fallbackUrl !== undefined && options.redirectUri !== undefined && options.mode !== 'popup',
    reset,
  };
}
