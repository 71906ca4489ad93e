import type { Locale } from './locales.js';

/** The root of every query key of thryve-connect. */
export const THRYVE_QUERY_KEY = 'thryve-connect' as const;

/**
 * Every key names whose data it is: the host's `userKey` comes second, so one user's session or
 * statuses can never be read under another's key, and a sign-out removes everything of one user.
 */
export function userQueryKey(userKey: string) {
  return [THRYVE_QUERY_KEY, userKey] as const;
}

/** The query key of a user's widget session in a locale. */
export function sessionQueryKey(userKey: string, locale: Locale) {
  return [THRYVE_QUERY_KEY, userKey, 'session', locale] as const;
}

/** The query key of a user's connected sources. */
export function connectionsQueryKey(userKey: string) {
  return [THRYVE_QUERY_KEY, userKey, 'connections'] as const;
}
