import {
  type DefaultError,
  type Query,
  QueryClient,
  type QueryFunctionContext,
  type QueryObserverOptions,
} from '@tanstack/query-core';
import { IS_DEVELOPMENT } from '#is-development';
import type { ConnectedSource, ConnectionSession, ThryveFetcher } from './ConnectionSession.js';
import type { PendingActionStorage } from './createPendingActionStore.js';
import { resolveHosts, type ThryveHosts } from './hosts.js';
import type { Locale } from './locales.js';
import type { ThryveNavigate } from './navigate.js';
import type { connectionsQueryKey } from './queryKeys.js';
import { isOtherUsersKey, isSessionQueryKey, sessionQueryKey, userQueryKey } from './queryKeys.js';
import { isSeedFor } from './seeds.js';
import { DEFAULT_SESSION_MAX_AGE_MS, RETRY_OPTIONS, sessionRefreshAt } from './sessionPolicy.js';
import { toSessionSnapshot } from './sessionState.js';
import { ThryveConnectError } from './ThryveConnectError.js';
import type { ThryveEvent, ThryveEventListener } from './ThryveEvent.js';
import type { ThryveUser } from './ThryveUser.js';
import { toConnectionSession } from './toConnectionSession.js';
import { toThryveConnectError } from './toThryveConnectError.js';

/** Options of {@link createThryveConnect}. */
export interface ThryveConnectOptions {
  /** Gets a widget session from your backend, e.g. `createProxyFetcher('/api/thryve/session')`. */
  fetcher: ThryveFetcher;
  /** Where sessions and statuses are cached. Default: a new `QueryClient` of its own. */
  queryClient?: QueryClient | undefined;
  /** Thryve's hosts; override for QA or the sandbox. Default: production. */
  hosts?: Partial<ThryveHosts> | undefined;
  /** Origins a widget URL may come from. Default: `hosts.widget`. */
  allowedWidgetOrigins?: readonly string[] | undefined;
  /** How long a session without `expiresAt` is used. Default {@link DEFAULT_SESSION_MAX_AGE_MS}. */
  sessionMaxAgeMs?: number | undefined;
  /** Where a started connect/revoke is remembered across the redirect. Default: `sessionStorage`. */
  storage?: PendingActionStorage | undefined;
  /** Clock, for tests. Default `Date.now`. */
  now?: (() => number) | undefined;
  /**
   * Opens Thryve's connect and revoke pages. Default {@link defaultNavigate}: this window, or a new tab
   * whose blocking is detected. Give your own for Capacitor, Electron or a WebView (see the guide). Read
   * at each click, so a getter may hand out the newest one.
   */
  navigate?: ThryveNavigate | undefined;
  /** Hears what happens, for analytics: a typed list of events with metadata only ({@link ThryveEvent}). */
  onEvent?: ThryveEventListener | undefined;
}

/** Query options of a session, ready for a React Query observer (`useQuery`) or `fetchQuery`. */
export type SessionQueryOptions = QueryObserverOptions<
  ConnectionSession,
  DefaultError,
  ConnectionSession,
  ConnectionSession,
  ReturnType<typeof sessionQueryKey>
>;

/** Query options of a user's connected sources. */
export type ConnectionsQueryOptions = QueryObserverOptions<
  ConnectedSource[],
  DefaultError,
  ConnectedSource[],
  ConnectedSource[],
  ReturnType<typeof connectionsQueryKey>
>;

/**
 * The connection flow's one owner, framework-free. It keeps, per signed-in user and locale, the widget
 * session in a TanStack `QueryClient`: one request in flight however many components ask, one refresh
 * per expiry, bounded retries with backoff. Everything that belongs to a user goes through that user's
 * handle, {@link ThryveConnect.forUser}: the controller itself holds only settings and who is signed in.
 */
export interface ThryveConnect {
  readonly queryClient: QueryClient;
  readonly fetcher: ThryveFetcher;
  /** Thryve's hosts, defaults filled in. */
  readonly hosts: Readonly<ThryveHosts>;
  /** Origins a widget URL may come from. */
  readonly allowedWidgetOrigins: readonly string[];
  /** How long a session without `expiresAt` is used, in ms. */
  readonly sessionMaxAgeMs: number;
  /** Where pending actions are stored (`undefined`: sessionStorage, else memory). */
  readonly storage: PendingActionStorage | undefined;
  /** The controller's clock. */
  now(): number;
  /**
   * The `navigate` option, read at each click; `undefined`: the connect and revoke flows open pages with
   * {@link defaultNavigate} (left to them, so an app that shows only the widget never bundles it).
   */
  readonly navigate: ThryveNavigate | undefined;
  /** Reports an event to the `onEvent` option; a listener that throws changes nothing. */
  emit(event: ThryveEvent): void;
  /**
   * Who is signed in: the last key given to {@link ThryveConnect.setUser}; `null` nobody; `undefined`
   * not known yet (nothing has been said, or sign-in is still loading).
   */
  readonly userKey: string | null | undefined;
  /**
   * The handle of `userKey`'s data: the same object for the same user until another one signs in.
   * Creating it changes nothing; {@link ThryveConnect.setUser} says who is signed in.
   */
  forUser(userKey: string): ThryveUser;
  /**
   * Makes `userKey` the signed-in user (`null`: nobody). Every cached session, status list and pending
   * action of anyone else is removed, their requests in flight are aborted, and their handles retired.
   */
  setUser(userKey: string | null): void;
  /** Calls `listener` after every change of user; returns the unsubscribe function. */
  onUserChange(listener: (userKey: string | null) => void): () => void;
  /**
   * Starts watching the cache, so a session that components still show is refreshed once, one margin
   * before it stops being usable. Counted: returns the function that stops this watcher.
   */
  mount(): () => void;
}

