'use client';
import { useQuery } from '@tanstack/react-query';
import type { ConnectionSession, Locale, ThryveConnectError } from '@thryve-connect/core';
import { useCallback, useEffect, useState } from 'react';
import {
  connectionSessionQueryOptions,
  isSessionExpired,
  sessionExpiry,
} from './connectionSessionQueryOptions.js';
import { toThryveConnectError } from './internal/toThryveConnectError.js';
import { useThryveConnect } from './ThryveConnectContext.js';

/** Options of {@link useConnectionSession}. */
export interface UseConnectionSessionOptions {
  /** The widget's language. Default: the provider's locale. */
  locale?: Locale | undefined;
  /** `false` skips fetching (e.g. until a dialog opens). Default `true`. */
  enabled?: boolean | undefined;
}

/** Status of a session: string union, so a `switch` covers every state. */
export type ConnectionSessionStatus = 'pending' | 'ready' | 'error' | 'expired';

interface SessionStateBase {
  /** Fetches a new session (after an error, or to replace an expired one). */
  refresh: () => void;
  /** True while a request is in flight, also behind a `ready` or `expired` session. */
  isFetching: boolean;
}

/** What {@link useConnectionSession} returns: a union discriminated by `status`. */
export type ConnectionSessionState = SessionStateBase &
  (
    | { status: 'pending'; session: undefined; error: undefined }
    | { status: 'ready'; session: ConnectionSession; error: undefined }
    | { status: 'error'; session: undefined; error: ThryveConnectError }
    | { status: 'expired'; session: ConnectionSession; error: undefined }
  );

/**
 * The widget session of the signed-in user, fetched once per locale through the provider's fetcher
 * and shared by every component that asks. An expired session is never reported `ready`: it is
 * `expired` (offer a reload) or, while a fresh one is on its way, `pending`.
 */
export function useConnectionSession(options: UseConnectionSessionOptions = {}): ConnectionSessionState {
  const config = useThryveConnect('useConnectionSession');
  const locale = options.locale ?? config.locale;
  const queryOptions = connectionSessionQueryOptions({
    fetcher: config.fetcher,
    locale,
    allowedWidgetOrigins: config.allowedWidgetOrigins,
    sessionMaxAgeMs: config.sessionMaxAgeMs,
  });
  const enabled = options.enabled ?? true;
  // The first request starts during render, as TanStack's usePrefetchQuery starts one: left to the
  // query's mount effect, it would wait for the first paint, and the widget would show that much later.
  // In the browser only: a server render shows the loading state and asks nobody.
  if (enabled && typeof window !== 'undefined' && !config.queryClient.getQueryState(queryOptions.queryKey)) {
    void config.queryClient.prefetchQuery(queryOptions);
  }
  const query = useQuery({ ...queryOptions, enabled }, config.queryClient);

  // Re-render when the session on screen expires, so it turns `expired` without any other trigger.
  const [, setTick] = useState(0);
  const session = query.data;
  useEffect(() => {
    if (!session) return;
    const delay = sessionExpiry(session, config.sessionMaxAgeMs) - 5_000 - Date.now();
    if (delay <= 0) return;
    // setTimeout's limit is 2^31-1 ms; a session that lives longer is re-checked then.
    const timer = setTimeout(() => setTick((tick) => tick + 1), Math.min(delay + 1, 2_147_483_647));
    return () => clearTimeout(timer);
  }, [session, config.sessionMaxAgeMs]);

  const { refetch } = query;
  const refresh = useCallback(() => {
    void refetch({ cancelRefetch: true });
  }, [refetch]);

  const base = { refresh, isFetching: query.isFetching };
  if (session && !isSessionExpired(session, config.sessionMaxAgeMs)) {
    return { ...base, status: 'ready', session, error: undefined };
  }
  // An error newer than the session wins: a failed refresh must show why, not the dead session.
  if (query.error && query.errorUpdatedAt >= query.dataUpdatedAt && !query.isFetching) {
    return { ...base, status: 'error', session: undefined, error: toThryveConnectError(query.error) };
  }
  if (session && !query.isFetching) return { ...base, status: 'expired', session, error: undefined };
  return { ...base, status: 'pending', session: undefined, error: undefined };
}
