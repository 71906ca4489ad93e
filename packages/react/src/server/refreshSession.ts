import {
  createProxyFetcher,
  type Locale,
  SESSION_EXPIRY_MARGIN_MS,
  sessionExpiry,
  toConnectionSession,
  toThryveConnectError,
} from '@thryve-connect/core';
import { errorMessage } from '../widgetMessages.js';
import type { IslandFrame, IslandTexts } from './WidgetIsland.js';

/** What {@link refreshSession} needs: the island's own props. */
export interface RefreshSessionOptions {
  sessionUrl: string;
  locale: Locale;
  allowedOrigins: string[];
  maxAgeMs: number;
  texts: IslandTexts;
}

/**
 * A fresh session from the session route (`POST { locale }`, same-origin credentials), validated as the
 * client widget validates one (core's `toConnectionSession`: the URL on an allowed origin) before it
 * may become an iframe `src`. Loaded by the island only when a Reload or Retry needs it.
 */
export async function refreshSession(
  options: RefreshSessionOptions,
): Promise<IslandFrame | { text: string }> {
  const { texts } = options;
  try {
    const fetcher = createProxyFetcher({ url: options.sessionUrl, connectionsUrl: false, revokeUrl: false });
    const session = toConnectionSession(await fetcher({ locale: options.locale }), {
      allowedOrigins: options.allowedOrigins,
      locale: options.locale,
    });
    const until = sessionExpiry(session, options.maxAgeMs) - SESSION_EXPIRY_MARGIN_MS;
    // A session that arrives unusable (a clock far ahead, a backend's past expiresAt) is not shown.
    return until > Date.now() ? { src: session.url, until } : { text: texts.errors.default };
  } catch (error) {
    const rateLimited = () => texts.errors.rateLimited;
    return { text: errorMessage({ errors: { ...texts.errors, rateLimited } }, toThryveConnectError(error)) };
  }
}