/** After the last component using a session unmounts, its request is aborted after this grace period. */
const ABORT_GRACE_MS = 50;
/** setTimeout's limit: a later refresh is re-checked then. */
const MAX_TIMER_MS = 2_147_483_647;

function isVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/**
 * Creates the controller of the connection flow. Safe to call at module scope and on a server: it
 * touches no DOM and starts nothing until {@link ThryveConnect.mount}.
 *
 * @example
 * const thryve = createThryveConnect({ fetcher: createProxyFetcher(), queryClient });
 * thryve.setUser(currentUser.id);
 */
export function createThryveConnect(options: ThryveConnectOptions): ThryveConnect {
  const { fetcher } = options;
  if (typeof fetcher !== 'function') {
    throw new ThryveConnectError(
      'invalid_input',
      IS_DEVELOPMENT
        ? "createThryveConnect needs a fetcher, e.g. createProxyFetcher('/api/thryve/session')."
        : '',
    );
  }
  const queryClient = options.queryClient ?? new QueryClient();
  const hosts = resolveHosts(options.hosts);
  const allowedWidgetOrigins = options.allowedWidgetOrigins ?? [hosts.widget];
  const sessionMaxAgeMs = options.sessionMaxAgeMs ?? DEFAULT_SESSION_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  const cache = queryClient.getQueryCache();
  const userListeners = new Set<(userKey: string | null) => void>();
  /** Requests in flight: aborted when their user signs out. */
  const inFlight = new Set<{ userKey: string; controller: AbortController }>();
  /** One refresh timer per session query. */
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let mounts = 0;
  let unsubscribeCache = () => {};

  /** The one validation of a session, fetched or handed over by a server render. */
  const validate = (raw: unknown, locale: Locale, at: number): ConnectionSession =>
    toConnectionSession(raw, {
      allowedOrigins: allowedWidgetOrigins,
      locale,
      now: at,
      maxAgeMs: sessionMaxAgeMs,
    });

  /**
   * Aborts the fetcher only when no component wants the session any more. React Query drops a query's
   * last observer between StrictMode's two mounts; a short grace lets the remount keep the request.
   */
  async function fetchSession(
    context: QueryFunctionContext<ReturnType<typeof sessionQueryKey>>,
    userKey: string,
    locale: Locale,
  ): Promise<ConnectionSession> {
    const controller = new AbortController();
    const entry = { userKey, controller };
    inFlight.add(entry);
    const query = cache.find({ queryKey: context.queryKey, exact: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = cache.subscribe((event) => {
      if (event.query !== query || event.type !== 'observerRemoved') return;
      // Restarted by every departure; a component that arrives meanwhile is counted when it fires.
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (event.query.getObserversCount() > 0) return;
        controller.abort();
        // Back to the state before this request, not an 'aborted' error: whoever mounts next fetches
        // afresh instead of finding a failure nobody had (retryOnMount is off for real failures).
        void event.query.cancel({ revert: true });
      }, ABORT_GRACE_MS);
    });
    let raw: unknown;
    const startedAt = now();
    try {
      raw = await fetcher({ locale, signal: controller.signal });
    } catch (error) {
      throw toThryveConnectError(error);
    } finally {
      clearTimeout(timer);
      unsubscribe();
      inFlight.delete(entry);
    }
    // An aborted request's answer is never stored: both abort paths (the grace above, a user change)
    // cancel the query too, so React Query drops whatever the fetcher still returns. One unusable on
    // arrival is `session_expired`: retried with backoff a bounded number of times, never a refresh loop.
    const fetchedAt = now();
    const session = validate(raw, locale, fetchedAt);
    thryve.emit({ type: 'SESSION_READY', locale, from: 'fetch', durationMs: fetchedAt - startedAt });
    return session;
  }

  function unschedule(hash: string): void {
    clearTimeout(timers.get(hash));
    timers.delete(hash);
  }

  function schedule(query: Query<ConnectionSession>): void {
    unschedule(query.queryHash);
    const session = query.state.data;
    if (!session) return;
    const delay = sessionRefreshAt(session, sessionMaxAgeMs) - now();
    timers.set(
      query.queryHash,
      setTimeout(
        () => {
          timers.delete(query.queryHash);
          // Every new session reschedules (a success clears this timer), so this one is still current.
          if (delay > MAX_TIMER_MS) return schedule(query);
          // One refresh for every component that shows this session; a hidden page waits for focus
          // and an unwatched session for its next mount (React Query refetches a stale session then).
          if (query.getObserversCount() > 0 && isVisible()) void query.fetch().catch(() => undefined);
        },
        Math.max(0, Math.min(delay, MAX_TIMER_MS)),
      ),
    );
  }

  /** The handles given out, by user: the same object for a user until another one signs in. */
  const handles = new Map<string, ThryveUser & { active: boolean }>();

  function createUser(userKey: string): ThryveUser & { active: boolean } {
    const sessionKey = (locale: Locale) => sessionQueryKey(userKey, locale);
    const user: ThryveUser & { active: boolean } = {
      thryve,
      userKey,
      active: true,
      queryKey: userQueryKey(userKey),

      sessionOptions(locale) {
        return {
          queryKey: sessionKey(locale),
          queryFn: (context) => fetchSession(context, userKey, locale),
          // Fresh until its refresh is due: no refetch on mount or focus in between, because a new URL
          // means a new widget. Past that, a mount or a return to the page fetches one (deduplicated).
          staleTime: (query) => {
            const session = query.state.data;
            return session ? Math.max(0, sessionRefreshAt(session, sessionMaxAgeMs) - now()) : 0;
          },
          gcTime: sessionMaxAgeMs,
          // Never re-tried by a reconnect either: a new URL means a new widget.
          refetchOnReconnect: false,
          ...RETRY_OPTIONS,
        };
      },

      getSession(locale) {
        const state = queryClient.getQueryState<ConnectionSession>(sessionKey(locale));
        return toSessionSnapshot(state, sessionMaxAgeMs, now());
      },

      async refreshSession(locale) {
        const options = user.sessionOptions(locale);
        const query = cache.build(queryClient, options);
        // Deduplicated: a request already in flight is the refresh (never cancelled for another one).
        await query.fetch(options).catch(() => undefined);
      },

      ensureSession(locale) {
        return queryClient.fetchQuery(user.sessionOptions(locale));
      },

      async prefetchSession(locale) {
        await queryClient.prefetchQuery(user.sessionOptions(locale));
      },

      seed(seeds, locale) {
        const { initialSession } = seeds;
        if (
          initialSession === undefined ||
          !isSeedFor(initialSession, userKey, locale) ||
          queryClient.getQueryData(sessionKey(locale)) !== undefined
        ) {
          return { session: false };
        }
        try {
          queryClient.setQueryData(sessionKey(locale), {
            ...validate(initialSession, locale, now()),
            hydrated: true,
          });
        } catch {
          // Not usable here (an origin this page does not allow, expired, say): the components fetch their own.
          return { session: false };
        }
        thryve.emit({ type: 'SESSION_READY', locale, from: 'server', durationMs: 0 });
        return { session: true };
      },
    };
    return user;
  }

  const thryve: ThryveConnect = {
    queryClient,
    fetcher,
    hosts,
    allowedWidgetOrigins,
    sessionMaxAgeMs,
    storage: options.storage,
    now,
    get navigate() {
      return options.navigate;
    },
    emit(event) {
      try {
        options.onEvent?.(event);
      } catch {
        // Analytics must never break a connect.
      }
    },
    userKey: undefined,

    forUser(userKey) {
      let user = handles.get(userKey);
      if (!user) {
        // Active from the start: a provider asks for the next user's handle in the render that
        // switches to them, before `setUser` retires the previous one.
        user = createUser(userKey);
        handles.set(userKey, user);
      }
      return user;
    },

    setUser(userKey) {
      if (thryve.userKey === userKey) return;
      (thryve as { userKey: string | null | undefined }).userKey = userKey;
      for (const [key, user] of handles) {
        if (key !== userKey) {
          user.active = false;
          handles.delete(key);
        }
      }
      for (const entry of inFlight) {
        if (entry.userKey !== userKey) {
          entry.controller.abort();
          inFlight.delete(entry);
        }
      }
      const foreign = { predicate: (query: Query) => isOtherUsersKey(query.queryKey, userKey) };
      void queryClient.cancelQueries(foreign).catch(() => undefined);
      queryClient.removeQueries(foreign);
      for (const listener of userListeners) listener(userKey);
    },

    onUserChange(listener) {
      userListeners.add(listener);
      return () => void userListeners.delete(listener);
    },

    mount() {
      mounts += 1;
      if (mounts === 1) {
        unsubscribeCache = cache.subscribe((event) => {
          const { query } = event;
          if (!isSessionQueryKey(query.queryKey)) return;
          if (event.type === 'removed') unschedule(query.queryHash);
          else if (event.type === 'updated' && event.action.type === 'success') {
            schedule(query as unknown as Query<ConnectionSession>);
          }
        });
        for (const query of cache.getAll())
          if (isSessionQueryKey(query.queryKey)) schedule(query as unknown as Query<ConnectionSession>);
      }
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        mounts -= 1;
        if (mounts === 0) {
          unsubscribeCache();
          for (const timer of timers.values()) clearTimeout(timer);
          timers.clear();
        }
      };
    },
  };
  return thryve;
}
