'use client';
import {
  type ConnectionResult,
  type DataSourceId,
  parseConnectionResult,
  removeConnectionResultParams,
} from '@thryve-connect/core';
import { useEffect, useState } from 'react';
import { connectionsQueryKey } from './connectionsQueryOptions.js';
import { pendingActionStore } from './internal/pendingActionStore.js';
import { useLatestRef } from './internal/useLatestRef.js';
import { useThryveConnect } from './ThryveConnectContext.js';

/** Options of {@link useConnectionResult}: what to do with the outcome. */
export interface UseConnectionResultOptions {
  /** A connect this page started succeeded. */
  onConnected?: ((dataSource: DataSourceId) => void) | undefined;
  /** A revoke this page started succeeded. */
  onRevoked?: ((dataSource: DataSourceId) => void) | undefined;
  /** A connect was denied or cancelled, or a revoke failed. */
  onFailed?: ((dataSource: DataSourceId, action: 'connect' | 'revoke') => void) | undefined;
  /** The URL carried a result this page did not start: ignored, reported here for logging. */
  onUnmatched?: ((result: Extract<ConnectionResult, { status: 'unmatched' }>) => void) | undefined;
}

// Replaced by the bundler, so the development warning drops out of production builds.
declare const process: { env: { NODE_ENV?: string } };

/**
 * On the page Thryve sends the user back to (`redirectUri`): reads `token`, `dataSource` and
 * `connected`, matches them to the action this page started, consumes that action once, removes the
 * parameters from the address bar, refreshes the statuses and calls the matching callback. A result
 * with no matching action is never reported as success. Returns the result (`{ status: 'none' }` first).
 */
export function useConnectionResult(options: UseConnectionResultOptions = {}): ConnectionResult {
  const { queryClient } = useThryveConnect('useConnectionResult');
  const callbacks = useLatestRef(options);
  const [result, setResult] = useState<ConnectionResult>({ status: 'none' });

  useEffect(() => {
    const pendingActions = pendingActionStore();
    const href = window.location.href;
    const parsed = parseConnectionResult(href, pendingActions.peek());
    if (parsed.status === 'none') return;
    // Consumed exactly once: a second mount (StrictMode, a remount) finds neither params nor action.
    pendingActions.take();
    // The session token must not linger in the address bar, the history or a bookmark.
    window.history.replaceState(window.history.state, '', removeConnectionResultParams(href));
    setResult(parsed);
    void queryClient.invalidateQueries({ queryKey: connectionsQueryKey() });
    const { onConnected, onRevoked, onFailed, onUnmatched } = callbacks.current;
    if (parsed.status === 'connected') onConnected?.(parsed.dataSource);
    else if (parsed.status === 'revoked') onRevoked?.(parsed.dataSource);
    else if (parsed.status === 'failed') onFailed?.(parsed.dataSource, parsed.action);
    else {
      if (process.env.NODE_ENV !== 'production') {
        console.warn(
          `[thryve-connect] Ignored a connection result this page did not start (${parsed.reason}). ` +
            'Start connect/revoke with useDataSourceConnection so the result can be matched.',
        );
      }
      onUnmatched?.(parsed);
    }
  }, [queryClient, callbacks]);

  return result;
}
