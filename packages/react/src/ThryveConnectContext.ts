'use client';
import type { ConnectionsSeed, Locale, ThryveConnect, ThryveUser } from '@thryve-connect/core';
import { createContext, useContext } from 'react';
import { IS_DEVELOPMENT } from '#is-development';
import type { ThryveMessages } from './pickerMessages.js';
import type { MessageOverrides } from './widgetMessages.js';

/** Texts by locale: `{ de }` from `@thryve-connect/react/messages/de`, or your own translation. */
export type ThryveTranslations = Partial<Record<Locale, MessageOverrides<ThryveMessages>>>;

/** What {@link ThryveConnectProvider} gives every hook and component below it. */
export interface ThryveConnectContextValue {
  /** The controller that owns sessions, statuses and the connect/revoke flow. */
  client: ThryveConnect;
  /**
   * The signed-in user's handle (`client.forUser(userKey)`): whose data may be shown, and the way to
   * it. `null` while nobody is signed in or sign-in is still loading.
   */
  user: ThryveUser | null;
  locale: Locale;
  /** Texts by locale, over the built-in English. */
  messages: ThryveTranslations | undefined;
  /** `system` (default) follows the user's `prefers-color-scheme`; `light` or `dark` fixes it. */
  theme: 'light' | 'dark' | 'system';
  /** The host's writing direction for our components; `undefined`: from each component's locale. */
  dir: 'ltr' | 'rtl' | undefined;
  /**
   * The provider's `initialConnections`: taken into the cache by the parts that show statuses, so a
   * page with just the widget never bundles the code that reads them.
   */
  initialConnections: ConnectionsSeed | undefined;
}

export const ThryveConnectContext = createContext<ThryveConnectContextValue | null>(null);

/**
 * The provider's controller, user, locale and texts, for your own components. Throws an error that
 * names the fix when used outside `<ThryveConnectProvider>`.
 */
export function useThryveConnect(hookName = 'useThryveConnect'): ThryveConnectContextValue {
  const value = useContext(ThryveConnectContext);
  if (!value) {
    throw new Error(
      IS_DEVELOPMENT
        ? `\`${hookName}\` must be used within <ThryveConnectProvider>. Wrap your app (or the page) in it.`
        : `${hookName}: no <ThryveConnectProvider>`,
    );
  }
  return value;
}
