'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  buildConnectUrl,
  buildRevokeUrl,
  type ConnectedSource,
  type DataSourceId,
  ThryveConnectError,
} from '@thryve-connect/core';
import { useCallback, useEffect, useState } from 'react';
import { connectionSessionQueryKey, connectionSessionQueryOptions } from './connectionSessionQueryOptions.js';
import { connectionsQueryKey, connectionsQueryOptions } from './connectionsQueryOptions.js';
import { pendingActionStore } from './internal/pendingActionStore.js';
import { toThryveConnectError } from './internal/toThryveConnectError.js';
import { useLatestRef } from './internal/useLatestRef.js';
import { useThryveConnect } from './ThryveConnectContext.js';
import { useConnectionSession } from './useConnectionSession.js';

// Replaced by the bundler, so the long messages below drop out of production builds.
declare const process: { env: { NODE_ENV?: string } };

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

/** What `connect()` did. */
export type ConnectOutcome = 'navigated' | 'opened' | 'blocked' | 'not_ready' | 'failed';

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

/**
 * Connect and disconnect one data source through Thryve's direct URLs. The session is fetched on
 * mount, so `connect()` builds the URL and navigates in the same tick as the click: no `await` in
 * between that would make the browser block the popup.
 */
export function useDataSourceConnection(
  dataSource: DataSourceId,
  options: UseDataSourceConnectionOptions = {},
): UseDataSourceConnectionResult {
  const config = useThryveConnect('useDataSourceConnection');
  const { queryClient, fetcher, hosts } = config;
  const pendingActions = pendingActionStore();
  const session = useConnectionSession();
  // Selects this source's own status, so a change to another source does not re-render this one.
  const connections = useQuery(
    {
      ...connectionsQueryOptions({ fetcher }),
      select: (data: ConnectedSource[]) => data.some((item) => item.dataSource === dataSource),
    },
    queryClient,
  );
  const callbacks = useLatestRef(options);
  const [local, setLocal] = useState<{
    status?: 'connecting';
    error?: ThryveConnectError;
    fallbackUrl?: string;
  }>({});

  // A session that expired while the page sat idle is replaced at once, so the next click can use it.
  const { status: sessionStatus, refresh } = session;
  useEffect(() => {
    if (sessionStatus === 'expired') refresh();
  }, [sessionStatus, refresh]);

  // After a new tab was opened, the user comes back here: read the statuses again then.
  useEffect(() => {
    if (local.status !== 'connecting') return;
    const onFocus = () => {
      setLocal({});
      void queryClient.invalidateQueries({ queryKey: connectionsQueryKey() });
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [local.status, queryClient]);

  const fail = useCallback(
    (error: unknown) => {
      const typed = toThryveConnectError(error);
      setLocal({ error: typed });
      callbacks.current.onError?.(typed);
      return typed;
    },
    [callbacks],
  );

  // The token may be single-use (Thryve does not say): after it left the page, fetch a fresh one.
  const retireSession = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: connectionSessionQueryKey(config.locale) });
  }, [queryClient, config.locale]);

  const connect = useCallback((): ConnectOutcome => {
    if (session.status !== 'ready') {
      if (session.status !== 'pending') session.refresh();
      return 'not_ready';
    }
    const { redirectUri, onPopupBlocked } = callbacks.current;
    let url: string;
    try {
      url = buildConnectUrl({ token: session.session.token, dataSource, redirectUri, hosts });
    } catch (error) {
      fail(error);
      return 'failed';
    }
    if (redirectUri !== undefined) {
      pendingActions.save({ action: 'connect', dataSource, token: session.session.token });
      setLocal({ status: 'connecting' });
      window.location.assign(url);
      return 'navigated';
    }
    // Not 'noopener': with it, window.open always returns null and a blocked popup cannot be told
    // apart. The opener is cut right away instead, before the new page can run any script.
    const opened = window.open(url, '_blank');
    if (!opened) {
      const error = new ThryveConnectError(
        'popup_blocked',
        process.env.NODE_ENV !== 'production' ? 'The browser blocked the new tab for the connection.' : '',
      );
      setLocal({ error, fallbackUrl: url });
      onPopupBlocked?.(url);
      callbacks.current.onError?.(error);
      return 'blocked';
    }
    opened.opener = null;
    setLocal({ status: 'connecting' });
    retireSession();
    return 'opened';
  }, [session, dataSource, hosts, pendingActions, callbacks, fail, retireSession]);

  const revokeMutation = useMutation(
    {
      mutationFn: async (token: string | undefined) => {
        if (fetcher.revoke) return fetcher.revoke({ dataSource });
        // No user gesture to keep here: a revoke may wait for a fresh session.
        const revokeToken =
          token ??
          (
            await queryClient.fetchQuery(
              connectionSessionQueryOptions({
                fetcher,
                locale: config.locale,
                allowedWidgetOrigins: config.allowedWidgetOrigins,
                sessionMaxAgeMs: config.sessionMaxAgeMs,
              }),
            )
          ).token;
        const url = buildRevokeUrl({ token: revokeToken, dataSource, hosts });
        // Thryve's revoke page is a plain GET that needs no answer we could read: no-cors, no cookies,
        // no referrer. Only a network failure is visible, and reported.
        await fetch(url, {
          mode: 'no-cors',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          cache: 'no-store',
        });
      },
      onMutate: async () => {
        await queryClient.cancelQueries({ queryKey: connectionsQueryKey() });
        const previous = queryClient.getQueryData<ConnectedSource[]>(connectionsQueryKey());
        if (previous) {
          queryClient.setQueryData<ConnectedSource[]>(
            connectionsQueryKey(),
            previous.filter((item) => item.dataSource !== dataSource),
          );
        }
        return { previous };
      },
      onError: (error, _token, context) => {
        if (context?.previous) queryClient.setQueryData(connectionsQueryKey(), context.previous);
        fail(error);
      },
      onSuccess: () => {
        callbacks.current.onRevoked?.(dataSource);
      },
      onSettled: () => {
        retireSession();
        return queryClient.invalidateQueries({ queryKey: connectionsQueryKey() });
      },
    },
    queryClient,
  );

  const revoke = useCallback(() => {
    setLocal({});
    const { revokeMode, redirectUri } = callbacks.current;
    if (revokeMode === 'redirect') {
      if (session.status !== 'ready' || redirectUri === undefined) {
        fail(
          new ThryveConnectError(
            redirectUri === undefined ? 'invalid_redirect_uri' : 'session_expired',
            process.env.NODE_ENV === 'production'
              ? ''
              : redirectUri === undefined
                ? "revokeMode 'redirect' needs a redirectUri."
                : 'The session is not ready yet.',
          ),
        );
        return;
      }
      try {
        const url = buildRevokeUrl({ token: session.session.token, dataSource, redirectUri, hosts });
        pendingActions.save({ action: 'revoke', dataSource, token: session.session.token });
        window.location.assign(url);
      } catch (error) {
        fail(error);
      }
      return;
    }
    revokeMutation.mutate(session.status === 'ready' ? session.session.token : undefined);
  }, [callbacks, session, dataSource, hosts, pendingActions, fail, revokeMutation]);

  const continueInThisWindow = useCallback(() => {
    if (!local.fallbackUrl || session.status !== 'ready') return;
    pendingActions.save({ action: 'connect', dataSource, token: session.session.token });
    window.location.assign(local.fallbackUrl);
  }, [local.fallbackUrl, session, pendingActions, dataSource]);

  const connected = connections.data;
  const status: DataSourceConnectionStatus = revokeMutation.isPending
    ? 'revoking'
    : local.status === 'connecting'
      ? 'connecting'
      : local.error
        ? 'error'
        : connected === undefined || !fetcher.getConnections
          ? 'unknown'
          : connected
            ? 'connected'
            : 'disconnected';

  return {
    status,
    canConnect: session.status === 'ready',
    connect,
    revoke,
    error: local.error,
    fallbackUrl: local.fallbackUrl,
    continueInThisWindow,
    reset: useCallback(() => setLocal({}), []),
  };
}
