import { type DataSourceId, isDataSourceId } from './dataSources.js';
import { fingerprintToken } from './fingerprintToken.js';
import type { PendingAction } from './PendingAction.js';
import type { ThryveConnectErrorCode } from './ThryveConnectError.js';

/** Why a result could not be attributed to the action this page started. */
export type UnmatchedReason =
  | 'malformed'
  | 'no_pending_action'
  | 'token_mismatch'
  | 'data_source_mismatch'
  | 'stale';

/**
 * The outcome of a direct connect/revoke, read against the pending action:
 * - `none`: the URL carries no result;
 * - `connected` / `revoked`: the action succeeded;
 * - `failed`: a connect was denied or cancelled, or a revoke failed;
 * - `unmatched`: a result this page did not start (or cannot trust) — never a success.
 */
export type ConnectionResult =
  | { status: 'none' }
  | { status: 'connected'; action: 'connect'; dataSource: DataSourceId }
  | { status: 'revoked'; action: 'revoke'; dataSource: DataSourceId }
  | { status: 'failed'; action: 'connect' | 'revoke'; dataSource: DataSourceId }
  | { status: 'unmatched'; reason: UnmatchedReason; dataSource?: DataSourceId };

/**
 * A result as a page reads it after a form post, from the proxy (the server's `readResult`): a
 * {@link ConnectionResult}, or an action the proxy could not start (or a revoke that failed) with the
 * error's code — and, when it was a rate limit, how long to wait — so the page can say why.
 */
export type FormConnectionResult =
  | ConnectionResult
  | {
      status: 'failed';
      action: 'connect' | 'revoke';
      dataSource: DataSourceId;
      code: ThryveConnectErrorCode;
      retryAfterMs?: number;
    };

/** Options of {@link parseConnectionResult}. */
export interface ParseConnectionResultOptions {
  /** A pending action older than this is not trusted. Default 30 minutes. */
  maxAgeMs?: number;
  /** Clock, for tests. */
  now?: number;
}

/** The query parameters Thryve appends to the result redirect. */
export const CONNECTION_RESULT_PARAMS = ['token', 'dataSource', 'connected'] as const;

/** Default age after which a pending action is no longer trusted. */
export const DEFAULT_PENDING_MAX_AGE_MS = 30 * 60 * 1000;

function readParams(url: unknown): URLSearchParams | undefined {
  if (url instanceof URL) return url.searchParams;
  if (typeof url !== 'string' || url.length > 8192) return undefined;
  try {
    return new URL(url, 'http://invalid.local').searchParams;
  } catch {
    return undefined;
  }
}

/**
 * Reads Thryve's result parameters (`token`, `dataSource`, `connected`) from the URL the user came
 * back to, and interprets them against what this page started: after a connect `connected=true` is
 * success; after a revoke `connected=false` is success. Without a matching pending action (same token,
 * same source, recent) the result is `unmatched`, never a success; so is a URL with any result
 * parameter twice (`malformed`). Never throws.
 */
export function parseConnectionResult(
  url: string | URL,
  pendingAction: PendingAction | null | undefined,
  options: ParseConnectionResultOptions = {},
): ConnectionResult {
  const params = readParams(url);
  if (!params || (!params.has('connected') && !params.has('dataSource'))) return { status: 'none' };

  const connectedParam = params.get('connected');
  const token = params.get('token');
  const dataSource = Number(params.get('dataSource'));
  if (
    !isDataSourceId(dataSource) ||
    (connectedParam !== 'true' && connectedParam !== 'false') ||
    !token ||
    // Any parameter twice is ambiguous (`connected=true&connected=false`): never read as a success.
    CONNECTION_RESULT_PARAMS.some((name) => params.getAll(name).length > 1)
  ) {
    return { status: 'unmatched', reason: 'malformed' };
  }
  if (!pendingAction) return { status: 'unmatched', reason: 'no_pending_action', dataSource };
  const { maxAgeMs = DEFAULT_PENDING_MAX_AGE_MS, now = Date.now() } = options;
  if (!(now - pendingAction.startedAt <= maxAgeMs) || pendingAction.startedAt > now + 60_000) {
    return { status: 'unmatched', reason: 'stale', dataSource };
  }
  if (pendingAction.dataSource !== dataSource) {
    return { status: 'unmatched', reason: 'data_source_mismatch', dataSource };
  }
  if (pendingAction.tokenFingerprint !== fingerprintToken(token)) {
    return { status: 'unmatched', reason: 'token_mismatch', dataSource };
  }
  const connected = connectedParam === 'true';
  if (pendingAction.action === 'connect') {
    return connected
      ? { status: 'connected', action: 'connect', dataSource }
      : { status: 'failed', action: 'connect', dataSource };
  }
  return connected
    ? { status: 'failed', action: 'revoke', dataSource }
    : { status: 'revoked', action: 'revoke', dataSource };
}

/** The same URL without Thryve's result parameters: for `history.replaceState` after reading them. */
export function removeConnectionResultParams(url: string): string {
  try {
    const parsed = new URL(url);
    for (const name of CONNECTION_RESULT_PARAMS) parsed.searchParams.delete(name);
    return parsed.href;
  } catch {
    return url;
  }
}
