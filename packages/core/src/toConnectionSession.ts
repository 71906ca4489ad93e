import { IS_DEVELOPMENT } from '#is-development';
import type { ConnectionSession, ConnectionWidgetResponse, SessionPayload } from './ConnectionSession.js';
import { describe } from './internal/url.js';
import { DEFAULT_LOCALE, type Locale } from './locales.js';
import { parseWidgetUrl } from './parseWidgetUrl.js';
import { SESSION_EXPIRY_MARGIN_MS, sessionExpiry, sessionRefreshAt } from './sessionPolicy.js';
import { ThryveConnectError } from './ThryveConnectError.js';

/** Options of {@link toConnectionSession}. */
export interface ToConnectionSessionOptions {
  /** Origins the widget may come from (see `parseWidgetUrl`). */
  allowedOrigins?: readonly string[] | undefined;
  /** The locale that was asked for; the URL's own `lang` wins when present. */
  locale?: Locale | undefined;
  /** When the session is received, in epoch ms. Default: now. */
  now?: number | undefined;
  /**
   * With a max age (the controller's `sessionMaxAgeMs`), a session must also be usable on arrival, as
   * the controller requires of fetched and server-handed sessions alike: at least three expiry margins
   * to live, else `session_expired`. Without one, only the shape, URL and expiry are checked.
   */
  maxAgeMs?: number | undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/** Accepts Thryve's raw response or a proxy's `{ url, expiresAt? }`; anything else is `invalid_response`. */
export function normalizeSessionPayload(raw: unknown): SessionPayload {
  if (isObject(raw) && typeof raw.url === 'string') {
    const { expiresAt } = raw;
    if (
      expiresAt !== undefined &&
      expiresAt !== null &&
      typeof expiresAt !== 'number' &&
      typeof expiresAt !== 'string'
    ) {
      throw new ThryveConnectError(
        'invalid_response',
        IS_DEVELOPMENT ? 'The session\'s "expiresAt" must be epoch milliseconds or an ISO date.' : '',
      );
    }
    return expiresAt === undefined || expiresAt === null ? { url: raw.url } : { url: raw.url, expiresAt };
  }
  if (
    isObject(raw) &&
    raw.type === 'enduser.widget.connection' &&
    isObject(raw.data) &&
    typeof raw.data.url === 'string'
  ) {
    return { url: (raw as unknown as ConnectionWidgetResponse).data.url };
  }
  throw new ThryveConnectError(
    'invalid_response',
    IS_DEVELOPMENT
      ? `The session response has no widget URL (got ${describe(typeof raw === 'object' ? JSON.stringify(raw) : raw)}). ` +
          'Answer { "url": "…" } or Thryve\'s { "type": "enduser.widget.connection", "data": { "url": "…" } }.'
      : '',
  );
}

// The largest time a Date holds (±100,000,000 days from 1970): beyond it there is no date to expire at.
const MAX_DATE_MS = 8.64e15;

function toEpoch(value: number | string): number {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!(Math.abs(ms) <= MAX_DATE_MS)) {
    throw new ThryveConnectError(
      'invalid_response',
      IS_DEVELOPMENT ? `The session's expiresAt ${describe(String(value))} is not a date.` : '',
    );
  }
  return ms;
}

/**
 * Turns what a fetcher returned, or a server-handed seed, into a {@link ConnectionSession}: normalises
 * the shape, validates the URL against the allowed origins, reads its token and expiry, and, given
 * `maxAgeMs`, checks that it is usable on arrival. The one validation of a session: the controller uses
 * it for fetched and seeded sessions, and a server can call it to check a seed before it sends it.
 * Throws {@link ThryveConnectError} otherwise.
 */
export function toConnectionSession(
  raw: unknown,
  options: ToConnectionSessionOptions = {},
): ConnectionSession {
  const payload = normalizeSessionPayload(raw);
  const parsed = parseWidgetUrl(payload.url, { allowedOrigins: options.allowedOrigins });
  const { maxAgeMs } = options;
  const now = options.now ?? Date.now();
  const session: ConnectionSession = {
    url: parsed.url,
    token: parsed.token,
    locale: parsed.locale ?? options.locale ?? DEFAULT_LOCALE,
    fetchedAt: now,
  };
  if (payload.expiresAt !== undefined) session.expiresAt = toEpoch(payload.expiresAt);
  // Unusable on arrival (already expired, a clock that runs ahead, a max age under the margins).
  if (maxAgeMs !== undefined && sessionRefreshAt(session, maxAgeMs) - now < SESSION_EXPIRY_MARGIN_MS) {
    throw new ThryveConnectError(
      'session_expired',
      IS_DEVELOPMENT
        ? `The backend sent a session that expires at ${new Date(sessionExpiry(session, maxAgeMs)).toISOString()}: ` +
            `it must arrive with at least ${(3 * SESSION_EXPIRY_MARGIN_MS) / 1000} s to live. ` +
            "Check the backend's clock, its expiresAt (epoch milliseconds, not seconds) and sessionMaxAgeMs."
        : '',
    );
  }
  return session;
}
