'use client';
import { useQuery } from '@tanstack/react-query';
import {
  type ConnectionSessionSnapshot,
  type Locale,
  SESSION_EXPIRY_MARGIN_MS,
  sessionExpiry,
  toSessionSnapshot,
} from '@thryve-connect/core';
import { useCallback } from 'react';
import { IS_DEVELOPMENT, warnConfigurationError } from '#is-development';
import { sessionOptionsOf } from './internal/signedOutOptions.js';
import { useRerenderAt } from './internal/useRerenderAt.js';
import { useThryveConnect } from './ThryveConnectContext.js';

export type { ConnectionSessionStatus } from '@thryve-connect/core';

/** Options of {@link useConnectionSession}. */
export interface UseConnectionSessionOptions {
  /** The widget's language. Default: the provider's locale. */
  locale?: Locale | undefined;
  /** `false` skips fetching (e.g. until a dialog opens). Default `true`. */
  enabled?: boolean | undefined;
}

interface SessionStateBase {
  /** Fetches a new session (after an error, or to replace an expired one); joins one in flight. */
  refresh: () => void;
  /** True while a request is in flight, also behind a `ready` or `expired` session. */
  isFetching: boolean;
}

/**
 * What {@link useConnectionSession} returns: a union discriminated by `status`. `signed_out` when the
 * provider's `userKey` is `null`: nothing is fetched then.
 */
export type ConnectionSessionState = SessionStateBase &
  (ConnectionSessionSnapshot | { status: 'signed_out'; session: undefined; error: undefined });

/**
 * The signed-in user's widget session, fetched once per locale through the provider's controller and
 * shared by every component that asks. An expired session is never reported `ready`: it is `expired`
 * (offer a reload) or, while a fresh one is on its way, `pending`. The controller refreshes a session
 * that is on screen once, before it stops being usable, however many components show it.
 */
export function useConnectionSession(options: UseConnectionSessionOptions = {}): ConnectionSessionState {
  const { client, user, locale: providerLocale } = useThryveConnect('useConnectionSession');
  const locale = options.locale ?? providerLocale;
  const queryOptions = sessionOptionsOf(user, locale);
  const enabled = (options.enabled ?? true) && user !== null;
  // The first request starts during render, as TanStack's usePrefetchQuery starts one: left to the
  // query's mount effect, it would wait for the first paint, and the widget would show that much later.
  // In the browser only: a server render shows the loading state and asks nobody.
  if (enabled && typeof window !== 'undefined' && !client.queryClient.getQueryState(queryOptions.queryKey)) {
    void user?.prefetchSession(locale);
  }
  const query = useQuery({ ...queryOptions, enabled }, client.queryClient);

  // Re-render when the session on screen stops being usable, so it turns `expired` on its own.
  const session = query.data;
  useRerenderAt(session && sessionExpiry(session, client.sessionMaxAgeMs) - SESSION_EXPIRY_MARGIN_MS, client);

  const refresh = useCallback(() => void user?.refreshSession(locale), [user, locale]);

  const base = { refresh, isFetching: query.isFetching };
  if (user === null) return { ...base, status: 'signed_out', session: undefined, error: undefined };
  const snapshot = toSessionSnapshot(query, client.sessionMaxAgeMs, client.now());
  // A session refused for the app's setup (the widget's origin, the route) is named in the console.
  if (IS_DEVELOPMENT) warnConfigurationError(snapshot.error);
  return { ...base, ...snapshot };
}
