'use client';
import type { Locale } from '@thryve-connect/core';
import { useCallback } from 'react';
import { useThryveConnect } from './ThryveConnectContext.js';

/**
 * A function that warms the signed-in user's session with the provider's settings: bind it to the
 * hover or focus of the button that opens the widget, e.g. `onPointerEnter={prefetch}`. Does nothing
 * while nobody is signed in. Outside React: `thryve.forUser(userKey).prefetchSession(locale)`.
 */
export function usePrefetchConnectionSession(locale?: Locale): () => Promise<void> {
  const { user, locale: providerLocale } = useThryveConnect('usePrefetchConnectionSession');
  return useCallback(async () => {
    await user?.prefetchSession(locale ?? providerLocale);
  }, [user, locale, providerLocale]);
}
