import { skipToken } from '@tanstack/react-query';
import {
  type ConnectionsQueryOptions,
  connectionsOptions,
  type SessionQueryOptions,
  SIGNED_OUT_QUERY_KEY,
  type ThryveUser,
} from '@thryve-connect/core';

// Hooks call useQuery unconditionally; while nobody is signed in they observe this key, which is
// never fetched and never any user's.
const SIGNED_OUT = { queryKey: SIGNED_OUT_QUERY_KEY, queryFn: skipToken, enabled: false } as const;

/** The user's session options, or options that fetch nothing while nobody is signed in. */
export function sessionOptionsOf(
  user: ThryveUser | null,
  locale: Parameters<ThryveUser['sessionOptions']>[0],
) {
  return user ? user.sessionOptions(locale) : (SIGNED_OUT as unknown as SessionQueryOptions);
}

/** The user's connections options, or options that fetch nothing while nobody is signed in. */
export function connectionsOptionsOf(user: ThryveUser | null) {
  return user ? connectionsOptions(user) : (SIGNED_OUT as unknown as ConnectionsQueryOptions);
}
