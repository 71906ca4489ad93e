import type { QueryKey } from '@tanstack/query-core';
import type { Locale } from './locales.js';

/** The root of every query key of thryve-connect. */
export const THRYVE_QUERY_KEY = 'thryve-connect' as const;

/**
 * The key helpers of a user's handle (`thryve.forUser`): the one place that knows how "whose" is
 * written into a key. Every key names whose data it is — the host's `userKey` comes second — so one
 * user's session or statuses can never be read under another's key, and a sign-out removes all of one
 * user's entries at once.
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

/**
 * The key that hooks observe while nobody is signed in: never fetched (the options that use it are
 * disabled), and no user's key, since a `userKey` is a non-empty string.
 */
export const SIGNED_OUT_QUERY_KEY = [THRYVE_QUERY_KEY, null] as const;

/** True for an entry of thryve-connect that does not belong to `userKey` (`null`: any user's). */
export function isOtherUsersKey(queryKey: QueryKey, userKey: string | null): boolean {
  return queryKey[0] === THRYVE_QUERY_KEY && (userKey === null || queryKey[1] !== userKey);
}

/** True for the key of a widget session (of any user). */
export function isSessionQueryKey(queryKey: QueryKey): boolean {
  return queryKey[0] === THRYVE_QUERY_KEY && queryKey[2] === 'session';
}
