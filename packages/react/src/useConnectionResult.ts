'use client';
import { type ConnectionResult, type DataSourceId, readConnectionResult } from '@thryve-connect/core';
import { useEffect, useState } from 'react';
import { IS_DEVELOPMENT } from '#is-development';
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

/**
 * On the page Thryve sends the user back to (`redirectUri`): reads the result through the controller
 * (`readConnectionResult`: matched to the action this user started, consumed once, removed from the
 * address bar, statuses refreshed) and calls the matching callback. A result with no matching action
 * of the signed-in user is never reported as success. While `userKey` is `null` the result waits in the
 * address for a user to read it. Returns the result (`{ status: 'none' }` first).
 */
export function useConnectionResult(options: UseConnectionResultOptions = {}): ConnectionResult {
  const { client, userKey } = useThryveConnect('useConnectionResult');
  const callbacks = useLatestRef(options);
  const [result, setResult] = useState<ConnectionResult>({ status: 'none' });

  useEffect(() => {
    if (userKey === null) return;
    const parsed = readConnectionResult(client, { userKey });
    if (parsed.status === 'none') return;
    setResult(parsed);
    const { onConnected, onRevoked, onFailed, onUnmatched } = callbacks.current;
    if (parsed.status === 'connected') onConnected?.(parsed.dataSource);
    else if (parsed.status === 'revoked') onRevoked?.(parsed.dataSource);
    else if (parsed.status === 'failed') onFailed?.(parsed.dataSource, parsed.action);
    else {
      if (IS_DEVELOPMENT) {
        console.warn(
          `[thryve-connect] Ignored a connection result this page did not start (${parsed.reason}). ` +
            'Start connect/revoke with useDataSourceConnection so the result can be matched.',
        );
      }
      onUnmatched?.(parsed);
    }
  }, [client, userKey, callbacks]);

  return result;
}
