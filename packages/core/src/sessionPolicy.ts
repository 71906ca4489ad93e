import type { ConnectionSession } from './ConnectionSession.js';
import type { ThryveConnectError } from './ThryveConnectError.js';

/**
 * How long a session whose backend gave no `expiresAt` is trusted. Thryve does not publish the token's
 * lifetime; its providers default to 10 minutes, so we assume no more. Rests on the finding
 * `token-lifetime` of `pnpm test:conformance` (docs/thryve-contract.md, "Session token"): assumed, not
 * yet checked against Thryve.
 */
export const DEFAULT_SESSION_MAX_AGE_MS = 10 * 60_000;

/**
 * A session is not used in its last 5 seconds: a click then would send the user to Thryve with a token
 * that dies on the way. The fresh one is fetched one margin earlier still, so a ready session is always
 * on hand for the next click, and a session must arrive with three margins of life to be usable at all.
 */
export const SESSION_EXPIRY_MARGIN_MS = 5_000;

/**
 * Automatic retries of a failed request (network, 5xx, timeout, or a session unusable on arrival).
 * Rests on HTTP semantics, not on a Thryve finding (docs/thryve-contract.md, "Retry policy").
 */
export const MAX_RETRIES = 3;

/** When a session must no longer be shown or used: its `expiresAt`, else `fetchedAt` + the max age. */
export function sessionExpiry(session: ConnectionSession, maxAgeMs = DEFAULT_SESSION_MAX_AGE_MS): number {
  return session.expiresAt ?? session.fetchedAt + maxAgeMs;
}

/** Whether a session is too old to show or to build direct URLs from. */
export function isSessionExpired(session: ConnectionSession, maxAgeMs?: number, now = Date.now()): boolean {
  return now >= sessionExpiry(session, maxAgeMs) - SESSION_EXPIRY_MARGIN_MS;
}

/** When a fresh session is fetched for one still on screen: one margin before it stops being usable. */
export function sessionRefreshAt(session: ConnectionSession, maxAgeMs?: number): number {
  return sessionExpiry(session, maxAgeMs) - 2 * SESSION_EXPIRY_MARGIN_MS;
}

/**
 * The longest `Retry-After` of a `rate_limited` answer that is waited for automatically. A longer
 * one is shown to the user at once ("try again in N s"): a page that sits silent for longer looks broken.
 */
export const MAX_RATE_LIMIT_WAIT_MS = 10_000;

/**
 * Whether a failed session or connections request is worth another automatic try: only failures
 * that may pass on their own, and a session that arrived unusable (a clock that runs ahead), at most
 * {@link MAX_RETRIES} times. A bug in a custom fetcher or a refusal is never retried. A `rate_limited`
 * answer is waited out once, and only as the first failure with a `retryAfterMs` of at most
 * {@link MAX_RATE_LIMIT_WAIT_MS}: every extra try spends the budget that ran out, so more would be a storm.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const typed = error as Partial<ThryveConnectError> | null;
  if (typed?.code === 'rate_limited') {
    const wait = typed.retryAfterMs;
    return failureCount === 0 && typeof wait === 'number' && wait <= MAX_RATE_LIMIT_WAIT_MS;
  }
  return failureCount < MAX_RETRIES && (typed?.retryable === true || typed?.code === 'session_expired');
}

/**
 * The wait before an automatic try: a `rate_limited` answer's `retryAfterMs` (capped at
 * {@link MAX_RATE_LIMIT_WAIT_MS}), else exponential backoff: 0.5 s, 1 s, 2 s, at most 4 s.
 */
export function retryDelay(attempt: number, error?: unknown): number {
  const typed = error as Partial<ThryveConnectError> | null | undefined;
  if (typed?.code === 'rate_limited' && typeof typed.retryAfterMs === 'number') {
    return Math.min(Math.max(0, typed.retryAfterMs), MAX_RATE_LIMIT_WAIT_MS);
  }
  return Math.min(500 * 2 ** attempt, 4_000);
}

/**
 * Retries of sessions and connections alike: bounded, with backoff ({@link shouldRetry}); never again
 * by a focus or a new component after an error: Retry is the way out.
 */
export const RETRY_OPTIONS = {
  refetchOnWindowFocus: (query: { state: { status: string } }) => query.state.status !== 'error',
  retryOnMount: false,
  retry: shouldRetry,
  retryDelay,
};
