import type { ThryveConnect } from './createThryveConnect.js';
import { flowStore } from './internal/flowStore.js';
import {
  type ConnectionResult,
  parseConnectionResult,
  removeConnectionResultParams,
} from './parseConnectionResult.js';
import { connectionsQueryKey } from './queryKeys.js';

/**
 * On the page Thryve sends the user back to: reads `token`, `dataSource` and `connected` from the
 * address, matches them to the action this user started here, consumes that action once, removes the
 * parameters from the address bar (the token must not linger in history or bookmarks) and marks the
 * user's statuses stale. A result with no matching action of this user is `unmatched`, never a success.
 */
export function readConnectionResult(
  thryve: ThryveConnect,
  options: { userKey: string | null; href?: string | undefined },
): ConnectionResult {
  const { userKey } = options;
  const href = options.href ?? window.location.href;
  const store = flowStore(thryve);
  const pending = userKey === null ? null : store.pendingActions.peek(userKey);
  const result = parseConnectionResult(href, pending, { now: thryve.now() });
  if (result.status === 'none') return result;
  // Consumed exactly once: a second read (StrictMode, a remount) finds neither parameters nor action.
  if (userKey !== null) store.pendingActions.take(userKey);
  // Only the live address is cleaned (reading it above already needed a window); a given href is the host's.
  if (options.href === undefined) {
    window.history.replaceState(window.history.state, '', removeConnectionResultParams(href));
  }
  if (userKey !== null) {
    if ('dataSource' in result && result.dataSource !== undefined) {
      const flow = store.get(userKey, result.dataSource);
      if (flow.status === 'connecting' || flow.status === 'revoking') {
        store.set(userKey, result.dataSource, { status: 'idle' });
      }
    }
    void thryve.queryClient.invalidateQueries({ queryKey: connectionsQueryKey(userKey) });
  }
  return result;
}
