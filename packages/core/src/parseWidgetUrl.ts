import { IS_DEVELOPMENT } from '#is-development';
import { DEFAULT_THRYVE_HOSTS } from './hosts.js';
import { isToken, parseAbsoluteUrl, redact } from './internal/url.js';
import { type Locale, toLocale } from './locales.js';
import { ThryveConnectError } from './ThryveConnectError.js';

/** Options of {@link parseWidgetUrl}. */
export interface ParseWidgetUrlOptions {
  /**
   * Origins the widget may be served from. Default: Thryve's widget host only.
   * Add `https://connect.qa.thryve.de` for QA or the sandbox's origin for local development.
   */
  allowedOrigins?: readonly string[];
}

/** What a validated widget URL holds. */
export interface ParsedWidgetUrl {
  /** The normalised URL, safe to use as an iframe `src`. */
  url: string;
  origin: string;
  /** The `connectionSessionToken` (also the token of the direct connect/revoke URLs). */
  token: string;
  /** The widget's language (`lang`), when it is one of Thryve's locales. */
  locale: Locale | undefined;
}

/** Normalises allow-list entries to bare origins; throws `invalid_url` on an entry that is not a URL. */
export function normalizeOrigins(origins: readonly string[]): Set<string> {
  const result = new Set<string>();
  for (const entry of origins) {
    result.add(parseAbsoluteUrl(entry, 'allowed widget origin').origin);
  }
  return result;
}

/**
 * Validates a Connection Widget URL before it may become an iframe `src`, and reads its session token.
 * Refuses (with a {@link ThryveConnectError}) non-https URLs (http only on loopback), `javascript:`,
 * `data:` and relative URLs, origins outside `allowedOrigins`, a missing or malformed token.
 *
 * @example parseWidgetUrl('https://connect.thryve.de/?connectionSessionToken=1060285265X4247109939067552841&platform=web&lang=en')
 *   // → { token: '1060285265X4247109939067552841', locale: 'en', … }
 */
export function parseWidgetUrl(url: unknown, options: ParseWidgetUrlOptions = {}): ParsedWidgetUrl {
  const parsed = parseAbsoluteUrl(url, 'widget URL');
  const allowed = normalizeOrigins(options.allowedOrigins ?? [DEFAULT_THRYVE_HOSTS.widget]);
  if (!allowed.has(parsed.origin)) {
    throw new ThryveConnectError(
      'disallowed_origin',
      IS_DEVELOPMENT
        ? `The widget URL's origin ${parsed.origin} is not on the allow-list it was checked against: ` +
            `${[...allowed].join(', ')}` +
            (options.allowedOrigins === undefined ||
            (allowed.size === 1 && allowed.has(DEFAULT_THRYVE_HOSTS.widget))
              ? " (Thryve's production widget host, the default when no hosts are given). "
              : '. ') +
            "Your backend's Thryve client uses other hosts (QA, the sandbox?): give the browser the same ones, " +
            '<ThryveConnectProvider hosts={{ api, widget, direct }}> (or createThryveConnect({ hosts })), ' +
            'or add the origin to allowedWidgetOrigins if it is a Thryve host you trust.'
        : '',
    );
  }
  const token = parsed.searchParams.get('connectionSessionToken');
  if (token === null || token.trim() === '') {
    throw new ThryveConnectError(
      'missing_token',
      IS_DEVELOPMENT
        ? `The widget URL ${redact(parsed)} has no connectionSessionToken. Pass the URL exactly as Thryve returned it.`
        : '',
    );
  }
  if (!isToken(token)) {
    throw new ThryveConnectError(
      'invalid_token',
      IS_DEVELOPMENT
        ? 'The widget URL\'s connectionSessionToken is not a Thryve token (4–256 letters, digits, "-", "_", ".", "~").'
        : '',
    );
  }
  return {
    url: parsed.href,
    origin: parsed.origin,
    token,
    locale: toLocale(parsed.searchParams.get('lang')),
  };
}
