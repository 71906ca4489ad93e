import type { DataSourceId } from './dataSources.js';

/** What the page started before it sent the user to Thryve: the result URL alone cannot say. */
export type PendingActionKind = 'connect' | 'revoke';

/** A started connect/revoke, as remembered across the full-page redirect. */
export interface PendingAction {
  /** {@link fingerprintToken} of the host's `userKey`: whose action it is (the key itself is not stored). */
  owner: string;
  action: PendingActionKind;
  dataSource: DataSourceId;
  /** {@link fingerprintToken} of the session token: the token itself is never stored. */
  tokenFingerprint: string;
  /** Epoch milliseconds. */
  startedAt: number;
}

/** Input of {@link PendingActionStore.save}: the token is fingerprinted before it is stored. */
export interface NewPendingAction {
  /** The signed-in user who started it: another user's page never consumes it. */
  userKey: string;
  action: PendingActionKind;
  dataSource: DataSourceId;
  token: string;
  startedAt?: number;
}
