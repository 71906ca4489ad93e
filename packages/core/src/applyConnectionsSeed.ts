import { parseConnectedSources } from './parseConnectedSources.js';
import { connectionsQueryKey } from './queryKeys.js';
import { type ConnectionsSeed, isSeedFor } from './seeds.js';
import type { ThryveUser } from './ThryveUser.js';

/**
 * Takes a user's connections a server render read (`initialConnections`, tagged by `seedConnections`)
 * into the cache: only if they were read for this user and the cache has none yet. Returns whether it
 * took them; a foreign, untagged or malformed seed is dropped, and the statuses are fetched.
 */
export function applyConnectionsSeed(user: ThryveUser, seed: ConnectionsSeed | undefined): boolean {
  const { queryClient } = user.thryve;
  const key = connectionsQueryKey(user.userKey);
  const list = isSeedFor(seed, user.userKey) ? parseConnectedSources(seed?.connectedSources) : undefined;
  if (!list || queryClient.getQueryData(key) !== undefined) return false;
  queryClient.setQueryData(key, list);
  return true;
}
