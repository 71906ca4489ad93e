import { flowStore } from './internal/flowStore.js';
import {
  type ConnectionResult,
  parseConnectionResult,
  removeConnectionResultParams,
} from './parseConnectionResult.js';
import { connectionsQueryKey } from './queryKeys.js';
import { announceConnectionChange } from './syncAcrossTabs.js';
import type { ThryveUser } from './ThryveUser.js';

/**
 * Reads a connection result for `user`: `token`, `dataSource` and `connected` from `href` (default:
 * the live address), matched to the action this user started here, which it consumes once. The live
 * address is cleaned (the token must not linger in history or bookmarks) and the user's statuses are
 * marked stale. A result with no matching action of this user is `unmatched`, never a success; with
 * `user` `null` (nobody signed in) nothing is consumed or marked.
 *
 * The components and `useConnectionResult` do not call this on the live address themselves: they
 * share the page's one reading (`subscribeConnectionResult`), so every listener hears it.
 */
export function readConnectionResult(
  user: ThryveUser | null,
  options: { href?: string | undefined } = {},
): ConnectionResult {
  const href = options.href ?? window.location.href;
  const store = user?.active ? flowStore(user) : null;
  const result = parseConnectionResult(href, store?.peekPendingAction() ?? null, {
    now: user?.thryve.now() ?? Date.now(),
  });
  if (result.status === 'none') return result;
  // Only the live address is cleaned (reading it above already needed a window); a given href is the host's.
  if (options.href === undefined) {
    window.history.replaceState(window.history.state, '', removeConnectionResultParams(href));
  }
  if (!user || !store) return result;
  // Consumed exactly once: a second read (StrictMode, a remount) finds neither parameters nor action.
  store.takePendingAction();
  if ('dataSource' in result && result.dataSource !== undefined) {
    const flow = store.get(result.dataSource);
    if (flow.status === 'connecting' || flow.status === 'revoking') {
      store.set(result.dataSource, { status: 'idle' });
    }
  }
  void user.thryve.queryClient.invalidateQueries({ queryKey: connectionsQueryKey(user.userKey) });
  const { thryve } = user;
  if (result.status === 'unmatched') {
    thryve.emit({ type: 'RESULT_UNMATCHED', reason: result.reason });
    return result;
  }
  thryve.emit(
    result.action === 'connect'
      ? {
          type: 'CONNECT_RESULT',
          dataSource: result.dataSource,
          status: result.status === 'failed' ? 'failed' : 'connected',
        }
      : {
          type: 'REVOKE_RESULT',
          dataSource: result.dataSource,
          status: result.status === 'failed' ? 'failed' : 'revoked',
        },
  );
  announceConnectionChange(user);
  return result;
}
