'use client';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import {
  type ConnectionsSeed,
  createThryveConnect,
  DEFAULT_LOCALE,
  type Locale,
  matchLocale,
  type SessionSeed,
  type ThryveConnect,
  ThryveConnectError,
  type ThryveEventListener,
  type ThryveFetcher,
  type ThryveHosts,
  type ThryveNavigate,
} from '@thryve-connect/core';
import {
  type ReactNode,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { explainDroppedSeeds, IS_DEVELOPMENT, useProviderWarnings } from '#is-development';
import { useLatestRef } from './internal/useLatestRef.js';
import { ThryveConnectContext, type ThryveTranslations } from './ThryveConnectContext.js';

interface ProviderBaseProps {
  /**
   * Your app's id for the signed-in user (any non-empty string); `null` when nobody is signed in;
   * `undefined` while you do not know yet (sign-in is still loading). Every cached session, status
   * list, pending action and result belongs to it: when it changes, the previous user's are removed.
   * `null` and `undefined` both fetch and show nothing, but only `null` drops what is waiting for a
   * user: coming back from Thryve while sign-in loads, pass `undefined`, or the result is lost.
   */
  userKey: string | null | undefined;
  /**
   * Language of the widget and the built-in texts. Default `en`. `'auto'`: the first of the browser's
   * languages that Thryve offers (`fr-CA` → `fr`, `pt-BR` → `pt`, else `en`); a server-handed session's
   * locale wins, so the first render matches the server's HTML (use `prefetch` with `locale: 'auto'`).
   */
  locale?: Locale | 'auto' | undefined;
  /**
   * Texts by locale, over the built-in English: `{ de }` from `@thryve-connect/react/messages/de`, or
   * your own translation for any of the 28 locales. Define it once (module scope), not inline.
   */
  messages?: ThryveTranslations | undefined;
  /** Colour theme of our components: `system` (default) follows `prefers-color-scheme`. */
  theme?: 'light' | 'dark' | 'system' | undefined;
  /** Writing direction of our components. Default: from the locale (`rtl` for Arabic). */
  dir?: 'ltr' | 'rtl' | undefined;
  /**
   * A session your server fetched for this `userKey` and `locale`, tagged with them (the server
   * package's `prefetch(endUser, { userKey, locale })`, or core's `seedSession`): the widget renders
   * its frame in the server's HTML, and no request is made until it ages. Applied only while the
   * provider's `userKey` and `locale` are the ones it was fetched for: a page replayed after another
   * user signed in, or in another language, fetches its own.
   */
  initialSession?: SessionSeed | undefined;
  /**
   * The user's connections as your server read them, tagged likewise (`seedConnections`): statuses in
   * the first HTML. Taken by the parts that show statuses (the picker, `useDataSources`,
   * `useDataSourceConnection`), so a page with just the widget ships none of that code.
   */
  initialConnections?: ConnectionsSeed | undefined;
  children?: ReactNode;
}

/** Settings for the controller the provider creates (when you do not pass your own `client`). */
interface ProviderConfigProps {
  /** Gets a widget session from your backend, e.g. `createProxyFetcher('/api/thryve/session')`. Define it once. */
  fetcher: ThryveFetcher;
  client?: undefined;
  /** Thryve's hosts; override for QA or the sandbox. Default: production. */
  hosts?: Partial<ThryveHosts> | undefined;
  /** Origins a widget URL may come from. Default: `hosts.widget`. */
  allowedWidgetOrigins?: readonly string[] | undefined;
  /** Your QueryClient. Default: the one from an enclosing QueryClientProvider, else a private one. */
  queryClient?: QueryClient | undefined;
  /** How long a session without `expiresAt` is used before a fresh one is fetched. Default 10 minutes. */
  sessionMaxAgeMs?: number | undefined;
  /**
   * Opens Thryve's connect and revoke pages your way (Capacitor's in-app browser, Electron's shell, a
   * WebView): called with `{ url, target, action }` straight from the click. Return `'blocked'` when a
   * tab could not be opened. Default: this window, or a new tab. An inline function is fine.
   */
  navigate?: ThryveNavigate | undefined;
  /**
   * Hears what happens, for analytics: a typed list of events (`SESSION_READY`, `WIDGET_LOADED`,
   * `CONNECT_STARTED`, `CONNECT_RESULT`, `REVOKE_STARTED`, `REVOKE_RESULT`, `RESULT_UNMATCHED`,
   * `EXPIRED`, `RELOADED`, `ERROR`) carrying metadata only: never a token, URL, user id or text.
   */
  onEvent?: ThryveEventListener | undefined;
}

/** A controller you created with `createThryveConnect` (e.g. to start a connect from outside React). */
interface ProviderClientProps {
  client: ThryveConnect;
  fetcher?: undefined;
  hosts?: undefined;
  allowedWidgetOrigins?: undefined;
  queryClient?: undefined;
  sessionMaxAgeMs?: undefined;
  navigate?: undefined;
  onEvent?: undefined;
}

/** Props of {@link ThryveConnectProvider}: a `fetcher` (and settings), or a ready `client`. */
export type ThryveConnectProviderProps = ProviderBaseProps & (ProviderConfigProps | ProviderClientProps);

const subscribeToLanguages = (onChange: () => void) => {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
};

/**
 * The provider's locale. For `'auto'`: a server-handed session's locale when there is one (what the
 * server rendered), else the browser's languages — read after hydration (the server snapshot is the
 * default), so the first render always matches the server's HTML.
 */
function useLocale(given: Locale | 'auto' | undefined, seeded: Locale | undefined): Locale {
  const browser = useSyncExternalStore(
    given === 'auto' && !seeded ? subscribeToLanguages : subscribeToNothing,
    () => (given === 'auto' ? matchLocale(navigator.languages) : DEFAULT_LOCALE),
    () => DEFAULT_LOCALE,
  );
  if (given !== 'auto') return given ?? DEFAULT_LOCALE;
  return seeded ?? browser;
}
const subscribeToNothing = () => () => {};

// A layout effect in the browser (before paint); nothing on a server, where neither kind runs.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Gives the thryve-connect components and hooks their controller, signed-in user, locale and texts.
 * Uses your QueryClient when there is one, so sessions are cached and deduplicated with the rest of
 * your app, each under the key of the user it belongs to.
 */
export function ThryveConnectProvider(props: ThryveConnectProviderProps) {
  const { userKey, messages, children, fetcher, hosts, dir, theme = 'system' } = props;
  const locale = useLocale(props.locale, props.initialSession?.seededFor?.locale);
  if (userKey != null && (typeof userKey !== 'string' || userKey === '')) {
    throw new ThryveConnectError(
      'invalid_input',
      IS_DEVELOPMENT
        ? '<ThryveConnectProvider> needs `userKey`: your id for the signed-in user (a non-empty string), null while nobody is signed in, or undefined while sign-in is loading.'
        : '',
    );
  }
  const outerClient = useContext(QueryClientContext);
  const given = props.client?.queryClient ?? props.queryClient ?? outerClient;
  // A private QueryClient only when the host has none; created once per provider, never at import.
  const [ownClient] = useState(() => (given ? null : new QueryClient()));
  const queryClient = given ?? (ownClient as QueryClient);

  // Keyed by the settings' values: a host's inline `hosts={{ … }}` is not a new controller.
  const originsKey = props.allowedWidgetOrigins?.join(' ');
  const { client: ownController, sessionMaxAgeMs } = props;
  const navigateRef = useLatestRef(props.navigate);
  const onEventRef = useLatestRef(props.onEvent);
  const api = hosts?.api;
  const widget = hosts?.widget;
  const direct = hosts?.direct;
  const client = useMemo(
    () =>
      ownController ??
      createThryveConnect({
        fetcher: fetcher as ThryveFetcher,
        queryClient,
        hosts: { api, widget, direct },
        allowedWidgetOrigins: originsKey?.split(' '),
        sessionMaxAgeMs,
        // Read at the click, so a new function each render neither rebuilds the controller nor goes stale.
        get navigate() {
          return navigateRef.current;
        },
        onEvent: (event) => onEventRef.current?.(event),
      }),
    [
      ownController,
      fetcher,
      queryClient,
      api,
      widget,
      direct,
      originsKey,
      sessionMaxAgeMs,
      navigateRef,
      onEventRef,
    ],
  );

  // The signed-in user's handle, swapped in the same render as the key: no component below ever holds
  // the previous user's handle. `setUser` then drops everyone else's data, before the browser paints.
  const user = useMemo(
    () => (typeof userKey === 'string' ? client.forUser(userKey) : null),
    [client, userKey],
  );
  useIsomorphicLayoutEffect(() => {
    if (userKey !== undefined) client.setUser(userKey);
  }, [client, userKey]);
  useEffect(() => client.mount(), [client]);

  // The session the server rendered with goes into the cache before any child reads it (as React
  // Query's HydrationBoundary does for new queries: during render, once per value), and only if it was
  // fetched for this user and locale. `initialConnections` goes on to the parts that show statuses,
  // which take it the same way (`useConnectionsOptions`): a page with just the widget ships none of it.
  const { initialSession, initialConnections } = props;
  useMemo(() => {
    if (!user || !initialSession) return;
    const cached =
      IS_DEVELOPMENT &&
      user.thryve.queryClient.getQueryData(user.sessionOptions(locale).queryKey) !== undefined;
    const taken = user.seed({ initialSession }, locale).session;
    // Development only: why a seed is not shown (untagged, another user or locale, unusable here).
    if (IS_DEVELOPMENT && !taken && !cached)
      explainDroppedSeeds(user, 'initialSession', initialSession, locale);
  }, [user, locale, initialSession]);

  const value = useMemo(
    () => ({ client, user, locale, messages, theme, dir, initialConnections }),
    [client, user, locale, messages, theme, dir, initialConnections],
  );

  // Development-only warnings: an empty function in production builds (`#is-development`).
  useProviderWarnings(locale, messages, fetcher);

  const content = <ThryveConnectContext.Provider value={value}>{children}</ThryveConnectContext.Provider>;
  return queryClient === outerClient ? (
    content
  ) : (
    <QueryClientProvider client={queryClient}>{content}</QueryClientProvider>
  );
}
