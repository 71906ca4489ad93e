'use client';
import type { Locale } from '@thryve-connect/core';
import { useCallback } from 'react';
import { prefetchConnectionSession } from './prefetchConnectionSession.js';
import { useThryveConnect } from './ThryveConnectContext.js';

/**
 * A function that warms the session with the provider's settings: bind it to the hover or focus of
 * the button that opens the widget, e.g. `onPointerEnter={prefetch}`.
 */
export function usePrefetchConnectionSession(locale?: Locale): () => Promise<void> {
  const config = useThryveConnect('usePrefetchConnectionSession');
  return useCallback(
    () =>
      prefetchConnectionSession(config.queryClient, {
        fetcher: config.fetcher,
        locale: locale ?? config.locale,
        allowedWidgetOrigins: config.allowedWidgetOrigins,
        sessionMaxAgeMs: config.sessionMaxAgeMs,
      }),
    [config, locale],
  );
}
