'use client';
import type { QueryClient } from '@tanstack/react-query';
import type { Locale, ThryveFetcher, ThryveHosts } from '@thryve-connect/core';
import { createContext, useContext } from 'react';
import type { ThryveMessages } from './pickerMessages.js';
import type { MessageOverrides } from './widgetMessages.js';

// Replaced by the bundler, so the long message below drops out of production builds.
declare const process: { env: { NODE_ENV?: string } };

/** Texts by locale: `{ de }` from `@thryve-connect/react/messages/de`, or your own translation. */
export type ThryveTranslations = Partial<Record<Locale, MessageOverrides<ThryveMessages>>>;

/** What {@link ThryveConnectProvider} gives every hook and component below it. */
export interface ThryveConnectContextValue {
  fetcher: ThryveFetcher;
  locale: Locale;
  /** Thryve's hosts, defaults filled in. */
  hosts: ThryveHosts;
  /** Origins a widget URL may come from. */
  allowedWidgetOrigins: readonly string[];
  /** How long a session without `expiresAt` is trusted, in ms. */
  sessionMaxAgeMs: number;
  queryClient: QueryClient;
  /** Texts by locale, over the built-in English. */
  messages: ThryveTranslations | undefined;
}

/** The context behind {@link useThryveConnect}; `null` outside a provider. */
export const ThryveConnectContext = createContext<ThryveConnectContextValue | null>(null);

/**
 * The provider's settings. Throws an error that names the fix when used outside
 * `<ThryveConnectProvider>`.
 */
export function useThryveConnect(hookName = 'useThryveConnect'): ThryveConnectContextValue {
  const value = useContext(ThryveConnectContext);
  if (!value) {
    throw new Error(
      process.env.NODE_ENV !== 'production'
        ? `\`${hookName}\` must be used within <ThryveConnectProvider>. Wrap your app (or the page) in it.`
        : `${hookName}: no <ThryveConnectProvider>`,
    );
  }
  return value;
}
