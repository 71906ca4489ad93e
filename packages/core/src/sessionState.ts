import type { ConnectionSession } from './ConnectionSession.js';
import { isSessionExpired } from './sessionPolicy.js';
import type { ThryveConnectError } from './ThryveConnectError.js';
import { toThryveConnectError } from './toThryveConnectError.js';

/** Status of a widget session: a string union, so a `switch` covers every state. */
export type ConnectionSessionStatus = 'pending' | 'ready' | 'error' | 'expired';

/** A session's state, discriminated by `status`. An expired session is never `ready`. */
export type ConnectionSessionSnapshot =
  | { status: 'pending'; session: undefined; error: undefined }
  | { status: 'ready'; session: ConnectionSession; error: undefined }
  | { status: 'error'; session: undefined; error: ThryveConnectError }
  | { status: 'expired'; session: ConnectionSession; error: undefined };

/** The part of a query's state a session's status is read from (React Query's `QueryState`). */
export interface SessionQueryState {
  data: ConnectionSession | undefined;
  error: unknown;
  dataUpdatedAt: number;
  errorUpdatedAt: number;
  fetchStatus: 'fetching' | 'paused' | 'idle';
}

/**
 * Reads a session's status at `now`: `ready` only while it may still be used; an error newer than the
 * session wins (a failed refresh says why); an old session with nothing on the way is `expired`;
 * everything else, including a refresh in flight, is `pending`.
 */
export function toSessionSnapshot(
  state: SessionQueryState | undefined,
  maxAgeMs: number,
  now: number,
): ConnectionSessionSnapshot {
  const session = state?.data;
  if (session && !isSessionExpired(session, maxAgeMs, now)) {
    return { status: 'ready', session, error: undefined };
  }
  const idle = state?.fetchStatus !== 'fetching';
  if (state?.error && state.errorUpdatedAt >= state.dataUpdatedAt && idle) {
    return { status: 'error', session: undefined, error: toThryveConnectError(state.error) };
  }
  if (session && idle) return { status: 'expired', session, error: undefined };
  return { status: 'pending', session: undefined, error: undefined };
}
