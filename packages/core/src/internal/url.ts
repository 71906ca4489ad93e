import { IS_DEVELOPMENT } from '#is-development';
import { ThryveConnectError, type ThryveConnectErrorCode } from '../ThryveConnectError.js';

/** Longest URL we accept anywhere: far above Thryve's (~110 chars), far below what could hurt. */
export const MAX_URL_LENGTH = 4096;

/** Session tokens: Thryve's look like `1060285265X4247109939067552841`. */
const TOKEN_PATTERN = /^[A-Za-z0-9._~-]{4,256}$/;

export function isToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/**
 * A short, log-safe rendering of untrusted input for error messages (never the whole value). Empty in
 * production: esbuild keeps a function that a folded-away `IS_DEVELOPMENT ? … : ''` still names, so its
 * body is one expression that folds away too (esbuild folds a condition, not the statements after it).
 */
export function describe(value: unknown): string {
  return !IS_DEVELOPMENT
    ? ''
    : typeof value !== 'string'
      ? value === null
        ? 'null'
        : typeof value
      : JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/** Redacts query values so that tokens never end up in an error message. Empty in production, as `describe`. */
function redact(url: URL): string {
  return IS_DEVELOPMENT ? `${url.origin}${url.pathname}${url.search ? '?…' : ''}` : '';
}

/**
 * Parses an absolute http(s) URL or throws a {@link ThryveConnectError}: `invalidCode` for anything that
 * is not one. `secure` requires https, except for loopback hosts (the local sandbox). `what` names the
 * URL in messages ("widget URL", "redirect URI"); `hint` says what to pass instead (development only).
 */
export function parseAbsoluteUrl(
  value: unknown,
  what: string,
  secure = true,
  invalidCode: ThryveConnectErrorCode = 'invalid_url',
  hint?: string,
): URL {
  if (typeof value !== 'string' || value.trim() !== value || !value || value.length > MAX_URL_LENGTH) {
    throw new ThryveConnectError(
      invalidCode,
      IS_DEVELOPMENT
        ? typeof value !== 'string' || value.trim() === ''
          ? `The ${what} must be a non-empty string, got ${describe(value)}.`
          : value !== value.trim()
            ? `The ${what} ${describe(value)} has leading or trailing white space.`
            : `The ${what} is ${value.length} characters long; at most ${MAX_URL_LENGTH} are accepted.`
        : '',
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new ThryveConnectError(
      invalidCode,
      IS_DEVELOPMENT
        ? `The ${what} ${describe(value)} is not an absolute URL. ${hint || 'Pass a full URL such as https://example.com/path.'}`
        : '',
      { cause },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ThryveConnectError(
      secure ? 'insecure_url' : invalidCode,
      IS_DEVELOPMENT
        ? `The ${what} uses ${describe(url.protocol)}; only https: (and http: on localhost) is accepted.`
        : '',
    );
  }
  if (url.username || url.password) {
    throw new ThryveConnectError(
      invalidCode,
      IS_DEVELOPMENT ? `The ${what} must not contain credentials.` : '',
    );
  }
  if (secure && url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ThryveConnectError(
      'insecure_url',
      IS_DEVELOPMENT
        ? `The ${what} ${redact(url)} is plain http:. Use https: (http: is allowed only for localhost, e.g. the sandbox).`
        : '',
    );
  }
  return url;
}

/** Normalises a host setting (origin plus optional base path) to a prefix without a trailing slash. */
export function hostPrefix(host: string, what: string): string {
  const url = parseAbsoluteUrl(host, what);
  if (url.search || url.hash) {
    throw new ThryveConnectError(
      'invalid_url',
      IS_DEVELOPMENT ? `The ${what} must not contain a query or fragment.` : '',
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * A redirect URI as the flows send it to Thryve: an absolute URL as given, or a path (`/devices`)
 * resolved against this page's origin. Called at click time, in the browser, so that a page can pass a
 * path during a server render, where there is no `location`.
 */
export function resolveRedirectUri(redirectUri: string | undefined): string | undefined {
  if (redirectUri === undefined || !redirectUri.startsWith('/')) return redirectUri;
  if (redirectUri.startsWith('//')) {
    throw new ThryveConnectError(
      'invalid_redirect_uri',
      IS_DEVELOPMENT
        ? `The redirectUri ${describe(redirectUri)} starts with "//", which names another host. ` +
            'Pass a path on this origin ("/devices") or a full URL (https://example.com/devices).'
        : '',
    );
  }
  return `${window.location.origin}${redirectUri}`;
}

export { redact };
