import type { QueryKey } from '@tanstack/query-core';
import type { ConnectionSession } from './ConnectionSession.js';
import type { SessionQueryOptions, ThryveConnect } from './createThryveConnect.js';
import type { Locale } from './locales.js';
import type { SessionSeed } from './seeds.js';
import type { ConnectionSessionSnapshot } from './sessionState.js';

/**
 * One signed-in user's side of the controller, from `thryve.forUser(userKey)`: the only place that
 * says whose data something is. Its query keys, flows, pending actions, seeds and results all belong
 * to this user; the flow functions (`connectDataSource`, `revokeDataSource`, `readConnectionResult`,
 * `getDataSourceFlow`) take it as their first argument, so none of them is ever handed a bare key.
 *
 * Once another user signs in (`thryve.setUser`), a handle is retired: `active` turns false, its flows
 * read idle, and late answers of its requests set nothing.
 */
export interface ThryveUser {
  /** The controller this user belongs to. */
  readonly thryve: ThryveConnect;
  /** The host's id for this user, as given to `forUser`. */
  readonly userKey: string;
  /** False once another user (or nobody) signed in: a retired handle changes nothing. */
  readonly active: boolean;
  /** The prefix of every cache entry of this user, for `invalidateQueries` or devtools. */
  readonly queryKey: QueryKey;
  /** Query options of this user's session in `locale` (the same key and rules everywhere). */
  sessionOptions(locale: Locale): SessionQueryOptions;
  /** The session's state now, as a component would show it. */
  getSession(locale: Locale): ConnectionSessionSnapshot;
  /** Fetches a new session unless one is already on its way (Retry, Reload). Never rejects. */
  refreshSession(locale: Locale): Promise<void>;
  /** A usable session: the cached one, else a new one. Rejects with a `ThryveConnectError`. */
  ensureSession(locale: Locale): Promise<ConnectionSession>;
  /** Warms the session (e.g. on hover of "Connect devices"). Never rejects. */
  prefetchSession(locale: Locale): Promise<void>;
  /**
   * Takes a session a server render fetched into the cache — only if it was fetched for this user in
   * `locale` (see `seedSession`) — validated as a fetched one would be, unless the cache already has
   * one. Returns whether it took it; a foreign, untagged or unusable seed is dropped, and the components
   * fetch their own. Connections have their own, `applyConnectionsSeed`.
   */
  seed(seeds: { initialSession?: SessionSeed | undefined }, locale: Locale): { session: boolean };
}
