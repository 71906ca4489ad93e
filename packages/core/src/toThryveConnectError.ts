import { IS_DEVELOPMENT } from '#is-development';
import { isThryveConnectError, ThryveConnectError } from './ThryveConnectError.js';

/**
 * Every error the library shows or reports is a {@link ThryveConnectError}, so hosts can switch on
 * `code`. What a custom fetcher throws keeps its identity: an abort is `aborted`; anything else that is
 * not ours (a `TypeError` from a bug, say) is `fetcher_error` with the original as `cause`, and is never
 * retried — a retry cannot fix a bug. A fetcher reports a network failure as `network_error` to get
 * retries (`createProxyFetcher` does).
 */
export function toThryveConnectError(error: unknown): ThryveConnectError {
  if (isThryveConnectError(error)) return error;
  const name = (error as { name?: unknown } | null)?.name;
  return new ThryveConnectError(
    name === 'AbortError' ? 'aborted' : 'fetcher_error',
    IS_DEVELOPMENT
      ? `The fetcher failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`
      : '',
    { cause: error },
  );
}
