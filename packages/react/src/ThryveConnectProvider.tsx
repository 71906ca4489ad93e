'use client';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import {
  DEFAULT_LOCALE,
  DEFAULT_THRYVE_HOSTS,
  type Locale,
  type ThryveFetcher,
  type ThryveHosts,
} from '@thryve-connect/core';
import { type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import {
  ThryveConnectContext,
  type ThryveConnectContextValue,
  type ThryveTranslations,
} from './ThryveConnectContext.js';

// Replaced by the bundler, so the development warning drops out of production builds.
declare const process: { env: { NODE_ENV?: string } };

/** Default trust for a session whose backend gave no `expiresAt`: Thryve does not publish the lifetime. */
export const DEFAULT_SESSION_MAX_AGE_MS = 10 * 60 * 1000;

/** Props of {@link ThryveConnectProvider}. */
export interface ThryveConnectProviderProps {
  /** Gets a widget session from your backend, e.g. `createProxyFetcher('/api/thryve/session')`. */
  fetcher: ThryveFetcher;
  /** Language of the widget and the built-in texts. Default `en`. */
  locale?: Locale;
  /** Thryve's hosts; override for QA or the sandbox. Default: production. */
  hosts?: Partial<ThryveHosts>;
  /** Origins a widget URL may come from. Default: `hosts.widget`. */
  allowedWidgetOrigins?: readonly string[];
  /** Your QueryClient. Default: the one from an enclosing QueryClientProvider, else a private one. */
  queryClient?: QueryClient;
  /** How long a session without `expiresAt` is used before a fresh one is fetched. Default 10 minutes. */
  sessionMaxAgeMs?: number;
  /**
   * Texts by locale, over the built-in English: `{ de }` from `@thryve-connect/react/messages/de`, or
   * your own translation for any of the 28 locales. Define it once (module scope), not inline.
   */
  messages?: ThryveTranslations;
  children?: ReactNode;
}

/** A non-English app that forgot its texts sees English labels around a translated widget: say so. */
function useMissingTextsWarning(locale: Locale, messages: ThryveTranslations | undefined) {
  useEffect(() => {
    if (locale !== 'en' && !messages?.[locale]) {
      console.warn(
        `[thryve-connect] No texts for locale "${locale}": our components show English around Thryve's ` +
          `"${locale}" widget. ${locale === 'de' ? "German ships: import { de } from '@thryve-connect/react/messages/de'" : 'Write a translation'} ` +
          `and pass it as <ThryveConnectProvider messages={{ ${locale} }}>.`,
      );
    }
  }, [locale, messages]);
}

/**
 * Gives the thryve-connect components and hooks their fetcher, locale and hosts. Uses your
 * QueryClient when there is one, so sessions are cached and deduplicated with the rest of your app.
 */
export function ThryveConnectProvider(props: ThryveConnectProviderProps) {
  const {
    fetcher,
    locale = DEFAULT_LOCALE,
    hosts,
    allowedWidgetOrigins,
    sessionMaxAgeMs,
    messages,
    children,
  } = props;
  const outerClient = useContext(QueryClientContext);
  // A private client only when the host has none; created once per provider, never at import.
  const [ownClient] = useState(() => ((props.queryClient ?? outerClient) ? null : new QueryClient()));
  const queryClient = props.queryClient ?? outerClient ?? (ownClient as QueryClient);

  const widgetHost = hosts?.widget ?? DEFAULT_THRYVE_HOSTS.widget;
  const apiHost = hosts?.api ?? DEFAULT_THRYVE_HOSTS.api;
  const directHost = hosts?.direct ?? DEFAULT_THRYVE_HOSTS.direct;
  const originsKey = (allowedWidgetOrigins ?? [widgetHost]).join(' ');
  const value = useMemo<ThryveConnectContextValue>(
    () => ({
      fetcher,
      locale,
      hosts: { api: apiHost, widget: widgetHost, direct: directHost },
      allowedWidgetOrigins: originsKey.split(' '),
      sessionMaxAgeMs: sessionMaxAgeMs ?? DEFAULT_SESSION_MAX_AGE_MS,
      queryClient,
      messages,
    }),
    [fetcher, locale, apiHost, widgetHost, directHost, originsKey, sessionMaxAgeMs, queryClient, messages],
  );

  // Development only; the condition is fixed at build time, so the hook order never changes.
  // biome-ignore lint/correctness/useHookAtTopLevel: see above.
  if (process.env.NODE_ENV !== 'production') useMissingTextsWarning(locale, messages);

  const content = <ThryveConnectContext.Provider value={value}>{children}</ThryveConnectContext.Provider>;
  return queryClient === outerClient ? (
    content
  ) : (
    <QueryClientProvider client={queryClient}>{content}</QueryClientProvider>
  );
}
