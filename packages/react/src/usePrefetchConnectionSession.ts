'use client';
import type { Locale } from '@thryve-connect/core';
import { useCallback } from 'react';
import { prefetchConnectionSession } from './prefetchConnectionSession.js';
import { useThryveConnect } from './ThryveConnectContext.js';

/**
 * A function that warms the signed-in user's session with the provider's settings: bind it to the
 * hover or focus of the button that opens the widget, e.g. `onPointerEnter={prefetch}`. Does nothing
 * while nobody is signed in.
 */
export function usePrefetchConnectionSession(locale?: Locale): () => Promise<void> {
  const { client, userKey, locale: providerLocale } = useThryveConnect('usePrefetchConnectionSession');
  return useCallback(async () => {
    if (userKey !== null) await prefetchConnectionSession(client, userKey, locale ?? providerLocale);
  }, [client, userKey, locale, providerLocale]);
}
