import type { ConnectedSource, SessionPayload } from './ConnectionSession.js';
import { fingerprintToken } from './fingerprintToken.js';
import type { Locale } from './locales.js';

/**
 * Whose data a server-handed value is: a fingerprint of the host's `userKey` (never the key itself,
 * since the value is written into the page's HTML) and, for a session, the widget's language.
 */
export interface SeedOwner {
  /** {@link userFingerprint} of the `userKey` it was fetched for. */
  user: string;
  /** The locale a session was fetched in; absent on connections, which have no language. */
  locale?: Locale | undefined;
}

/** A session a server fetched for one user and locale: `initialSession` of the provider. */
export interface SessionSeed extends SessionPayload {
  seededFor: SeedOwner & { locale: Locale };
  /**
   * Epoch milliseconds when the server received it. The server widget refuses to render a seed that
   * is older than a request takes (one replayed from a cache).
   */
  fetchedAt?: number | undefined;
}

/** A user's connected sources as a server read them: `initialConnections` of the provider. */
export interface ConnectionsSeed {
  connectedSources: readonly ConnectedSource[];
  seededFor: SeedOwner;
}

/**
 * The one fingerprint of a signed-in user wherever thryve-connect writes "whose" outside memory: in
 * a seed in the HTML, and in the pending action in `sessionStorage`. Non-reversible, so a user's id or
 * email never lands in either.
 */
export function userFingerprint(userKey: string): string {
  return fingerprintToken(userKey);
}

/**
 * Tags a session your server fetched (the session route's JSON, `{ url, expiresAt? }`) with the user
 * and locale it was fetched for. The provider shows it only to that user in that locale: a page
 * replayed from a router cache or back/forward after another user signed in never shows it.
 * The server package's `prefetch` does this for you.
 */
export function seedSession(
  payload: SessionPayload,
  owner: { userKey: string; locale: Locale },
): SessionSeed {
  const seed: SessionSeed = {
    url: payload.url,
    seededFor: { user: userFingerprint(owner.userKey), locale: owner.locale },
    fetchedAt: Date.now(),
  };
  if (payload.expiresAt !== undefined) seed.expiresAt = payload.expiresAt;
  return seed;
}

/** Tags a user's connected sources (`{ connectedSources }`) with the user they were read for. */
export function seedConnections(
  payload: { connectedSources: readonly ConnectedSource[] },
  owner: { userKey: string },
): ConnectionsSeed {
  return {
    connectedSources: payload.connectedSources,
    seededFor: { user: userFingerprint(owner.userKey) },
  };
}

/**
 * True when `seed` was fetched for this user (and, for a session, this locale). An untagged or foreign
 * seed is never applied.
 */
export function isSeedFor(seed: unknown, userKey: string, locale?: Locale): boolean {
  const owner = (seed as { seededFor?: Partial<SeedOwner> } | null | undefined)?.seededFor;
  return (
    owner !== null &&
    typeof owner === 'object' &&
    owner.user === userFingerprint(userKey) &&
    (locale === undefined || owner.locale === locale)
  );
}
