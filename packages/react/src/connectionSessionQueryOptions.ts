import { type QueryClient, queryOptions } from '@tanstack/react-query';
import {
  type ConnectionSession,
  isThryveConnectError,
  type Locale,
  type ThryveFetcher,
  toConnectionSession,
} from '@thryve-connect/core';
import { toThryveConnectError } from './internal/toThryveConnectError.js';

/** What {@link connectionSessionQueryOptions} needs: the provider's settings, or your own. */
export interface ConnectionSessionQueryConfig {
  fetcher: ThryveFetcher;
  locale: Locale;
  /** Origins the widget URL may come from. Default: Thryve's widget host. */
  allowedWidgetOrigins?: readonly string[] | undefined;
  /** How long a session without `expiresAt` is used. Default 10 minutes. */
  sessionMaxAgeMs?: number | undefined;
}

/** The root of every query key of thryve-connect, for `invalidateQueries({ queryKey: [...] })`. */
export const THRYVE_QUERY_KEY = 'thryve-connect' as const;

/** The query key of a locale's session: the same one the components use. */
export function connectionSessionQueryKey(locale: Locale) {
  return [THRYVE_QUERY_KEY, 'session', locale] as const;
}

const DEFAULT_MAX_AGE_MS = 10 * 60 * 1000;
/** A session is refreshed this long before it expires, so a click never gets a dying token. */
const EXPIRY_MARGIN_MS = 5_000;
/** After the last component using a session unmounts, its fetch is aborted after this grace period. */
const ABORT_GRACE_MS = 50;
const MAX_RETRIES = 3;

/** When a session must no longer be shown or used: its `expiresAt`, else fetchedAt + maxAge. */
export function sessionExpiry(session: ConnectionSession, maxAgeMs = DEFAULT_MAX_AGE_MS): number {
  return session.expiresAt ?? session.fetchedAt + maxAgeMs;
}

/** Whether a session is too old to render or to build direct URLs from. */
export function isSessionExpired(session: ConnectionSession, maxAgeMs?: number, now = Date.now()): boolean {
  return now >= sessionExpiry(session, maxAgeMs) - EXPIRY_MARGIN_MS;
}

/**
 * Wraps the fetcher so that it is aborted only when no component wants the session any more.
 * React Query aborts a query's signal the moment its last observer leaves; under StrictMode that
 * happens between the two mounts of every component and would cost a second fetcher call. A short
 * grace period lets the remount pick up the request in flight, and a real unmount still aborts it.
 */
function fetchWithGracefulAbort(
  config: ConnectionSessionQueryConfig,
  context: { client: QueryClient; queryKey: readonly unknown[] },
): Promise<unknown> {
  const controller = new AbortController();
  const cache = context.client.getQueryCache();
  const query = cache.find({ queryKey: context.queryKey, exact: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = cache.subscribe((event) => {
    if (event.query !== query) return;
    if (event.type === 'observerRemoved' && event.query.getObserversCount() === 0) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (event.query.getObserversCount() === 0) controller.abort();
      }, ABORT_GRACE_MS);
    } else if (event.type === 'observerAdded') {
      clearTimeout(timer);
    }
  });
  return config.fetcher({ locale: config.locale, signal: controller.signal }).finally(() => {
    clearTimeout(timer);
    unsubscribe();
  });
}

/**
 * React Query options for a locale's widget session, shared by every component and hook: use them to
 * prefetch (`queryClient.prefetchQuery`) or read the session yourself, with the same key and rules.
 * Only network, 5xx and timeout errors are retried (3 times, with backoff); a 4xx fails at once.
 */
export function connectionSessionQueryOptions(config: ConnectionSessionQueryConfig) {
  const maxAgeMs = config.sessionMaxAgeMs ?? DEFAULT_MAX_AGE_MS;
  return queryOptions({
    queryKey: connectionSessionQueryKey(config.locale),
    queryFn: async (context): Promise<ConnectionSession> => {
      let raw: unknown;
      try {
        raw = await fetchWithGracefulAbort(config, context);
      } catch (error) {
        throw toThryveConnectError(error);
      }
      return toConnectionSession(raw, { allowedOrigins: config.allowedWidgetOrigins, locale: config.locale });
    },
    // Fresh until it is about to expire: no refetch on mount, focus or reconnect in between, because a
    // new URL reloads the widget and loses what the user was doing in it.
    staleTime: (query) => {
      const session = query.state.data;
      return session ? Math.max(0, sessionExpiry(session, maxAgeMs) - EXPIRY_MARGIN_MS - Date.now()) : 0;
    },
    gcTime: maxAgeMs,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: (failureCount, error) =>
      isThryveConnectError(error) && error.retryable && failureCount < MAX_RETRIES,
    retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4_000),
  });
}
