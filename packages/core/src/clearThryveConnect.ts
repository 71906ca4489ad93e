import type { QueryClient } from '@tanstack/query-core';
import { createPendingActionStore, type PendingActionStorage } from './createPendingActionStore.js';
import { THRYVE_QUERY_KEY } from './queryKeys.js';

/**
 * Wipes everything thryve-connect holds for anyone — cached sessions and statuses (requests in flight
 * cancelled) and the pending action in storage — from outside React, e.g. in a sign-out handler that
 * has only the QueryClient. Pass the `storage` you gave the controller, if you gave one.
 *
 * @example
 * async function signOut() {
 *   clearThryveConnect(queryClient);
 *   await auth.signOut();
 * }
 */
export function clearThryveConnect(
  queryClient: QueryClient,
  options: { storage?: PendingActionStorage | undefined } = {},
): void {
  const filters = { queryKey: [THRYVE_QUERY_KEY] };
  void queryClient.cancelQueries(filters).catch(() => undefined);
  queryClient.removeQueries(filters);
  createPendingActionStore({ storage: options.storage }).clear();
}
