'use client';
import {
  type ConnectionResult,
  type DataSourceId,
  getConnectionResult,
  getDataSource,
  subscribeConnectionResult,
} from '@thryve-connect/core';
import { useEffect, useState } from 'react';
import { IS_DEVELOPMENT } from '#is-development';
import { useLatestRef } from './internal/useLatestRef.js';
import { useThryveConnect } from './ThryveConnectContext.js';

/** What a result callback gets besides the source's id: its name, to show ("Fitbit is connected"). */
export interface ConnectionResultSource {
  /** The source's display name (the catalogue's; in the picker, as the picker shows it). */
  name: string;
}

/** Options of {@link useConnectionResult}: what to do with the outcome. */
export interface UseConnectionResultOptions {
  /** A connect this page started succeeded. */
  onConnected?: ((dataSource: DataSourceId, source: ConnectionResultSource) => void) | undefined;
  /** A revoke this page started succeeded. */
  onRevoked?: ((dataSource: DataSourceId, source: ConnectionResultSource) => void) | undefined;
  /** A connect was denied or cancelled, or a revoke failed. */
  onFailed?:
    | ((dataSource: DataSourceId, action: 'connect' | 'revoke', source: ConnectionResultSource) => void)
    | undefined;
  /** The URL carried a result this page did not start: ignored, reported here for logging. */
  onUnmatched?: ((result: Extract<ConnectionResult, { status: 'unmatched' }>) => void) | undefined;
}

/**
 * On the page Thryve sends the user back to (`redirectUri`): hears the page's one reading of the
 * result (`subscribeConnectionResult`: read once per page load, matched to the action this user
 * started, removed from the address bar, statuses refreshed) and calls the matching callback. Every
 * `useConnectionResult` and `<DataSourcePicker>` on the page hears it once; one mounted later returns
 * it without calling back. While sign-in is loading the result waits in memory for the user; a result
 * with no matching action of that user is never reported as success. Returns the result
 * (`{ status: 'none' }` until there is one).
 */
const sourceOf = (id: DataSourceId): ConnectionResultSource => ({ name: getDataSource(id).name });

export function useConnectionResult(options: UseConnectionResultOptions = {}): ConnectionResult {
  const { client, user } = useThryveConnect('useConnectionResult');
  const callbacks = useLatestRef(options);
  // Re-renders when the result arrives; what is returned is read from the page's reading itself.
  const [, setHeard] = useState<ConnectionResult | null>(null);

  useEffect(
    () =>
      subscribeConnectionResult(client, user ?? undefined, (parsed) => {
        setHeard(parsed);
        const { onConnected, onRevoked, onFailed, onUnmatched } = callbacks.current;
        if (parsed.status === 'connected') onConnected?.(parsed.dataSource, sourceOf(parsed.dataSource));
        else if (parsed.status === 'revoked') onRevoked?.(parsed.dataSource, sourceOf(parsed.dataSource));
        else if (parsed.status === 'failed')
          onFailed?.(parsed.dataSource, parsed.action, sourceOf(parsed.dataSource));
        else if (parsed.status === 'unmatched') {
          if (IS_DEVELOPMENT) {
            console.warn(
              `[thryve-connect] Ignored a connection result this page did not start (${parsed.reason}). ` +
                'Start connect/revoke with useDataSourceConnection so the result can be matched.',
            );
          }
          onUnmatched?.(parsed);
        }
      }),
    [client, user, callbacks],
  );

  // What this page's reading matched to the user on screen now (a listener mounted later reads it).
  return getConnectionResult(client, user);
}
